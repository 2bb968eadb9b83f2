using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Reminders;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing;
using OfficeBot.Testing.EndToEnd;
using Xunit.Abstractions;
using static OfficeBot.Web.Tests.BotHost;
using static OfficeBot.Web.Tests.Delivery.BotProcessSteps;

namespace OfficeBot.Web.Tests.Reminders;

/// <summary>
/// The bot as its own process, on the real clock, killed (<c>kill -9</c>) while automatic reminders are on their way to
/// Teams, then started again on the same data. The office's working day is made to begin a minute or so after the test
/// starts, in a time zone where it is around noon, so reminders of matters due today fall due while the test watches.
/// </summary>
public sealed class ReminderCrashTests(ITestOutputHelper output)
{
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";

    [Fact]
    public async Task Reminders_InFlightWhenTheBotIsKilled_AreAllDeliveredAfterRestart_AndRepeatedOnlyWhereTeamsHadPostedThem()
    {
        var (zone, workStart, today) = OfficeDayStartingSoon(DateTimeOffset.UtcNow);
        await using var connector = await FakeConnector.StartAsync();
        connector.AddMembers(Director.Roster, Mei.Roster, Wei.Roster);
        var folder = Path.Combine(Path.GetTempPath(), "officebot-reminder-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string>
        {
            ["Office:Directors:0"] = Director.AadObjectId,
            ["Office:TimeZone"] = zone,
            ["Office:Calendar:WorkStart"] = workStart.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Office:Calendar:WorkEnd"] = "23:59",
            ["Outbox:Lease"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Office:Reminders:DigestWindowSeconds"] = "2",
            ["Bot:TrustedServiceHosts:0"] = "127.0.0.1",
        };
        if (today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            settings["Office:Calendar:WorkingDays:0:Date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var bot = typeof(Program).Assembly.Location;
        using var http = new HttpClient();

        var first = await BotProcess.StartAsync(bot, settings, folder);
        await PostAsync(http, first, Activities.Personal(Mei, "help", "en-US", TenantA, connector.ServiceUrl, []));
        await PostAsync(http, first, Activities.Personal(Wei, "help", "en-US", TenantA, connector.ServiceUrl, []));
        var due = today.ToString("MMM d", CultureInfo.InvariantCulture);
        for (var i = 1; i <= 4; i++)
        {
            var lead = i <= 2 ? Mei : Wei;
            await PostAsync(http, first, Activities.Personal(Director, $"new Crash reminder {i} lead @{lead.Name} due {due}", "en-US", TenantA, connector.ServiceUrl, [lead]));
        }

        await WaitUntilAsync(() => Sends(connector, MeiChat).Count >= 2 && Sends(connector, WeiChat).Count >= 2, TimeSpan.FromSeconds(30), first.Output);

        // At the start of the working day every reminder goes out at once. Teams hangs on those to Mei's chat before posting
        // them; those to Wei's chat it posts at once but is slow to answer — the bot cannot know they arrived.
        var crashing = true;
        var hungAtTeams = 0;
        var postedUnanswered = 0;
        connector.InjectFault((kind, chat) =>
        {
            if (!crashing || kind != ConnectorCallKind.Send)
            {
                return null;
            }

            if (chat == MeiChat)
            {
                Interlocked.Increment(ref hungAtTeams);
                return Fault.Slow(TimeSpan.FromMinutes(5));
            }

            Interlocked.Increment(ref postedUnanswered);
            return Fault.PostedSlowly(TimeSpan.FromMinutes(5));
        });
        // Each person's two reminders come due together and go as one list (or two, if they straddle a 2 s window): wait
        // for the first attempt to each chat, and for a second window to pass, so whatever was due is in flight.
        await WaitUntilAsync(() => Volatile.Read(ref hungAtTeams) >= 1 && Volatile.Read(ref postedUnanswered) >= 1, TimeSpan.FromMinutes(3), first.Output);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await first.DisposeAsync();
        crashing = false;
        var inFlight = (Hung: hungAtTeams, Posted: postedUnanswered);
        var beforeRestart = (Mei: Named(Reminders(connector, MeiChat)).Count, Wei: Named(Reminders(connector, WeiChat)).Count);

        var restarted = Stopwatch.StartNew();
        await using var second = await BotProcess.StartAsync(bot, settings, folder);
        await WaitUntilAsync(() => Named(Reminders(connector, MeiChat)).Distinct().Count() >= 2, TimeSpan.FromSeconds(60), second.Output);
        var redelivered = restarted.Elapsed;

        // Long enough for anything else the restarted bot might send again (its lease is 5 s, its poll half a second).
        await Task.Delay(TimeSpan.FromSeconds(8));

        // Each matter a message names counts as one reminder delivered.
        var mei = Named(Reminders(connector, MeiChat));
        var wei = Named(Reminders(connector, WeiChat));
        var duplicates = mei.Count + wei.Count - 4;
        output.WriteLine($"In flight at the kill: {inFlight.Hung} messages hung at Teams, {inFlight.Posted} posted but unanswered; "
            + $"after restart every reminder was delivered within {redelivered.TotalSeconds:F1} s; reminders repeated: {duplicates}");

        Assert.Equal((0, 2), beforeRestart);
        Assert.Equal([1, 2], mei.Order());
        Assert.Equal([3, 4], wei.Distinct().Order());
        Assert.InRange(duplicates, 0, 2);
        using var store = new SqliteTableStore(Path.Combine(folder, "officebot.db"));
        var matters = new MatterRepository(store, new OutboxStore(store), new OfficeTime(TimeProvider.System, Options.Create(new OfficeOptions())));
        foreach (var number in (int[])[1, 2, 3, 4])
        {
            var history = await matters.GetHistoryAsync(TenantA, number, 1, CancellationToken.None);
            Assert.Equal(nameof(ReminderRule.DueToday), Assert.Single(history, e => e.Kind == HistoryKind.Reminded).NewValue);
        }
    }

    /// <summary>
    /// A whole-hour time zone where it is now about noon (so the day does not turn while the test runs), and the first
    /// whole minute at least 20 s away there, to be the start of the working day.
    /// </summary>
    private static (string Zone, TimeOnly WorkStart, DateOnly Today) OfficeDayStartingSoon(DateTimeOffset now)
    {
        var offset = Math.Clamp(12 - now.UtcDateTime.Hour, -11, 12);
        var zone = offset switch { 0 => "Etc/GMT", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        var local = now.ToOffset(TimeSpan.FromHours(offset));
        var start = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset).AddMinutes(1);
        if (start - local < TimeSpan.FromSeconds(20))
        {
            start = start.AddMinutes(1);
        }

        return (zone, TimeOnly.FromTimeSpan(start.TimeOfDay), DateOnly.FromDateTime(local.DateTime));
    }

    private static List<ConnectorCall> Sends(FakeConnector connector, string chat) =>
        connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat).ToList();

    /// <summary>The matters the messages name: the one of a single reminder (its summary), every row of a reminder list.</summary>
    private static List<int> Named(IEnumerable<ConnectorCall> messages) =>
    [
        .. messages.SelectMany(c => Regex.Match(c.Summary ?? string.Empty, @"#(\d+) ") is { Success: true } single
            ? [single.Groups[1].Value]
            : Regex.Matches(c.CardText, @"^#(\d+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture)),
    ];

    private static List<ConnectorCall> Reminders(FakeConnector connector, string chat) =>
        Sends(connector, chat).Where(c => (c.Summary ?? string.Empty).Contains("Automatic reminder")).ToList();
}
