using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Testing;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The real bot host in process (WebApplicationFactory over Program), fed Teams-shaped activities through
/// POST /api/messages; its replies go to a <see cref="FakeConnector"/> that the activities' serviceUrl points to.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string TenantA = "tenant-a-0000";
    public const string TenantB = "tenant-b-0000";
    public const string BotId = "28:officebot";

    /// <summary>Thursday 26 November 2026, 10:00 in Taipei: every test's "now", so relative dates have one right answer.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly TeamsUser Director = new("29:director", "王主任", "aad-director");
    public static readonly TeamsUser Mei = new("29:mei", "陳小美", "aad-mei");
    public static readonly TeamsUser Wei = new("29:wei", "林阿偉", "aad-wei");
    public static readonly TeamsUser Leader = new("29:leader", "李局長", "aad-leader");
    public static readonly TeamsUser Outsider = new("29:outsider", "外人", "aad-outsider");

    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    private BotHost(WebApplicationFactory<Program> factory, FakeConnector connector, string databasePath, FakeTimeProvider clock)
    {
        Clock = clock;
        _factory = factory;
        Connector = connector;
        DatabasePath = databasePath;
        _client = factory.CreateClient();
    }

    public FakeConnector Connector { get; }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the host on a SQLite file (a fresh one unless given) or on the storage settings given.</summary>
    /// <param name="services">Extra test services (a log capture, a certificate trust), added after the host's own.</param>
    public static async Task<BotHost> StartAsync(string? databasePath = null, FakeConnector? connector = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        connector ??= await FakeConnector.StartAsync();
        connector.AddMembers(Director.Roster, Mei.Roster, Wei.Roster, Leader.Roster);
        databasePath ??= Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db");
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Office:TimeZone"] = "Asia/Taipei",
            ["Office:DefaultLocale"] = "zh-TW",
            ["Office:Directors:0"] = Director.AadObjectId,
            ["Office:Leaders:0"] = Leader.AadObjectId,

            // The morning report would add a card to the directors' chats of every test that moves the clock past 08:30;
            // the tests of the report turn it on (Reminders/MorningReportTests).
            ["Office:Report:Push"] = "false",
            ["Storage:Sqlite:Path"] = databasePath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var clock = new FakeTimeProvider(Now);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(collection =>
            {
                collection.AddSingleton<TimeProvider>(clock);
                services?.Invoke(collection);
            });
        });
        var host = new BotHost(factory, connector, databasePath, clock);
        await host._client.GetAsync("/healthz");
        return host;
    }

    public Task<HttpResponseMessage> PostRawAsync(string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>A message in the sender's personal chat with the bot; returns the bot's replies to it.</summary>
    public Task<IReadOnlyList<ConnectorCall>> SayAsync(TeamsUser from, string text, string locale = "zh-TW", string tenant = TenantA, params TeamsUser[] mentions) =>
        SendAsync(Activities.Personal(from, text, locale, tenant, Connector.ServiceUrl, mentions));

    /// <summary>A message in a team channel, addressed to the bot with an @mention first.</summary>
    public Task<IReadOnlyList<ConnectorCall>> SayInChannelAsync(TeamsUser from, string text, string locale = "zh-TW", string tenant = TenantA, params TeamsUser[] mentions) =>
        SendAsync(Activities.Channel(from, text, locale, tenant, Connector.ServiceUrl, mentions));

    public async Task<IReadOnlyList<ConnectorCall>> SendAsync(JsonObject activity)
    {
        var id = $"in-{Guid.NewGuid():N}";
        activity["id"] = id;
        var response = await PostRawAsync(activity.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Reply && c.ActivityId == id).ToList();
    }

    /// <summary>Presses an Action.Execute button: posts the adaptiveCard/action invoke Teams sends and returns the card the bot answers with.</summary>
    /// <param name="onCard">The message id of the card pressed (Teams sends it as replyToId); none when left out.</param>
    public async Task<(int Status, JsonObject Body)> PressAsync(TeamsUser from, string verb, int matter, int revision, IDictionary<string, string>? inputs = null, string locale = "en-US",
        string tenant = TenantA, string? onCard = null, bool inGroupChat = false)
    {
        var data = new JsonObject { ["matter"] = matter, ["revision"] = revision };
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return await InvokeAsync(from, verb, data, locale, tenant, onCard, inGroupChat);
    }

    private async Task<(int Status, JsonObject Body)> InvokeAsync(TeamsUser from, string verb, JsonObject data, string locale, string tenant, string? onCard, bool inGroupChat)
    {
        var invoke = inGroupChat
            ? Activities.GroupChat(from, string.Empty, locale, tenant, Connector.ServiceUrl, [])
            : Activities.Personal(from, string.Empty, locale, tenant, Connector.ServiceUrl, []);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke.Remove("text");
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        invoke["id"] = $"in-{Guid.NewGuid():N}";
        if (onCard is not null)
        {
            invoke["replyToId"] = onCard;
        }

        var response = await PostRawAsync(invoke.ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject() ?? [];
        return ((int)response.StatusCode, body);
    }

    /// <summary>Presses a button on a meeting request's card (its data carries the meeting, not a matter).</summary>
    public Task<(int Status, JsonObject Body)> PressMeetingAsync(TeamsUser from, string verb, int meeting, int revision, IDictionary<string, string>? inputs = null,
        string locale = "en-US", string tenant = TenantA, string? onCard = null)
    {
        var data = new JsonObject { ["meeting"] = meeting, ["revision"] = revision };
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return InvokeAsync(from, verb, data, locale, tenant, onCard, inGroupChat: false);
    }

    /// <summary>Waits until the notifications and in-place updates that followed the last changes have gone out.</summary>
    public Task FollowUpsDoneAsync() =>
        ((OfficeBot.Application.Outbox.OutboxSignal)Services.GetService(typeof(OfficeBot.Application.Outbox.OutboxSignal))!).WhenIdleAsync(TimeSpan.FromSeconds(20));

    /// <summary>
    /// Moves the bot's clock on to <paramref name="until"/> in steps of at most <paramref name="maxStep"/> (half an hour
    /// unless given), so its timers fire as they would, and lets the dispatcher finish what each step made due.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset until, TimeSpan? maxStep = null)
    {
        var most = maxStep ?? TimeSpan.FromMinutes(30);
        while (Clock.GetUtcNow() < until)
        {
            var left = until - Clock.GetUtcNow();
            Clock.Advance(left < most ? left : most);
            await Task.Delay(20);
            await FollowUpsDoneAsync();
        }
    }

    /// <summary>The single reply a message got.</summary>
    public async Task<ConnectorCall> AskAsync(TeamsUser from, string text, string locale = "zh-TW", string tenant = TenantA, params TeamsUser[] mentions)
    {
        var replies = await SayAsync(from, text, locale, tenant, mentions);
        return Assert.Single(replies);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAllAsync()
    {
        await DisposeAsync();
        await Connector.DisposeAsync();
    }
}

public sealed record TeamsUser(string TeamsUserId, string Name, string AadObjectId)
{
    public RosterMember Roster => new(TeamsUserId, Name, AadObjectId, $"{AadObjectId}@contoso.example");
}

/// <summary>Activities shaped as Teams sends them (ids, tenant, channelData, mention entities).</summary>
public static class Activities
{
    public static JsonObject Personal(TeamsUser from, string text, string locale, string tenant, string serviceUrl, TeamsUser[] mentions) =>
        Message(from, MentionText(text, mentions), locale, tenant, serviceUrl, $"a:personal-{from.AadObjectId}", "personal", mentions, botMentioned: false);

    /// <summary>A group chat the bot was added to: like a channel, the bot is @mentioned.</summary>
    public const string GroupChatId = "19:office-group@thread.v2";

    public static JsonObject GroupChat(TeamsUser from, string text, string locale, string tenant, string serviceUrl, TeamsUser[] mentions) =>
        Message(from, $"<at>OfficeBot</at> {MentionText(text, mentions)}", locale, tenant, serviceUrl, GroupChatId, "groupChat", mentions, botMentioned: true);

    public static JsonObject Channel(TeamsUser from, string text, string locale, string tenant, string serviceUrl, TeamsUser[] mentions) =>
        Message(from, $"<at>OfficeBot</at> {MentionText(text, mentions)}", locale, tenant, serviceUrl, "19:general@thread.tacv2;messageid=1", "channel", mentions, botMentioned: true);

    /// <summary>Replaces each "@Name" of a mentioned user in the text by Teams' "&lt;at&gt;Name&lt;/at&gt;" markup.</summary>
    private static string MentionText(string text, TeamsUser[] mentions)
    {
        foreach (var m in mentions)
        {
            text = text.Replace("@" + m.Name, $"<at>{m.Name}</at>", StringComparison.Ordinal);
        }

        return text;
    }

    private static JsonObject Message(TeamsUser from, string text, string locale, string tenant, string serviceUrl, string conversationId, string conversationType, TeamsUser[] mentions, bool botMentioned)
    {
        var entities = new JsonArray();
        if (botMentioned)
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>OfficeBot</at>", ["mentioned"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "OfficeBot" } });
        }

        foreach (var m in mentions)
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{m.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = m.TeamsUserId, ["name"] = m.Name } });
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "TW", ["platform"] = "Web", ["timezone"] = "Asia/Taipei" });
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        if (conversationType == "channel")
        {
            channelData["teamsChannelId"] = "19:general@thread.tacv2";
            channelData["teamsTeamId"] = "19:team@thread.tacv2";
            channelData["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
            channelData["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.TeamsUserId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = tenant, ["isGroup"] = conversationType != "personal" },
            ["recipient"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "OfficeBot" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = locale,
            ["entities"] = entities,
            ["channelData"] = channelData,
        };
    }
}
