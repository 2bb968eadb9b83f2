using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Reminders;

/// <summary>
/// Automatic reminders through the real host, its outbox dispatcher and the fake Teams connector, with the bot's clock
/// moved on by hand. "Now" is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public sealed class AutomaticReminderTests : IAsyncLifetime
{
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";
    private static readonly string DirectorChat = $"a:personal-{Director.AadObjectId}";
    private static readonly string LeaderChat = $"a:personal-{Leader.AadObjectId}";

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Wei, "help", "zh-TW");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task ALeadAndCoHandlerWhoDoNotAcknowledge_AreRemindedOnceFourWorkingHoursLater_AndOnlyThen()
    {
        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 1", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 13, 55, 0, TimeSpan.FromHours(8)));
        Assert.Empty(Reminders(MeiChat));

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 14, 5, 0, TimeSpan.FromHours(8)));
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.FromHours(8)));

        var reminder = Assert.Single(Reminders(MeiChat));
        Assert.Contains("not yet acknowledged", reminder.CardText);
        Assert.Contains("Venue booking", reminder.CardText);
        Assert.Contains("尚未簽收", Assert.Single(Reminders(WeiChat)).CardText);
    }

    [Fact]
    public async Task DueDateReminders_ReachTheLeadAndCoHandlersOnWorkingMornings_InTheirLanguage_EachOnce()
    {
        var registered = await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 1", "en-US", mentions: [Mei, Wei]);
        var number = registered.Card!["refresh"]!["action"]!["data"]!["matter"]!.GetValue<int>();
        var revision = registered.Card!["refresh"]!["action"]!["data"]!["revision"]!.GetValue<int>();
        await _bot.PressAsync(Mei, CardVerbs.Acknowledge, number, revision);
        await _bot.PressAsync(Wei, CardVerbs.Accept, number, revision, locale: "zh-TW");
        await _bot.FollowUpsDoneAsync();

        // Friday 27 Nov is two working days before Tuesday 1 Dec; the weekend passes without a word.
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 27, 9, 5, 0, TimeSpan.FromHours(8)));
        Assert.Contains("due in 2 working days", Assert.Single(Reminders(MeiChat)).CardText);
        Assert.Contains("距期限還有 2 個工作日", Assert.Single(Reminders(WeiChat)).CardText);

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.FromHours(8)));
        Assert.Single(Reminders(MeiChat));

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.FromHours(8)));
        Assert.Equal(2, Reminders(MeiChat).Count);
        Assert.Contains("due in 1 working day", Reminders(MeiChat)[^1].CardText);

        // Completed: nothing more is sent, though the due day and the days after come.
        var (_, _) = await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision + 3, new Dictionary<string, string> { [CardInputs.Text] = "done" });
        await _bot.FollowUpsDoneAsync();
        await AdvanceToAsync(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(2, Reminders(MeiChat).Count);
        Assert.Equal(2, Reminders(WeiChat).Count);
    }

    [Fact]
    public async Task NobodyAcknowledges_EachIsRemindedAndADayLaterTheDirectorIsToldWho()
    {
        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 10", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 14, 5, 0, TimeSpan.FromHours(8)));
        Assert.Contains("not yet acknowledged", Assert.Single(Reminders(MeiChat)).CardText);
        Assert.Contains("尚未簽收", Assert.Single(Reminders(WeiChat)).CardText);
        Assert.Empty(Reminders(DirectorChat));

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 27, 10, 5, 0, TimeSpan.FromHours(8)));
        Assert.Contains("not acknowledged a working day after being asked: 陳小美、林阿偉", Assert.Single(Reminders(DirectorChat)).CardText);
        Assert.Single(Reminders(MeiChat));
    }

    [Fact]
    public async Task AMatterLate_ReachesTheLeadsDepartmentHeadAfterTwoWorkingDaysAndTheDirectorsAfterThree()
    {
        // An office whose 秘書處 is headed by 李局長, with 陳小美 in it.
        await _bot.DisposeAllAsync();
        var bot = _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Departments:0:Name"] = "秘書處",
            ["Office:Departments:0:Head"] = Leader.AadObjectId,
            ["Office:Departments:0:Members:0"] = Mei.AadObjectId,
        });
        foreach (var person in (TeamsUser[])[Director, Mei, Leader])
        {
            await bot.AskAsync(person, "help", "en-US");
        }

        var registered = await bot.AskAsync(Director, "new Venue booking lead @陳小美 due Nov 27", "en-US", mentions: [Mei]);
        var data = registered.Card!["refresh"]!["action"]!["data"]!;
        await bot.PressAsync(Mei, CardVerbs.Acknowledge, data["matter"]!.GetValue<int>(), data["revision"]!.GetValue<int>());
        await bot.FollowUpsDoneAsync();

        // Due Friday: Monday is 1 working day late, Tuesday 2, Wednesday 3.
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.FromHours(8)));
        Assert.Empty(Reminders(LeaderChat));
        await AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 9, 5, 0, TimeSpan.FromHours(8)));
        Assert.Contains("overdue by 2 working days", Assert.Single(Reminders(LeaderChat)).CardText);
        Assert.Empty(Reminders(DirectorChat));
        await AdvanceToAsync(new DateTimeOffset(2026, 12, 2, 9, 5, 0, TimeSpan.FromHours(8)));
        Assert.Contains("overdue by 3 working days", Assert.Single(Reminders(DirectorChat)).CardText);
        Assert.Equal(2, Reminders(LeaderChat).Count);
        // Thursday's "due in 1 working day" (registered after its 09:00, so sent at once), Monday, Tuesday, Wednesday.
        Assert.Equal(5, Reminders(MeiChat).Count);
    }

    [Fact]
    public async Task RemindersMissedWhileTheBotWasDown_GoOutOnceWhenItIsBack_SayingWhatIsTrueNow()
    {
        var registered = await _bot.AskAsync(Director, "new Venue booking lead @陳小美 due Dec 1", "en-US", mentions: [Mei]);
        var data = registered.Card!["refresh"]!["action"]!["data"]!;
        await _bot.PressAsync(Mei, CardVerbs.Acknowledge, data["matter"]!.GetValue<int>(), data["revision"]!.GetValue<int>());
        await _bot.FollowUpsDoneAsync();

        // Nothing runs from Thursday until Monday 10:00: Friday's "due in 2 working days" and Monday's "in 1" were both missed.
        _bot.Clock.Advance(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)) - _bot.Clock.GetUtcNow());
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(8)));

        Assert.Contains("due in 1 working day", Assert.Single(Reminders(MeiChat)).CardText);
    }

    [Fact]
    public async Task AnOfficeThatWantsReceiptsSooner_SetsItsOwnHours()
    {
        await _bot.DisposeAllAsync();
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Office:Reminders:ReceiptAfterWorkingHours"] = "2" });
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");

        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 due Dec 10", "en-US", mentions: [Mei]);
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 11, 55, 0, TimeSpan.FromHours(8)));
        Assert.Empty(Reminders(MeiChat));
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 12, 5, 0, TimeSpan.FromHours(8)));

        Assert.Single(Reminders(MeiChat));
    }

    [Theory]
    [InlineData("Office:Reminders:DaysBefore:0", "0", "each from 1 to 20")]
    [InlineData("Office:Reminders:ReceiptAfterWorkingHours", "12", "must be later than ReceiptAfterWorkingHours")]
    [InlineData("Office:Reminders:HeadFromOverdueDays", "0", "Office:Reminders:")]
    public async Task Start_WithANonsensicalReminderSetting_FailsSayingWhich(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.ToString());
    }

    /// <summary>The automatic reminders the bot posted into a chat (their summary says so).</summary>
    private List<ConnectorCall> Reminders(string chat) =>
        _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat
            && ((c.Summary ?? string.Empty).Contains("Automatic reminder") || (c.Summary ?? string.Empty).Contains("自動催辦"))).ToList();

    /// <summary>
    /// Moves the bot's clock on in steps of at most half an hour (its timers fire as they would), letting the dispatcher
    /// work; then on by the minute over which a person's reminders are gathered into one message, so those recorded by
    /// <paramref name="until"/> have gone out.
    /// </summary>
    private async Task AdvanceToAsync(DateTimeOffset until)
    {
        await _bot.AdvanceToAsync(until);
        await _bot.AdvanceToAsync(until + TimeSpan.FromMinutes(1));
    }
}
