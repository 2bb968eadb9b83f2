using System.Globalization;
using System.Text.RegularExpressions;
using OfficeBot.Application.Matters;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Testing;
using Xunit.Abstractions;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Reminders;

/// <summary>
/// Many reminders for one lead falling due at once (so sent as one list) while Teams answers 503 to everything, then recovers and throttles as
/// it does (429 with Retry-After past its limits). "Now" is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public sealed class ReminderStormTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MatterCount = 10;
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task RemindersForOneLead_DueDuringA503Storm_AreDeliveredOnceAsOneList_WithinTeamsRateLimits()
    {
        var matters = (MatterService)_bot.Services.GetService(typeof(MatterService))!;
        var director = new Actor(new Person(Director.AadObjectId, Director.Name), OfficeRole.Director);
        for (var i = 1; i <= MatterCount; i++)
        {
            var (_, refusal) = await matters.RegisterAsync(TenantA, new MatterRegistration($"Storm reminder {i}", Lead: new Person(Mei.AadObjectId, Mei.Name)), director, null, CancellationToken.None);
            Assert.Null(refusal);
        }

        await _bot.FollowUpsDoneAsync();
        Assert.Equal(MatterCount, Sends().Count);

        // The storm rule comes first: a message Teams refuses with 503 is not counted against its rate limits.
        var storm = true;
        _bot.Connector.InjectFault((kind, _) => storm && kind is ConnectorCallKind.Send or ConnectorCallKind.Update ? Fault.Answer(503) : null);
        _bot.Connector.EnforceTeamsRateLimits();

        // Every receipt reminder falls due at 14:00 and goes into the lead's list, due a minute later; Teams answers 503 to
        // each attempt to send it (the sender's own retries included), so it is put back in the outbox for later.
        var stormStarted = DateTimeOffset.UtcNow;
        _bot.Clock.Advance(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(8)) - _bot.Clock.GetUtcNow());

        // Let the dispatcher take the ten reminders due at 14:00 before the clock moves on, as the real minute would: moved
        // at once, a reminder the loaded machine had not reached yet went into the next minute's list (seen: 7 + 3).
        await Task.Delay(20);
        await _bot.FollowUpsDoneAsync();
        await AdvanceUntilAsync(() => false, rounds: 3);
        var refused = _bot.Connector.Attempts.Count(a => a.Status == 503);
        Assert.Empty(Reminders());

        storm = false;
        var recovered = DateTimeOffset.UtcNow;
        await AdvanceUntilAsync(() => Reminders().Count >= 1);
        await AdvanceUntilAsync(() => false, rounds: 3);

        var delivered = Reminders();
        var accepted = _bot.Connector.Attempts.Where(a => a.ConversationId == MeiChat && a.Status == 200 && a.At >= recovered).Select(a => a.At).Order().ToList();
        var span = accepted[^1] - accepted[0];
        output.WriteLine($"{refused} attempts answered 503 during the storm; after it {delivered.Count} reminders and {accepted.Count - delivered.Count} card updates "
            + $"in {span.TotalSeconds:F1} s ({accepted.Count / Math.Max(span.TotalSeconds, 1):F1}/s); most in any 1 s: {MostInAnyWindow(accepted, TimeSpan.FromSeconds(1))}, "
            + $"2 s: {MostInAnyWindow(accepted, TimeSpan.FromSeconds(2))}, 30 s: {MostInAnyWindow(accepted, TimeSpan.FromSeconds(30))}; throttled (429): {_bot.Connector.Throttled}; "
            + $"storm {(recovered - stormStarted).TotalSeconds:F1} s, first delivery {(accepted[0] - recovered).TotalSeconds:F1} s after it ended");

        Assert.True(refused >= 1, $"the list was tried during the storm; {refused} refusals");
        // The ten reminders came due together for one person: one message lists them all, sent once though every attempt
        // during the storm failed.
        var list = Assert.Single(delivered);
        Assert.Contains($"Automatic reminders: {MatterCount} matters need you", list.Summary);
        Assert.Equal(Enumerable.Range(1, MatterCount), Regex.Matches(list.CardText, @"^#(\d+)$", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(0, _bot.Connector.Throttled);
        Assert.InRange(MostInAnyWindow(accepted, TimeSpan.FromSeconds(1)), 1, 7);
        Assert.InRange(MostInAnyWindow(accepted, TimeSpan.FromSeconds(2)), 1, 8);
        Assert.InRange(MostInAnyWindow(accepted, TimeSpan.FromSeconds(30)), 1, 60);
        var repository = (MatterRepository)_bot.Services.GetService(typeof(MatterRepository))!;
        for (var number = 1; number <= MatterCount; number++)
        {
            Assert.Single(await repository.GetHistoryAsync(TenantA, number, 1, CancellationToken.None), e => e.Kind == HistoryKind.Reminded);
        }
    }

    private List<ConnectorCall> Sends() => _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == MeiChat).ToList();

    private List<ConnectorCall> Reminders() => Sends().Where(c => (c.Summary ?? string.Empty).Contains("Automatic reminder")).ToList();

    private static int MostInAnyWindow(IReadOnlyList<DateTimeOffset> times, TimeSpan window) =>
        times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < window).Count()).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Moves the bot's clock on a minute at a time (retries wait in its time) until <paramref name="done"/> or the rounds run
    /// out. The bot may still be busy after a round: it paces sends on the real clock, and counts the refused ones too.
    /// </summary>
    private async Task AdvanceUntilAsync(Func<bool> done, int rounds = 40)
    {
        for (var round = 0; round < rounds && !done(); round++)
        {
            _bot.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(250);
            try
            {
                await _bot.FollowUpsDoneAsync();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
