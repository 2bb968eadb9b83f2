using System.Globalization;
using OfficeBot.Domain.Office;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

// Office.Now is Thursday 2026-11-26 10:00 in Taipei: this office week starts on Monday 11-23, the next on 11-30.
public class AgendaCommandTests
{
    private static readonly CommandParser Meetings = new(new CommandParserOptions { MeetingRequests = true });

    private static ParseResult ParseAgenda(string text, params MentionRef[] mentions) =>
        Meetings.Parse(new ParseInput(text, mentions, Now, Zone));

    [Theory]
    [InlineData("日程 {0}")]
    [InlineData("日程{0}")]
    [InlineData("行程 {0}")]
    [InlineData("日程：{0}")]
    [InlineData("agenda {0}")]
    [InlineData("Agenda for {0}")]
    [InlineData("schedule {0}")]
    [InlineData("agenda {0}?")]
    public void Parse_LeaderWithoutDay_GivesTodaysAgenda(string template)
    {
        var command = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<AgendaCommand>();

        Assert.Equal(new AgendaCommand(Wang, null, false), command);
    }

    [Theory]
    [InlineData("日程 {0} 明天", "2026-11-27")]
    [InlineData("日程 {0} 後天", "2026-11-28")]
    [InlineData("日程 {0} 后天", "2026-11-28")]
    [InlineData("日程 {0} 下週三", "2026-12-02")]
    [InlineData("日程 {0} 下周三", "2026-12-02")]
    [InlineData("日程 {0} 12月9日", "2026-12-09")]
    [InlineData("日程 {0} 12/9", "2026-12-09")]
    [InlineData("日程 {0} 2026-12-09", "2026-12-09")]
    [InlineData("行程 {0}　１２月９日", "2026-12-09")]
    [InlineData("日程 明天 {0}", "2026-11-27")]
    [InlineData("日程 {0} 今天", "2026-11-26")]
    [InlineData("agenda {0} tomorrow", "2026-11-27")]
    [InlineData("agenda {0} next Wednesday", "2026-12-02")]
    [InlineData("agenda {0} Dec 9", "2026-12-09")]
    [InlineData("agenda {0} on Dec 9", "2026-12-09")]
    [InlineData("schedule {0} 2026-12-09", "2026-12-09")]
    [InlineData("agenda {0} today", "2026-11-26")]
    [InlineData("日程 {0} 週五", "2026-11-27")]
    [InlineData("日程 {0} 月底", "2026-11-30")]
    [InlineData("agenda {0} Friday", "2026-11-27")]
    [InlineData("日程 {0} 明天下午", "2026-11-27")]
    [InlineData("agenda {0} tomorrow 3pm", "2026-11-27")]
    public void Parse_LeaderAndDay_GivesThatDay(string template, string day)
    {
        var command = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<AgendaCommand>();

        Assert.Equal(new AgendaCommand(Wang, Date(day), false), command);
    }

    [Theory]
    [InlineData("日程 {0} 昨天", "2026-11-25")]
    [InlineData("日程 {0} 11月20日", "2026-11-20")]
    [InlineData("日程 {0} 上週五", "2026-11-20")]
    [InlineData("agenda {0} yesterday", "2026-11-25")]
    [InlineData("agenda {0} Nov 20", "2026-11-20")]
    [InlineData("agenda {0} 2025-12-01", "2025-12-01")]
    public void Parse_PastDay_IsAllowedSoADirectorCanLookBack(string template, string day)
    {
        var command = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<AgendaCommand>();

        Assert.Equal(Date(day), command.Day);
        Assert.False(command.Week);
    }

    [Theory]
    [InlineData("日程 {0} 本週", "2026-11-23")]
    [InlineData("日程 {0} 本周", "2026-11-23")]
    [InlineData("日程 {0} 這週", "2026-11-23")]
    [InlineData("日程 {0} 这周", "2026-11-23")]
    [InlineData("日程 {0} 這個星期", "2026-11-23")]
    [InlineData("日程 {0} 下週", "2026-11-30")]
    [InlineData("日程 {0} 下周", "2026-11-30")]
    [InlineData("日程 {0} 下星期", "2026-11-30")]
    [InlineData("日程 {0} 上週", "2026-11-16")]
    [InlineData("agenda {0} this week", "2026-11-23")]
    [InlineData("agenda {0} next week", "2026-11-30")]
    [InlineData("agenda {0} last week", "2026-11-16")]
    [InlineData("agenda {0} Next Week.", "2026-11-30")]
    public void Parse_Week_GivesTheWeekFromItsMonday(string template, string monday)
    {
        var command = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<AgendaCommand>();

        Assert.Equal(new AgendaCommand(Wang, Date(monday), true), command);
        Assert.Equal(DayOfWeek.Monday, command.Day!.Value.DayOfWeek);
    }

    [Theory]
    [InlineData("日程 {0} 12月9日 週", "2026-12-09")]
    [InlineData("日程 {0} 12月9日週", "2026-12-09")]
    [InlineData("日程 {0} 12月9日 周", "2026-12-09")]
    [InlineData("日程 {0} 明天起一週", "2026-11-27")]
    [InlineData("agenda {0} Dec 9 week", "2026-12-09")]
    [InlineData("agenda {0} week of Dec 9", "2026-12-09")]
    [InlineData("agenda {0} tomorrow week", "2026-11-27")]
    public void Parse_DayFollowedByWeek_GivesTheWeekStartingThatDay(string template, string day)
    {
        var command = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<AgendaCommand>();

        Assert.Equal(new AgendaCommand(Wang, Date(day), true), command);
    }

    [Theory]
    [InlineData("日程 {0} 2028-01-05", "2028-01-05")]
    [InlineData("agenda {0} 2025-11-01", "2025-11-01")]
    [InlineData("日程 {0} 2030-12-09 週", "2030-12-09")]
    public void Parse_DayMoreThanAYearAway_IsAgendaDayTooFar(string template, string written)
    {
        var error = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.AgendaDayTooFar);

        Assert.Equal(written, error.Detail);
    }

    [Fact]
    public void Parse_DayExactlyAYearAway_IsAccepted()
    {
        Assert.Equal(Date("2027-11-26"), ParseAgenda($"agenda {At(Wang)} 2027-11-26", Wang).Command<AgendaCommand>().Day);
        Assert.Equal(Date("2025-11-26"), ParseAgenda($"agenda {At(Wang)} 2025-11-26", Wang).Command<AgendaCommand>().Day);
    }

    [Fact]
    public void Parse_DayThatDoesNotExist_IsImpossibleDate()
    {
        Assert.Equal("2月30日", ParseAgenda($"日程 {At(Wang)} 2月30日", Wang).Error(ParseErrorKind.ImpossibleDate).Detail);
    }

    [Theory]
    [InlineData("日程 {0} 明天 開會", "開會")]
    [InlineData("日程 {0} 有空嗎", "有空嗎")]
    [InlineData("agenda {0} sometime soon", "sometime soon")]
    [InlineData("agenda {0} tomorrow please", "please")]
    [InlineData("日程 {0} {1}", "李大華")]
    [InlineData("日程 {0} 下個月", "下個月")]
    [InlineData("日程 {0} 12月", "12月")]
    [InlineData("日程 {0} 明年", "明年")]
    [InlineData("日程 {0} 週", "週")]
    [InlineData("agenda {0} next month", "next month")]
    [InlineData("agenda {0} December", "December")]
    [InlineData("agenda {0} 2027", "2027")]
    public void Parse_TextThatIsNotADay_IsUnrecognisedAgendaDayNamingIt(string template, string detail)
    {
        var error = ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang), At(Lee)), Wang, Lee).Error(ParseErrorKind.UnrecognisedAgendaDay);

        Assert.Equal(detail, error.Detail);
        Assert.Equal(CommandVerb.Agenda, CommandParser.VerbOf(error.CommandWord));
    }

    [Theory]
    [InlineData("日程")]
    [InlineData("行程 ")]
    [InlineData("日程 明天")]
    [InlineData("日程 下週")]
    [InlineData("agenda")]
    [InlineData("agenda tomorrow")]
    [InlineData("schedule next week")]
    public void Parse_NoLeaderMentioned_IsMissingAgendaLeader(string text)
    {
        var error = ParseAgenda(text).Error(ParseErrorKind.MissingAgendaLeader);

        Assert.Equal(CommandVerb.Agenda, CommandParser.VerbOf(error.CommandWord));
    }

    [Theory]
    [InlineData("agenda @Bob", "@Bob")]
    [InlineData("日程 @王局長 明天", "@王局長")]
    public void Parse_LeaderTypedWithoutMention_IsUnknownMention(string text, string name)
    {
        Assert.Equal(name, ParseAgenda(text).Error(ParseErrorKind.UnknownMention).Detail);
    }

    [Theory]
    [InlineData("行程表在哪裡？")]
    [InlineData("日程安排好了嗎")]
    [InlineData("schedule a call with finance")]
    [InlineData("Agenda items for Friday, please")]
    public void Parse_SentenceStartingWithTheWordWithoutMentionOrDay_IsFreeText(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), ParseAgenda(text).Command);
    }

    [Theory]
    [InlineData("日程 {0} 下週三", TextScript.Traditional)]
    [InlineData("日程 {0} 下周三", TextScript.Simplified)]
    [InlineData("agenda {0} tomorrow", TextScript.English)]
    public void Parse_Agenda_ReportsTheScriptTheTextTells(string template, TextScript written)
    {
        Assert.Equal(written, ParseAgenda(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Written);
    }

    [Fact]
    public void Parse_LongSentenceAfterTheWord_IsFreeTextAndNamedWholeAfterALeader()
    {
        var sentence = string.Concat(Enumerable.Repeat("please send me the plan for next week ", 100));

        Assert.Equal(new HelpCommand(Asked: false), ParseAgenda("schedule " + sentence).Command);
        Assert.Equal(sentence.Trim(), ParseAgenda($"agenda {At(Bob)} {sentence}", Bob).Error(ParseErrorKind.UnrecognisedAgendaDay).Detail);
    }

    private static readonly string[] Pieces =
    [
        "日程 ", "行程 ", "agenda ", "schedule ", "<at>王小明</at>", "<at>李大華</at>", " ", "，", "。", "?", "@王",
        "0", "1", "9", "12", "31", "2026", "9999", "0000", "-", "/", "月", "日", "年", "週", "周", "星期", "week", "of",
        "本", "這", "下", "上", "下下", "明天", "後天", "昨天", "今天", "三", "五", "天內", "前", "next", "last", "this",
        "tomorrow", "yesterday", "Wednesday", "Dec", "Feb 30", "2月30日", "下午", "3pm", "for", "on", "garbage", "M3",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Parse_RandomAgendaText_NeverThrowsAndGivesOnlyDaysWithinReach(int seed)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(Now.DateTime);
        for (var i = 0; i < 300; i++)
        {
            var text = Pieces[random.Next(4)] + string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var result = ParseAgenda(text, Wang, Lee);

            if (result.Command is AgendaCommand { Day: { } day })
            {
                Assert.InRange(day, today.AddYears(-AgendaCommand.ReachYears), today.AddYears(AgendaCommand.ReachYears));
            }
        }
    }

    [Theory]
    [InlineData("日程 <at>王小明</at> 明天")]
    [InlineData("agenda <at>王小明</at> tomorrow")]
    [InlineData("schedule <at>王小明</at>")]
    [InlineData("日程")]
    public void Parse_MeetingRequestsNotEnabled_StaysFreeText(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), Parse(text, Wang).Command);
    }
}
