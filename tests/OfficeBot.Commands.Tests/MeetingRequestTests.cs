using System.Globalization;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

// Office.Now is Thursday 2026-11-26 10:00 in Taipei (+08:00): tomorrow is Friday 11-27, 後天 Saturday 11-28,
// 下週三 / next Wednesday 12-02.
public class MeetingRequestTests
{
    private static readonly CommandParser Meetings = new(new CommandParserOptions { MeetingRequests = true });

    private static ParseResult ParseMeeting(string text, params MentionRef[] mentions) =>
        Meetings.Parse(new ParseInput(text, mentions, Now, Zone));

    private static DateTimeOffset Taipei(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    [Theory]
    [InlineData("12月9日下午2點到4點", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日下午2点到4点", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("Dec 9 2-4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日 14:00-16:00", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("Dec 9 14:00-16:00", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("下週三 10:00-11:30", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("下周三 10:00-11:30", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("next Wednesday 10:00-11:30", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("下週三上午10點到11點半", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("下周三上午10点到11点半", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("next Wednesday 10-11:30am", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("明天上午", "2026-11-27 09:00", "2026-11-27 12:00")]
    [InlineData("tomorrow morning", "2026-11-27 09:00", "2026-11-27 12:00")]
    [InlineData("明天下午", "2026-11-27 14:00", "2026-11-27 18:00")]
    [InlineData("tomorrow afternoon", "2026-11-27 14:00", "2026-11-27 18:00")]
    [InlineData("後天下午3點 1小時", "2026-11-28 15:00", "2026-11-28 16:00")]
    [InlineData("后天下午3点 1小时", "2026-11-28 15:00", "2026-11-28 16:00")]
    [InlineData("the day after tomorrow 3pm for 1 hour", "2026-11-28 15:00", "2026-11-28 16:00")]
    [InlineData("tomorrow 3pm for 90 minutes", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("明天下午3點 90分鐘", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("明天下午3点 一个半小时", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("Dec 9 10-11am", "2026-12-09 10:00", "2026-12-09 11:00")]
    [InlineData("Dec 9 11-1pm", "2026-12-09 11:00", "2026-12-09 13:00")]
    [InlineData("12月9日上午11點到1點", "2026-12-09 11:00", "2026-12-09 13:00")]
    [InlineData("12月9日 2點到4點", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日晚上7點到9點", "2026-12-09 19:00", "2026-12-09 21:00")]
    [InlineData("週五 9:00-10:00", "2026-11-27 09:00", "2026-11-27 10:00")]
    [InlineData("Friday 9:00-10:00", "2026-11-27 09:00", "2026-11-27 10:00")]
    [InlineData("今天下午2點到3點", "2026-11-26 14:00", "2026-11-26 15:00")]
    [InlineData("下午2點到3點", "2026-11-26 14:00", "2026-11-26 15:00")]
    [InlineData("2026-12-09 14:00-15:30", "2026-12-09 14:00", "2026-12-09 15:30")]
    [InlineData("12/9 14:00~15:00", "2026-12-09 14:00", "2026-12-09 15:00")]
    [InlineData("Dec 9 from 2 to 4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日(三)下午2點到4點", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日（週三） 14:00-16:00", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日 下午 2:00-4:00", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日下午兩點到四點半", "2026-12-09 14:00", "2026-12-09 16:30")]
    [InlineData("12月9日下午2點至4點", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("12月9日上午十點半到十一點", "2026-12-09 10:30", "2026-12-09 11:00")]
    [InlineData("明天14點到16點", "2026-11-27 14:00", "2026-11-27 16:00")]
    [InlineData("明天中午12點到1點", "2026-11-27 12:00", "2026-11-27 13:00")]
    [InlineData("Dec 9, 2-4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("9 Dec 2pm-4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("December 9th 2:00 pm - 4:00 pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("tomorrow at 3pm for an hour", "2026-11-27 15:00", "2026-11-27 16:00")]
    [InlineData("tomorrow 15:00 for 1.5 hours", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("tomorrow 3pm for 1 hour 15 minutes", "2026-11-27 15:00", "2026-11-27 16:15")]
    [InlineData("next wed 10-11:30", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("明天下午3點 半小時", "2026-11-27 15:00", "2026-11-27 15:30")]
    [InlineData("明天下午3點 1小時30分", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("12月9日下午2點到4點。", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("2-4pm Dec 9", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("10:00-11:30 next Wednesday", "2026-12-02 10:00", "2026-12-02 11:30")]
    [InlineData("3pm for 90 minutes tomorrow", "2026-11-27 15:00", "2026-11-27 16:30")]
    [InlineData("from 2 to 4pm on Dec 9", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("Wednesday, Dec 9 2-4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("Wed Dec 9 between 2 and 4pm", "2026-12-09 14:00", "2026-12-09 16:00")]
    [InlineData("tomorrow between 10 and 11am", "2026-11-27 10:00", "2026-11-27 11:00")]
    public void Parse_TimeRangeForm_GivesExactStartAndEndInOfficeZone(string range, string start, string end)
    {
        var command = ParseMeeting($"會議 預算審查 {range} 領導 {At(Wang)}", Wang).Command<MeetingRequestCommand>();

        Assert.Equal(Taipei(start), command.TimeRange.Start);
        Assert.Equal(Taipei(end), command.TimeRange.End);
        Assert.Equal(TimeSpan.FromHours(8), command.TimeRange.Start.Offset);
        Assert.Equal("預算審查", command.Title);
    }

    [Fact]
    public void Parse_TraditionalWithEveryOption_GivesFullRequest()
    {
        var result = ParseMeeting($"會議 年度預算審查 12月9日下午2點到4點 領導 {At(Wang)} {At(Lee)} 地點 第一會議室 急件", Wang, Lee);

        Assert.Equal(
            new MeetingRequestCommand("年度預算審查", new TimeRange(Taipei("2026-12-09 14:00"), Taipei("2026-12-09 16:00")), [Wang, Lee], "第一會議室", true),
            result.Command<MeetingRequestCommand>());
        Assert.Equal(TextScript.Traditional, result.Written);
    }

    [Fact]
    public void Parse_SimplifiedWithEveryOption_GivesFullRequest()
    {
        var result = ParseMeeting($"会议 年度预算审查 下周三上午10点到11点半 领导 {At(Wang)}、{At(Chen)} 地点 第一会议室 急件", Wang, Chen);

        Assert.Equal(
            new MeetingRequestCommand("年度预算审查", new TimeRange(Taipei("2026-12-02 10:00"), Taipei("2026-12-02 11:30")), [Wang, Chen], "第一会议室", true),
            result.Command<MeetingRequestCommand>());
        Assert.Equal(TextScript.Simplified, result.Written);
    }

    [Fact]
    public void Parse_EnglishWithEveryOption_GivesFullRequest()
    {
        var result = ParseMeeting($"meeting Budget review next Wednesday 10:00-11:30 leaders {At(Bob)} and {At(Wang)} room Board Room A urgent", Bob, Wang);

        Assert.Equal(
            new MeetingRequestCommand("Budget review", new TimeRange(Taipei("2026-12-02 10:00"), Taipei("2026-12-02 11:30")), [Bob, Wang], "Board Room A", true),
            result.Command<MeetingRequestCommand>());
        Assert.Equal(TextScript.English, result.Written);
    }

    [Fact]
    public void Parse_WithoutRoomDepartmentOrUrgency_GivesNoneOfThem()
    {
        var command = ParseMeeting($"meeting Budget review tomorrow 3pm for 90 minutes leaders {At(Bob)}", Bob).Command<MeetingRequestCommand>();

        Assert.Null(command.Room);
        Assert.Null(command.Department);
        Assert.False(command.Urgent);
        Assert.Equal([Bob], command.Leaders);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 {0} 部門 秘書處", "秘書處", null)]
    [InlineData("會議 預算審查 明天下午2點到4點 部門：秘書處 領導 {0} 地點 第一會議室", "秘書處", "第一會議室")]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 {0} 地點 第一會議室 部門 秘書處 急件", "秘書處", "第一會議室")]
    [InlineData("会议 预算审查 明天下午2点到4点 领导 {0} 部门 秘书处", "秘书处", null)]
    [InlineData("会议 预算审查 明天下午2点到4点 部门 综合 科 领导 {0} 地点 301", "综合 科", "301")]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders {0} dept Secretariat", "Secretariat", null)]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders {0} department General Affairs room 301", "General Affairs", "301")]
    [InlineData("meeting Budget review tomorrow 2-4pm room Board Room A Dept: Legal Office leaders {0}", "Legal Office", "Board Room A")]
    public void Parse_DepartmentAmongTheOptions_IsReadUpToTheNextOption(string template, string department, string? room)
    {
        var command = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<MeetingRequestCommand>();

        Assert.Equal(department, command.Department);
        Assert.Equal(room, command.Room);
        Assert.Equal([Wang], command.Leaders);
        Assert.Equal(Taipei("2026-11-27 14:00"), command.TimeRange.Start);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 {0}", "預算審查")]
    [InlineData("會議 部門預算審查 明天下午2點到4點 領導 {0}", "部門預算審查")]
    [InlineData("會議 年度 部門預算審查 明天下午2點到4點 領導 {0}", "年度 部門預算審查")]
    [InlineData("會議 部門 主管會議 明天下午2點到4點 領導 {0}", "部門 主管會議")]
    [InlineData("meeting Department heads tomorrow 2-4pm leaders {0}", "Department heads")]
    public void Parse_DepartmentWordInTheTitle_StaysInTheTitleAndGivesNoDepartment(string template, string title)
    {
        var command = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<MeetingRequestCommand>();

        Assert.Equal(title, command.Title);
        Assert.Null(command.Department);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 {0} 部門 {1}")]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders {0} dept {1}")]
    public void Parse_DepartmentOverTheLimit_IsDepartmentTooLongWithItsLength(string template)
    {
        var name = new string('處', InputLimits.DepartmentName + 1);

        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang), name), Wang).Error(ParseErrorKind.DepartmentTooLong);

        Assert.Equal((InputLimits.DepartmentName + 1).ToString(CultureInfo.InvariantCulture), error.Detail);
    }

    [Fact]
    public void Parse_DepartmentOfExactlyTheLimit_IsAccepted()
    {
        var name = new string('處', InputLimits.DepartmentName);

        var command = ParseMeeting($"會議 預算審查 明天下午2點到4點 領導 {At(Wang)} 部門 {name}", Wang).Command<MeetingRequestCommand>();

        Assert.Equal(name, command.Department);
    }

    [Theory]
    [InlineData("會議")]
    [InlineData("會議申請")]
    [InlineData("申請會議")]
    [InlineData("開會")]
    [InlineData("会议")]
    [InlineData("会议申请")]
    [InlineData("开会")]
    [InlineData("meeting")]
    [InlineData("Meeting")]
    [InlineData("会議")]
    public void Parse_MeetingCommandWord_GivesMeetingRequest(string word)
    {
        var command = ParseMeeting($"{word} 預算審查 明天下午2點到4點 領導 {At(Wang)}", Wang).Command<MeetingRequestCommand>();

        Assert.Equal("預算審查", command.Title);
        Assert.Equal(CommandVerb.Meeting, CommandParser.VerbOf(word));
    }

    [Fact]
    public void Parse_FullWidthSpacesColonsAndDigits_AreAccepted()
    {
        var command = ParseMeeting($"會議：預算審查　明天下午２點到４點　領導：{At(Wang)}　地點：３０１室", Wang).Command<MeetingRequestCommand>();

        Assert.Equal("預算審查", command.Title);
        Assert.Equal(Taipei("2026-11-27 14:00"), command.TimeRange.Start);
        Assert.Equal(Taipei("2026-11-27 16:00"), command.TimeRange.End);
        Assert.Equal([Wang], command.Leaders);
        Assert.Equal("３０１室", command.Room);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 {0}、{1}和{2}")]
    [InlineData("会议 预算审查 明天下午2点到4点 领导：{0} {1} 与 {2}")]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders {0}, {1} and {2}")]
    [InlineData("會議 預算審查 明天下午2點到4點，領導{0}{1}{2}")]
    [InlineData("meeting Budget review leaders {0} {1} {2} tomorrow 2-4pm")]
    public void Parse_MentionsAfterLeadersKeyword_BecomeLeadersInOrder(string template)
    {
        var text = string.Format(CultureInfo.InvariantCulture, template, At(Wang), At(Lee), At(Chen));

        Assert.Equal([Wang, Lee, Chen], ParseMeeting(text, Wang, Lee, Chen).Command<MeetingRequestCommand>().Leaders);
    }

    [Fact]
    public void Parse_SameLeaderTwice_IsListedOnce()
    {
        var command = ParseMeeting($"會議 預算審查 明天下午2點到4點 領導 {At(Wang)} {At(Lee)} {At(Wang)}", Wang, Lee, Wang).Command<MeetingRequestCommand>();

        Assert.Equal([Wang, Lee], command.Leaders);
    }

    [Theory]
    [InlineData("會議 明天的準備會 12月9日下午2點到4點 領導 {0}", "明天的準備會")]
    [InlineData("會議 下週三例會籌備 下週三 10:00-11:30 領導 {0}", "下週三例會籌備")]
    [InlineData("会议 12月预算会 12月9日 14:00-16:00 领导 {0}", "12月预算会")]
    [InlineData("meeting Dec 9 follow-up next Wednesday 10:00-11:30 leaders {0}", "Dec 9 follow-up")]
    [InlineData("meeting Tomorrow's agenda tomorrow 3pm for 90 minutes leaders {0}", "Tomorrow's agenda")]
    [InlineData("meeting Q4 review 2 Dec 9 2-4pm leaders {0}", "Q4 review 2")]
    [InlineData("會議 明天下午2點到4點 預算審查 領導 {0}", "預算審查")]
    [InlineData("會議 領導班子會議 明天下午2點到4點 領導 {0}", "領導班子會議")]
    [InlineData("會議 急件處理流程 明天下午2點到4點 領導 {0}", "急件處理流程")]
    [InlineData("meeting Room booking rules tomorrow 2-4pm leaders {0}", "Room booking rules")]
    public void Parse_TitleWithDateLikeWords_KeepsThemInTitle(string template, string title)
    {
        var command = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Command<MeetingRequestCommand>();

        Assert.Equal(title, command.Title);
        Assert.Null(command.Room);
        Assert.False(command.Urgent);
    }

    [Theory]
    [InlineData("會議 預算審查 12月9日下午4點到2點 領導 {0}", "12月9日下午4點到2點")]
    [InlineData("会议 预算审查 12月9日 16:00-14:00 领导 {0}", "12月9日 16:00-14:00")]
    [InlineData("meeting Budget Dec 9 14:00-13:00 leaders {0}", "Dec 9 14:00-13:00")]
    [InlineData("meeting Budget Dec 9 3pm for 0 minutes leaders {0}", "Dec 9 3pm for 0 minutes")]
    public void Parse_EndNotAfterStart_IsEndNotAfterStartNamingTheRange(string template, string range)
    {
        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MeetingEndNotAfterStart);

        Assert.Equal(range, error.Detail);
    }

    [Theory]
    [InlineData("會議 預算審查 今天上午 領導 {0}", "今天上午")]
    [InlineData("会议 预算审查 今天8点到9点 领导 {0}", "今天8点到9点")]
    [InlineData("meeting Budget today 9:30-11:00 leaders {0}", "today 9:30-11:00")]
    [InlineData("meeting Budget Nov 20 2-4pm leaders {0}", "Nov 20 2-4pm")]
    public void Parse_StartInPast_IsMeetingInPast(string template, string range)
    {
        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MeetingInPast);

        Assert.Equal(range, error.Detail);
    }

    [Theory]
    [InlineData("會議 年度研習 12月9日 8:00-22:00 領導 {0}")]
    [InlineData("meeting Retreat Dec 9 8am for 13 hours leaders {0}")]
    public void Parse_RangeOverTwelveHours_IsMeetingTooLong(string template)
    {
        ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MeetingTooLong);
    }

    [Fact]
    public void Parse_RangeOfExactlyTwelveHours_IsAccepted()
    {
        var command = ParseMeeting($"meeting Retreat Dec 9 8:00-20:00 leaders {At(Wang)}", Wang).Command<MeetingRequestCommand>();

        Assert.Equal(TimeRange.Longest, command.TimeRange.Length);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午3點 領導 {0}", "明天下午3點")]
    [InlineData("会议 预算审查 明天15:00 领导 {0}", "明天15:00")]
    [InlineData("meeting Budget tomorrow 3pm leaders {0}", "tomorrow 3pm")]
    public void Parse_StartWithoutEndOrLength_IsMeetingEndMissing(string template, string time)
    {
        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MeetingEndMissing);

        Assert.Equal(time, error.Detail);
    }

    [Theory]
    [InlineData("會議 預算審查 領導 {0}", null)]
    [InlineData("meeting Budget review leaders {0}", null)]
    [InlineData("會議 預算審查 明天 領導 {0}", "明天")]
    [InlineData("meeting Budget review next Wednesday leaders {0}", "next Wednesday")]
    public void Parse_NoHours_IsMissingMeetingTime(string template, string? detail)
    {
        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MissingMeetingTime);

        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午25點到26點 領導 {0}", "明天下午25點到26點")]
    [InlineData("meeting Budget tomorrow at teatime leaders {0}", "tomorrow at teatime")]
    [InlineData("会议 预算审查 三天内 下午2点到4点 领导 {0}", "三天内 下午2点到4点")]
    [InlineData("會議 預算審查 12月9日(四)下午2點到4點 領導 {0}", "12月9日(四)下午2點到4點")]
    [InlineData("meeting Budget Thursday, Dec 9 2-4pm leaders {0}", "Thursday, Dec 9 2-4pm")]
    public void Parse_UnreadableTime_IsUnrecognisedMeetingTime(string template, string detail)
    {
        var error = ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.UnrecognisedMeetingTime);

        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Parse_DayThatDoesNotExist_IsImpossibleDate()
    {
        var error = ParseMeeting($"會議 預算審查 2月30日 10:00-11:00 領導 {At(Wang)}", Wang).Error(ParseErrorKind.ImpossibleDate);

        Assert.Equal("2月30日 10:00-11:00", error.Detail);
    }

    [Theory]
    [InlineData("會議")]
    [InlineData("会议 ")]
    [InlineData("meeting")]
    [InlineData("會議 明天下午2點到4點 領導 {0}")]
    [InlineData("meeting tomorrow 2-4pm leaders {0} room 301 urgent")]
    public void Parse_NoTitle_IsMissingTitle(string template)
    {
        ParseMeeting(string.Format(CultureInfo.InvariantCulture, template, At(Wang)), Wang).Error(ParseErrorKind.MissingTitle);
    }

    [Theory]
    [InlineData("會議記錄在哪裡？")]
    [InlineData("会议室怎么预订")]
    [InlineData("meeting notes please")]
    public void Parse_SentenceStartingWithMeetingWordWithoutTimeOrMention_IsFreeText(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), ParseMeeting(text).Command);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點")]
    [InlineData("会议 预算审查 明天下午2点到4点 领导")]
    [InlineData("meeting Budget review tomorrow 2-4pm room 301")]
    public void Parse_NoLeaderMentioned_IsMissingLeaders(string text)
    {
        ParseMeeting(text).Error(ParseErrorKind.MissingLeaders);
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 王局長", "王局長")]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders @Bob", "@Bob")]
    public void Parse_LeaderWithoutMention_IsUnknownMention(string text, string name)
    {
        Assert.Equal(name, ParseMeeting(text).Error(ParseErrorKind.UnknownMention).Detail);
    }

    [Fact]
    public void Parse_MeetingErrorNamesTheCommandWord_SoTheReplyShowsTheMeetingForm()
    {
        var error = ParseMeeting("會議 預算審查 明天下午2點到4點").Error(ParseErrorKind.MissingLeaders);

        Assert.Equal(CommandVerb.Meeting, CommandParser.VerbOf(error.CommandWord));
    }

    [Theory]
    [InlineData("會議 預算審查 明天下午2點到4點 領導 <at>王小明</at>")]
    [InlineData("meeting Budget review tomorrow 2-4pm leaders <at>王小明</at>")]
    [InlineData("會議")]
    public void Parse_MeetingRequestsNotEnabled_StaysFreeText(string text)
    {
        var result = Parse(text, Wang);

        Assert.Equal(new HelpCommand(Asked: false), result.Command);
    }

    private static readonly string[] Pieces =
    [
        "會議 ", "会议 ", "meeting ", "預算", "Budget", " 領導 ", "leaders ", "<at>王小明</at>", " 地點 ", "room ", " 部門 ", "dept ", "急件", "urgent",
        "0", "1", "2", "9", "11", "12", "24", "25", "59", "60", "99", "2026", "9999", "9999-12-31", "0000",
        "月", "日", "/", "-", "~", ":", "：", " ", "，", "。", "到", "至", "to", "點", "点", "半", "一刻", "分", "分鐘",
        "上午", "下午", "中午", "凌晨", "晚上", "明天", "後天", "今天", "下週三", "週三", "(三)", "（四）",
        "today", "tomorrow", "next Wednesday", "Friday", "Dec", "Feb 30", "am", "pm", "for", "an", "hour", "hours", "minutes",
        "小時", "一個半小時", "0.5", "99999999999999999999", "morning", "afternoon", "garbage", "\uE000",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_RandomMeetingText_NeverThrowsAndGivesOnlyFutureRangesOfAtMostTwelveHours(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var text = Pieces[random.Next(3)] + string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var result = ParseMeeting(text, Wang);

            if (result.Command is MeetingRequestCommand { TimeRange: var range })
            {
                Assert.True(range.Start >= Now && range.End > range.Start && range.Length <= TimeRange.Longest, $"{text} → {range}");
            }
        }
    }
}
