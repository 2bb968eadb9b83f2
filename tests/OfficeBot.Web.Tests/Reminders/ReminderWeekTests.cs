using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Reminders;

/// <summary>
/// Twelve days of automatic reminders through the real host, with the bot's clock moved on half an hour at a time, in
/// an office whose Wednesday 2 December is a holiday and Saturday 5 December a make-up working day (its own settings,
/// not the shipped calendars). "Now" is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public sealed class ReminderWeekTests : IAsyncLifetime
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";
    private static readonly string DirectorChat = $"a:personal-{Director.AadObjectId}";

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Calendar:Holidays:0:Date"] = "2026-12-02",
            ["Office:Calendar:Holidays:0:Name"] = "測試假日",
            ["Office:Calendar:WorkingDays:0:Date"] = "2026-12-05",
            ["Office:Calendar:WorkingDays:0:Name"] = "補班",
        });
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Wei, "help", "zh-TW");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task AWeekWithAHolidayAndAMakeUpSaturday_SendsExactlyTheExpectedReminders_AtNineOnWorkingMornings_ToWhomItShould_InTheirLanguage()
    {
        // #1 is due Thursday 3 Dec: two working days before is Monday (Wednesday is a holiday). #2 is due Monday 7 Dec:
        // the make-up Saturday is one working day before it, Friday two. Both are acknowledged at once.
        var first = await RegisterAsync("new Budget report lead @陳小美 due Dec 3", [Mei]);
        var second = await RegisterAsync("new Venue booking lead @陳小美 co @林阿偉 due Dec 7", [Mei, Wei]);
        await _bot.PressAsync(Mei, CardVerbs.Acknowledge, first.Number, first.Revision);
        await _bot.PressAsync(Mei, CardVerbs.Acknowledge, second.Number, second.Revision);
        await _bot.PressAsync(Wei, CardVerbs.Accept, second.Number, second.Revision + 1, locale: "zh-TW");
        await _bot.FollowUpsDoneAsync();

        var expected = new Dictionary<string, string[]>
        {
            ["2026-11-30"] = [$"{MeiChat} #1 due in 2 working days"],
            ["2026-12-01"] = [$"{MeiChat} #1 due in 1 working day"],
            ["2026-12-03"] = [$"{MeiChat} #1 due today"],
            ["2026-12-04"] = [$"{MeiChat} #1 overdue by 1 working day | #2 due in 2 working days", $"{WeiChat} #2 距期限還有 2 個工作日"],
            ["2026-12-05"] = [$"{MeiChat} #1 overdue by 2 working days | #2 due in 1 working day", $"{WeiChat} #2 距期限還有 1 個工作日"],
            ["2026-12-07"] = [$"{DirectorChat} #1 overdue by 3 working days", $"{MeiChat} #1 overdue by 3 working days | #2 due today", $"{WeiChat} #2 今天到期"],
        };

        var seen = 0;
        for (var day = new DateOnly(2026, 11, 26); day <= new DateOnly(2026, 12, 7); day = day.AddDays(1))
        {
            // Nothing before nine; what is due that morning by 09:02 (the reminders of a person gathered for a minute); nothing more all day.
            await AdvanceToAsync(At(day, 8, 55));
            Assert.Equal(seen, AllReminders().Count);
            await AdvanceToAsync(At(day, 9, 2));
            var morning = AllReminders().Skip(seen).Select(Describe).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.GetValueOrDefault(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), []), morning);
            seen += morning.Count;
            await AdvanceToAsync(At(day, 23, 30));
            Assert.Equal(seen, AllReminders().Count);
        }

        // Every one is the automatic 催辦: a single card for one matter, a list with a Show button per row for several.
        var list = AllReminders().Last(c => c.ConversationId == MeiChat);
        Assert.Contains("Automatic reminders: 2 matters need you", list.Summary);
        var shows = ShowButtons(list.Card!);
        Assert.Equal(["show #1", "show #2"], shows);

        // Show sends "show #2" as if typed (Teams' messageBack): the answer is the matter's card, the list stays as it was.
        var shown = await _bot.AskAsync(Mei, shows[1], "en-US");
        Assert.Contains("Venue booking", shown.CardText);
        Assert.Contains("#2", shown.CardText);
    }

    [Fact]
    public async Task RegisteredAfterTheMorningsSlot_DueToday_TheLeadIsRemindedAtOnce_NotTomorrow()
    {
        var registered = await RegisterAsync("new Press release lead @陳小美 due Nov 26", [Mei]);
        await _bot.PressAsync(Mei, CardVerbs.Acknowledge, registered.Number, registered.Revision);
        await AdvanceToAsync(At(new DateOnly(2026, 11, 26), 10, 2));

        Assert.Equal([$"{MeiChat} #1 due today"], AllReminders().Select(Describe));
    }

    private async Task<(int Number, int Revision)> RegisterAsync(string command, TeamsUser[] mentions)
    {
        var reply = await _bot.AskAsync(Director, command, "en-US", mentions: mentions);
        var data = reply.Card!["refresh"]!["action"]!["data"]!;
        return (data["matter"]!.GetValue<int>(), data["revision"]!.GetValue<int>());
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), Taipei);

    private List<ConnectorCall> AllReminders() =>
        _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send
            && ((c.Summary ?? string.Empty).Contains("Automatic reminder") || (c.Summary ?? string.Empty).Contains("自動催辦"))).ToList();

    /// <summary>"chat #1 why" for a single 催辦 card, "chat #1 why | #2 why" for a reminder list.</summary>
    private static string Describe(ConnectorCall call)
    {
        var lines = call.CardText.Split('\n');
        var rows = new List<string>();
        var isList = Regex.IsMatch(call.Summary ?? string.Empty, "matters need you|項事項待您處理");
        for (var i = 0; isList && i < lines.Length; i++)
        {
            if (Regex.IsMatch(lines[i], @"^#\d+$") && i + 2 < lines.Length)
            {
                // A list row: number, title, why.
                rows.Add($"{lines[i]} {lines[i + 2]}");
            }
        }

        if (rows.Count == 0)
        {
            var number = Regex.Match(call.Summary!, @"#\d+").Value;
            var why = Regex.Match(call.CardText, @"(due in \d+ working days?|due today|overdue by \d+ working days?|距期限還有 \d+ 個工作日|今天到期|已逾期 \d+ 個工作日)").Value;
            rows.Add($"{number} {why}");
        }

        return $"{call.ConversationId} {string.Join(" | ", rows)}";
    }

    private static List<string> ShowButtons(JsonObject card) =>
        [.. Regex.Matches(card.ToJsonString(), "\"type\":\"messageBack\",\"text\":\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>Half an hour at a time, then minute by minute: a reminder goes out a minute after it comes due.</summary>
    private async Task AdvanceToAsync(DateTimeOffset until)
    {
        await _bot.AdvanceToAsync(until - TimeSpan.FromMinutes(3));
        await _bot.AdvanceToAsync(until, TimeSpan.FromMinutes(1));
    }
}
