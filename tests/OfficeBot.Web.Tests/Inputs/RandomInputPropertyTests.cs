using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficeBot.Cards.Actions;
using OfficeBot.Domain.Limits;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Inputs;

/// <summary>
/// Whatever a card press carries and whatever a person types, the real HTTP pipeline answers: never a 5xx, never an
/// empty invoke body, never an exception escaping the handler (seen as an Error log: the adapter's "turn failed" or the
/// invoke's last-resort error card). Random values are drawn by FsCheck around the cases the probing found.
/// </summary>
public sealed class RandomInputPropertyTests(RandomInputPropertyTests.Host host) : IClassFixture<RandomInputPropertyTests.Host>
{
    /// <summary>The cases that crashed or were wrongly accepted before; each is also one of the generators' choices.</summary>
    public static TheoryData<string, string, string, string> SeedPresses() => new()
    {
        { "\"matter.urge\"", "99999999999999999999", "1", "{}" },
        { "\"matter.urge\"", "4294967297", "1", "{}" },
        { "\"matter.progress\"", "1", "1099511627776", """{"text":"x"}""" },
        { "\"matter.instruct\"", "1", "1", $$"""{"lead":"aad-mei","due":"2031-01-01garbage"}""" },
        { "\"matter.instruct\"", "1", "1", $$"""{"lead":"aad-mei","coHandlers":{{JsonSerializer.Serialize(string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"ghost-{i}")))}}}""" },
        { "\"coHandling.opinion\"", "1", "1", $$"""{"text":{{JsonSerializer.Serialize(new string('意', 600_000))}}}""" },
        { "\"matter.cancel\"", "1", "1", $$"""{"reason":{{JsonSerializer.Serialize(new string('審', 200_000))}}}""" },
        { JsonSerializer.Serialize("matter.urge\nforged line " + new string('v', 100_000)), "1", "1", "{}" },
        { "[\"matter.urge\"]", "1", "1", "{}" },
        { "\"matter.urge\"", "\"1\"", "null", """{"text":"[Click to verify your account](https://evil.example/login) **URGENT**\u202E"}""" },
    };

    public static TheoryData<string> SeedMessages() =>
    [
        "progress #1 \uE000",
        "new Far future due 12/31/9999",
        "extend #1 9999-12-31",
        "new [Click to verify your account](https://evil.example/login) **URGENT**",
        "new \u202Eexe.txt",
        "progress #1 " + new string('x', 50_000),
        "new " + new string('報', InputLimits.Message + 1),
        "show #99999999999999999999",
        "urge #4294967297 now",
        "新事項 測試 會辦 <at>查無此人</at>",
    ];

    [Theory]
    [MemberData(nameof(SeedPresses))]
    public void SeedPress_IsAnsweredWithACard(string verb, string matter, string revision, string inputs) =>
        Assert.True(host.Press(CardPress.Of(verb, matter, revision, inputs)), host.LastProblem);

    [Theory]
    [MemberData(nameof(SeedMessages))]
    public void SeedMessage_IsAnswered(string text) =>
        Assert.True(host.Say(new ChatText(text)), host.LastProblem);

    [Property(MaxTest = 150, Arbitrary = [typeof(RandomInputs)])]
    public bool AnyCardPress_IsAnsweredWithACard(CardPress press) => host.Press(press);

    [Property(MaxTest = 150, Arbitrary = [typeof(RandomInputs)])]
    public bool AnyChatText_IsAnswered(ChatText text) => host.Say(text);

    /// <summary>One press: the whole invoke value as JSON text, so numbers too large for any .NET type can be sent.</summary>
    public sealed record CardPress(string Value)
    {
        public static CardPress Of(string verb, string matter, string revision, string inputs)
        {
            var data = new StringBuilder("{\"matter\":").Append(matter).Append(",\"revision\":").Append(revision);
            foreach (var (key, value) in JsonNode.Parse(inputs)!.AsObject())
            {
                data.Append(',').Append(JsonSerializer.Serialize(key)).Append(':').Append(value?.ToJsonString() ?? "null");
            }

            return new CardPress("{\"action\":{\"type\":\"Action.Execute\",\"verb\":" + verb + ",\"data\":" + data.Append('}') + "},\"trigger\":\"manual\"}");
        }

        public override string ToString() => Value.Length <= 300 ? Value : Value[..300] + $"… ({Value.Length} characters)";
    }

    public sealed record ChatText(string Text)
    {
        public override string ToString() => Text.Length <= 300 ? Text : Text[..300] + $"… ({Text.Length} characters)";
    }

    /// <summary>FsCheck's generators: awkward numbers, awkward text, and the probing's cases among them.</summary>
    public static class RandomInputs
    {
        private static readonly string[] Numbers =
        [
            "99999999999999999999", "4294967297", "1099511627776", "2147483647", "2147483648", "-2147483649", "-1", "0", "1", "2", "3",
            "1.5", "1e400", "-0", "null", "true", "\"1\"", "[]", "{}", "[1]", "{\"a\":1}",
        ];

        private static readonly string[] Texts =
        [
            "", " ", "2031-01-01garbage", "2031-01-01", "9999-12-31", "2026-12-20", "aad-mei", "aad-wei,aad-mei", "aad-nobody", "aad-mei,",
            "[Click to verify your account](https://evil.example/login) **URGENT**", "\u202E\u2066\u200F", "\uE000", "\uD800", "<at>x</at>",
            "\r\nforged log line", "#1", "&amp;&quot;", new string('長', InputLimits.Text + 1), new string('x', InputLimits.Text),
        ];

        private static readonly Gen<char> Character = Gen.Frequency(
            (6, Gen.Choose(32, 126).Select(i => (char)i)),
            (2, Gen.Choose(0x4E00, 0x9FFF).Select(i => (char)i)),
            (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)),
            (1, Gen.Elements('\u202E', '\uE000', '\uE001', '\uFFFD', '\n', '\0', '#', '@', '<', '>', '\\', '"', '*', '[', ']')));

        private static readonly Gen<string> RandomText = Gen.ArrayOf(Character).Select(chars => new string(chars));

        private static readonly Gen<string> Text = Gen.Frequency((2, Gen.Elements(Texts)), (3, RandomText));

        private static readonly Gen<string> Number = Gen.Frequency(
            (3, Gen.Elements(Numbers)),
            (2, Gen.Choose(-3, 5).Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(i => ((long)i * 4099).ToString(CultureInfo.InvariantCulture))));

        private static readonly Gen<string> AnyJson = Gen.Frequency((2, Number), (3, Text.Select(t => JsonSerializer.Serialize(t))));

        private static readonly Gen<string> Verb = Gen.Frequency(
            (6, Gen.Elements(CardVerbs.All.ToArray()).Select(v => JsonSerializer.Serialize(v))),
            (2, Text.Select(t => JsonSerializer.Serialize(t))),
            (1, Number));

        private static readonly Gen<string> Inputs =
            Gen.ListOf(Gen.Zip(Gen.Elements(CardInputs.Text, CardInputs.Reason, CardInputs.Due, CardInputs.Lead, CardInputs.CoHandlers, CardInputs.To, "matter", "x"), AnyJson))
                .Select(pairs => "{" + string.Join(',', pairs.DistinctBy(p => p.Item1).Select(p => $"{JsonSerializer.Serialize(p.Item1)}:{p.Item2}")) + "}");

        private static readonly Gen<CardPress> WellFormed =
            from verb in Verb
            from matter in Number
            from revision in Number
            from inputs in Inputs
            select CardPress.Of(verb, matter, revision, inputs);

        private static readonly Gen<CardPress> Malformed = Gen.Elements(
            new CardPress("""{"action":{"type":"Action.Submit","verb":"matter.urge"}}"""),
            new CardPress("""{"trigger":"manual"}"""),
            new CardPress("""[1,2]"""),
            new CardPress("""{"action":{"type":"Action.Execute","verb":"matter.urge","data":"{\"matter\":1,\"revision\":1}"}}"""),
            new CardPress("""{"action":{"type":"Action.Execute","verb":"matter.urge","data":[1]}}"""),
            new CardPress("""{"action":{"type":"Action.Execute","verb":"matter.urge","data":"not json"}}"""),
            new CardPress("""{"action":{"type":"Action.Execute","verb":{"a":1},"data":{"matter":1}}}"""));

        private static readonly Gen<string> CommandWord = Gen.Elements(
            "new", "progress", "done", "urge", "extend", "transfer", "show", "ack", "my", "help", "新事項", "進度", "辦結", "催辦", "延期", "轉辦", "查看", "新事项", "进度");

        private static readonly Gen<ChatText> Command =
            from word in CommandWord
            from number in Number
            from text in Text
            select new ChatText($"{word} #{number} {text}");

        public static Arbitrary<CardPress> Presses() => Arb.From(Gen.Frequency((9, WellFormed), (1, Malformed)));

        public static Arbitrary<ChatText> Messages() => Arb.From(Gen.Frequency((3, Command), (1, Text.Select(t => new ChatText(t)))));
    }

    /// <summary>One bot for the whole class, with a matter #1 to press on and a log that keeps every Error.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly ErrorLog _errors = new();
        private BotHost _bot = null!;

        public string LastProblem { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            _bot = await BotHost.StartAsync();
            _bot.Services.GetRequiredService<ILoggerFactory>().AddProvider(_errors);
            await _bot.AskAsync(Director, "help", "en-US");
            await _bot.AskAsync(Mei, "help", "en-US");
            await _bot.AskAsync(Wei, "help", "en-US");
            await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);
        }

        public async Task DisposeAsync() => await _bot.DisposeAllAsync();

        public bool Press(CardPress press) => Check(press.ToString(), async () =>
        {
            var invoke = Activities.Personal(Director, string.Empty, "zh-TW", TenantA, _bot.Connector.ServiceUrl, []);
            invoke["type"] = "invoke";
            invoke["name"] = "adaptiveCard/action";
            invoke.Remove("text");
            invoke["id"] = $"in-{Guid.NewGuid():N}";
            var json = invoke.ToJsonString();
            json = json[..^1] + ",\"value\":" + press.Value + "}";
            var response = await _bot.PostRawAsync(json);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 200)
            {
                return $"answered {(int)response.StatusCode}: {body}";
            }

            var answer = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject;
            return answer?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" && answer["value"] is JsonObject
                ? null
                : $"answered 200 without a card: '{body}'";
        });

        public bool Say(ChatText text) => Check(text.ToString(), async () =>
        {
            var activity = Activities.Personal(Mei, text.Text, "en-US", TenantA, _bot.Connector.ServiceUrl, []);
            var id = $"in-{Guid.NewGuid():N}";
            activity["id"] = id;
            var response = await _bot.PostRawAsync(activity.ToJsonString());
            if ((int)response.StatusCode >= 500)
            {
                return $"answered {(int)response.StatusCode}";
            }

            return _bot.Connector.Calls.Any(c => c.Kind == ConnectorCallKind.Reply && c.ActivityId == id) ? null : "no reply";
        });

        private bool Check(string input, Func<Task<string?>> send)
        {
            var before = _errors.Count;

            // Off xunit's synchronisation context: FsCheck calls the property synchronously.
            var problem = Task.Run(send).GetAwaiter().GetResult();
            var errors = _errors.Since(before);
            problem ??= errors.Count > 0 ? "logged an error: " + string.Join(" | ", errors) : null;
            LastProblem = problem is null ? string.Empty : $"{input} → {problem}";
            return problem is null;
        }
    }

    /// <summary>Keeps every log entry at Error or above, from any category: an exception that escaped a handler is logged there.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public int Count => _entries.Count;

        public IReadOnlyList<string> Since(int count) => _entries.Skip(count).ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
                }
            }
        }
    }
}
