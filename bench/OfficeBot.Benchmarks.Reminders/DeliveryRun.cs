using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Matters;
using OfficeBot.Domain.Matters;
using OfficeBot.Testing;
using static OfficeBot.Benchmarks.Reminders.Stats;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>
/// N reminders for N people (one personal chat each) falling due at the same moment, delivered by the real host —
/// Program in process (WebApplicationFactory, as the Web tests run it), its outbox dispatcher, MatterReminders,
/// MatterFollowUp and the paced ProactiveSender — to the fake connector with Teams' rate limits on (429 past them).
/// The host's clock is a FakeTimeProvider that follows the wall clock from a chosen instant, so retries and polls come
/// due as they would; the sender paces on the wall clock, as in production.
/// </summary>
internal static class DeliveryRun
{
    /// <summary>Thursday 26 November 2026, 10:00 in Taipei: the matters are registered; their receipt reminders fall due at 14:00.</summary>
    private static readonly DateTimeOffset RegisteredAt = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly DateTimeOffset RemindersDue = new(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(8));

    public const double TenantCeiling = 50;

    public static async Task<DeliveryResult> RunAsync(int people, IReadOnlyDictionary<string, string> extraSettings, Action<string> progress)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"officebot-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInAsync(folder, people, extraSettings, progress);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private static async Task<DeliveryResult> RunInAsync(string folder, int people, IReadOnlyDictionary<string, string> extraSettings, Action<string> progress)
    {
        var office = new BenchOffice(people);
        await using var connector = await FakeConnector.StartAsync();
        connector.AddMembers(Enumerable.Range(0, BenchOffice.Directors).Select(i => new RosterMember($"29:director-{i}", BenchOffice.Director(i).DisplayName, BenchOffice.Director(i).ObjectId))
            .Concat(Enumerable.Range(0, people).Select(i => new RosterMember(BenchOffice.LeadTeamsId(i), BenchOffice.Lead(i).DisplayName, BenchOffice.Lead(i).ObjectId)))
            .ToArray());

        var settings = office.Settings(new Dictionary<string, string>(extraSettings) { ["Storage:Sqlite:Path"] = Path.Combine(folder, "officebot.db") });
        var clock = new FakeTimeProvider(RegisteredAt);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseContentRoot(BenchOffice.ContentRoot);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        using var client = factory.CreateClient();
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();

        // Everyone has talked to the bot once, so the host knows their personal chat (as BotHost's tests do with "help").
        var clockTicker = new CancellationTokenSource();
        var following = FollowWallClockAsync(clock, clockTicker.Token);
        var setup = Stopwatch.StartNew();
        await ParallelAsync(people, 4, async i =>
        {
            using var response = await client.PostAsync("/api/messages", new StringContent(
                Help(i, connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        });
        progress($"delivery: {people} people said help in {setup.Elapsed.TotalSeconds:F1} s");

        connector.EnforceTeamsRateLimits();
        var matters = factory.Services.GetRequiredService<MatterService>();
        var registeredFrom = DateTimeOffset.UtcNow;
        await ParallelAsync(people, 4, async i =>
        {
            var (matter, refusal) = await matters.RegisterAsync(BenchOffice.Tenant,
                new MatterRegistration($"Delivery bench {i}", Lead: BenchOffice.Lead(i), Due: new DueDate(new DateOnly(2026, 12, 31))),
                BenchOffice.DirectorActor(i % BenchOffice.Directors), null, CancellationToken.None);
            if (matter is null)
            {
                throw new InvalidOperationException($"Registration {i} refused: {refusal}");
            }
        });

        // The registrations' notifications (one per person) go out first, through the same path: a first measurement.
        var notifications = await WaitForSendsAsync(connector, people, registeredFrom, progress, "notifications");
        var throttledBefore = connector.Throttled;
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Every receipt reminder falls due at once.
        var remindersFrom = DateTimeOffset.UtcNow;
        // Advance, not AdjustTime: the dispatcher's poll timer fires as it would when 14:00 comes.
        clock.Advance(RemindersDue + TimeSpan.FromSeconds(1) - clock.GetUtcNow());
        var reminders = await WaitForSendsAsync(connector, people, remindersFrom, progress, "reminders");

        // Anything sent twice would show up now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await clockTicker.CancelAsync();
        await following;
        return new DeliveryResult(people, Measure(connector, people, registeredFrom, remindersFrom, notifications.Ended, 0),
            Measure(connector, people, remindersFrom, DateTimeOffset.MaxValue, reminders.Ended, throttledBefore), connector.Throttled - throttledBefore);
    }

    private static Phase Measure(FakeConnector connector, int people, DateTimeOffset from, DateTimeOffset until, TimeSpan waited, int throttledBefore)
    {
        var accepted = connector.Attempts
            .Where(a => a.At >= from && a.At < until && a.Status == 200 && a.Kind is ConnectorCallKind.Send or ConnectorCallKind.Update)
            .ToList();
        var refused429 = connector.Attempts.Count(a => a.At >= from && a.At < until && a.Status == 429);
        var sends = accepted.Where(a => a.Kind == ConnectorCallKind.Send && a.ConversationId.StartsWith("a:personal-aad-lead-", StringComparison.Ordinal)).ToList();
        var distinct = sends.Select(s => s.ConversationId).Distinct().Count();
        var times = accepted.Select(a => a.At).Order().ToList();
        var sendTimes = sends.Select(a => a.At).Order().ToList();
        var updates = accepted.Count(a => a.Kind == ConnectorCallKind.Update);
        var updatesInPeoplesChats = accepted.Count(a => a.Kind == ConnectorCallKind.Update && a.ConversationId.StartsWith("a:personal-aad-lead-", StringComparison.Ordinal));
        return new Phase(accepted.Count, sends.Count, distinct, people - distinct, sends.Count - distinct, refused429,
            times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0, Steady(times), Steady(sendTimes), MostInAnySecond(times), waited,
            times.Count > 0 ? (times[0] - from).TotalSeconds : double.NaN, updates, updatesInPeoplesChats);
    }

    /// <summary>Messages per second between the 10th and the 90th percentile arrival: the start and the tail left out.</summary>
    private static double Steady(IReadOnlyList<DateTimeOffset> times)
    {
        if (times.Count < 20)
        {
            return double.NaN;
        }

        var first = (int)(times.Count * 0.1);
        var last = (int)(times.Count * 0.9);
        return (last - first) / (times[last] - times[first]).TotalSeconds;
    }

    private static int MostInAnySecond(IReadOnlyList<DateTimeOffset> times)
    {
        var most = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    private static async Task<(TimeSpan Ended, int Distinct)> WaitForSendsAsync(FakeConnector connector, int people, DateTimeOffset from, Action<string> progress, string what)
    {
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(60 + people / 10.0);
        var distinct = 0;
        var lastReport = TimeSpan.Zero;
        while (clock.Elapsed < limit)
        {
            distinct = connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.At >= from && c.ConversationId.StartsWith("a:personal-aad-lead-", StringComparison.Ordinal))
                .Select(c => c.ConversationId).Distinct().Count();
            if (distinct >= people)
            {
                break;
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                progress($"delivery: {what}: {distinct} of {people} people after {clock.Elapsed.TotalSeconds:F0} s, {connector.Throttled} answered 429 so far");
            }

            await Task.Delay(200);
        }

        progress($"delivery: {what}: {distinct} of {people} people after {clock.Elapsed.TotalSeconds:F1} s");
        return (clock.Elapsed, distinct);
    }

    /// <summary>Moves the host's clock on with the wall clock, so that retries, leases and polls come due as they would.</summary>
    private static async Task FollowWallClockAsync(FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        var last = Stopwatch.GetTimestamp();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(50, cancellationToken);
                var now = Stopwatch.GetTimestamp();
                clock.Advance(Stopwatch.GetElapsedTime(last, now));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Task ParallelAsync(int count, int workers, Func<int, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await body(i);
            }
        })));
    }

    /// <summary>"help" from person <paramref name="i"/> in their personal chat, shaped as Teams sends it (see BotHost's Activities).</summary>
    private static JsonObject Help(int i, string serviceUrl)
    {
        var lead = BenchOffice.Lead(i);
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"in-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = BenchOffice.LeadTeamsId(i), ["name"] = lead.DisplayName, ["aadObjectId"] = lead.ObjectId },
            ["conversation"] = new JsonObject { ["id"] = $"a:personal-{lead.ObjectId}", ["conversationType"] = "personal", ["tenantId"] = BenchOffice.Tenant, ["isGroup"] = false },
            ["recipient"] = new JsonObject { ["id"] = "28:officebot", ["name"] = "OfficeBot" },
            ["text"] = "help",
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "TW", ["platform"] = "Web", ["timezone"] = "Asia/Taipei" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BenchOffice.Tenant } },
        };
    }
}

/// <param name="Messages">Messages Teams accepted (sends and in-place updates), over all chats.</param>
/// <param name="Sends">New messages in the people's personal chats.</param>
internal sealed record Phase(int Messages, int Sends, int DistinctPeople, int Lost, int Duplicates, int Answered429, double SpanSeconds, double SteadyMessagesPerSecond,
    double SteadySendsPerSecond, int MostInAnySecond, TimeSpan Waited, double FirstAfterSeconds, int Updates, int UpdatesInPeoplesChats)
{
    public double Overall => SpanSeconds > 0 ? Messages / SpanSeconds : double.NaN;

    public string Row(string label) =>
        $"| {label} | {Sends:N0} | {DistinctPeople:N0} | {Lost} | {Duplicates} | {Updates:N0} ({UpdatesInPeoplesChats:N0}) | {Messages:N0} | {F(FirstAfterSeconds)} | {F(SpanSeconds)} | {F(Overall)} | {F(SteadyMessagesPerSecond)} | {F(SteadyMessagesPerSecond / DeliveryRun.TenantCeiling, 2)} | {F(SteadySendsPerSecond)} | {MostInAnySecond} | {Answered429} |";
}

internal sealed record DeliveryResult(int People, Phase Notifications, Phase Reminders, int ThrottledDuringReminders);
