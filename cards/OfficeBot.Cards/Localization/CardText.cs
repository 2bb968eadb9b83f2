using System.Globalization;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Localization;

/// <summary>Every word OfficeBot's cards show, in Traditional Chinese, Simplified Chinese and English.</summary>
public sealed partial class CardText
{
    private CardText()
    {
    }

    public static CardText For(Language language) => language switch
    {
        Language.Traditional => Traditional,
        Language.Simplified => Simplified,
        _ => English,
    };

    public Language Language { get; private init; }

    // Matter card
    public string Source { get; private init; } = "";
    public string DocumentNumber { get; private init; } = "";
    public string Urgency { get; private init; } = "";
    public string Lead { get; private init; } = "";
    public string CoHandlers { get; private init; } = "";
    public string Due { get; private init; } = "";
    public string OriginalDue { get; private init; } = "";
    public string RegisteredBy { get; private init; } = "";
    public string Status { get; private init; } = "";
    public string Description { get; private init; } = "";
    public string RecentHistory { get; private init; } = "";
    public string Acknowledged { get; private init; } = "";
    public string NotAcknowledged { get; private init; } = "";
    public string NotAssigned { get; private init; } = "";
    public string NoDue { get; private init; } = "";

    // Sections of the role cards
    public string Instruction { get; private init; } = "";
    public string PendingRequest { get; private init; } = "";
    public string Requester { get; private init; } = "";
    public string RequestedAt { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public string NewDue { get; private init; } = "";
    public string ProposedLead { get; private init; } = "";
    public string CoHandlerNotes { get; private init; } = "";
    public string NoPendingRequest { get; private init; } = "";
    public string CoHandlingAsked { get; private init; } = "";
    public string YourPart { get; private init; } = "";
    public string UrgedBy { get; private init; } = "";
    public string Message { get; private init; } = "";
    public string Lateness { get; private init; } = "";
    public string NotOverdue { get; private init; } = "";
    public string AwaitingInstruction { get; private init; } = "";
    public string InstructionForm { get; private init; } = "";
    public string FullHistory { get; private init; } = "";
    public string NoHistory { get; private init; } = "";

    // Buttons; the English titles are the ones end-to-end tests click.
    public string ActAcknowledge { get; private init; } = "";
    public string ActReportProgress { get; private init; } = "";
    public string ActAskCompletion { get; private init; } = "";
    public string ActAskExtension { get; private init; } = "";
    public string ActAskTransfer { get; private init; } = "";
    public string ActAccept { get; private init; } = "";
    public string ActDecline { get; private init; } = "";
    public string ActGiveOpinion { get; private init; } = "";
    public string ActPartDone { get; private init; } = "";
    public string ActInstruct { get; private init; } = "";
    public string ActUrge { get; private init; } = "";
    public string ActCancel { get; private init; } = "";
    public string ActConfirmCancel { get; private init; } = "";
    public string ActApprove { get; private init; } = "";
    public string ActReject { get; private init; } = "";
    public string ActArchive { get; private init; } = "";
    public string ActShowHistory { get; private init; } = "";

    /// <summary>The button that opens one matter of a list in its own card.</summary>
    public string ActShow { get; private init; } = "";

    /// <summary>The command word a Show button sends (查看 #12 / show #12), in the card's own language.</summary>
    public string ShowCommand { get; private init; } = "";

    /// <summary>The command a matter decided in a meeting sends to show that meeting (查看會議 M3).</summary>
    public string ShowMeetingCommand { get; private init; } = "";

    public string ActShowMeeting { get; private init; } = "";

    /// <summary>Under the heading of a reminder list: why it is one message, and how to open a matter.</summary>
    public string ReminderListNote { get; private init; } = "";
    public string ActSend { get; private init; } = "";
    public string ActMore { get; private init; } = "";

    // Form inputs
    public string InProgressText { get; private init; } = "";
    public string InCompletionNote { get; private init; } = "";
    public string InReasonOptional { get; private init; } = "";
    public string InTransferTo { get; private init; } = "";
    public string InInstruction { get; private init; } = "";
    public string InUrgeMessage { get; private init; } = "";
    public string InCancelReason { get; private init; } = "";
    public string InRejectReason { get; private init; } = "";
    public string InDeclineReason { get; private init; } = "";
    public string InOpinion { get; private init; } = "";
    public string InRequired { get; private init; } = "";
    public string InChoose { get; private init; } = "";

    // Meeting request card; the English button titles are the ones end-to-end tests click.
    /// <summary>會議 / 会议 / Meeting, before the meeting's number (M3).</summary>
    public string Meeting { get; private init; } = "";
    public string MeetingTime { get; private init; } = "";
    public string MeetingLeaders { get; private init; } = "";
    public string MeetingRoom { get; private init; } = "";
    public string UrgentAwaitingConfirmation { get; private init; } = "";
    public string NoConflicts { get; private init; } = "";
    public string CheckedAt { get; private init; } = "";
    public string NewConflictsFound { get; private init; } = "";
    public string ConflictsResolved { get; private init; } = "";
    public string Alternatives { get; private init; } = "";

    /// <summary>What a private event is called: 忙碌 / 忙碌 / busy.</summary>
    public string Busy { get; private init; } = "";

    /// <summary>Between names in running text: 、 or ", ".</summary>
    public string ListSeparator { get; private init; } = "";
    public string ActMeetingApprove { get; private init; } = "";
    public string ActApproveAnyway { get; private init; } = "";
    public string ActSendBack { get; private init; } = "";
    public string ActMeetingReject { get; private init; } = "";
    public string ActConfirmUrgent { get; private init; } = "";
    public string ActKeep { get; private init; } = "";
    public string ActCancelMeeting { get; private init; } = "";
    public string ActConfirmCancelMeeting { get; private init; } = "";
    public string ActChangeTime { get; private init; } = "";
    public string ActRegisterDecision { get; private init; } = "";
    public string InSendBackReason { get; private init; } = "";
    public string InMeetingRejectReason { get; private init; } = "";
    public string InDate { get; private init; } = "";
    public string InStartTime { get; private init; } = "";
    public string InEndTime { get; private init; } = "";
    public string InDecision { get; private init; } = "";

    // Agenda card
    /// <summary>全天 / 全天 / all day.</summary>
    public string AllDay { get; private init; } = "";
    public string NoMeetings { get; private init; } = "";
    public string CalendarsUnavailable { get; private init; } = "";
    public string ConflictMark { get; private init; } = "";


    // Help card
    public string HelpTitle { get; private init; } = "";
    public string HelpIntro { get; private init; } = "";
    public string HelpFullNewForm { get; private init; } = "";
    public string HelpNewFormNote { get; private init; } = "";
    public string NewMatterFullForm { get; private init; } = "";
    public IReadOnlyList<HelpEntry> HelpCommands { get; private init; } = [];

    // Holidays card
    /// <summary>放假 / 放假 / Day off.</summary>
    public string DayOff { get; private init; } = "";

    /// <summary>補班 / 调休上班 / Make-up working day.</summary>
    public string MakeUpWorkday { get; private init; } = "";

    // Supervision report card
    public string ReportByLight { get; private init; } = "";
    public string ReportByStatus { get; private init; } = "";
    public string ReportOverdue { get; private init; } = "";
    public string ReportNothingOverdue { get; private init; } = "";
    public string ReportByLead { get; private init; } = "";
    public string ReportByDepartment { get; private init; } = "";
    public string ReportOpen { get; private init; } = "";
    public string ReportNoDepartment { get; private init; } = "";

    /// <summary>近 7 日與前 7 日 — the week-on-week block's heading.</summary>
    public string ReportWeekOnWeek { get; private init; } = "";
    public string ReportOnTimeRate { get; private init; } = "";
    public string ReportThisWeek { get; private init; } = "";
    public string ReportWeekBefore { get; private init; } = "";
    public string ReportMeasure { get; private init; } = "";
    public string ReportChange { get; private init; } = "";
    public string ReportRegistered { get; private init; } = "";
    public string ReportCompleted { get; private init; } = "";
    public string ReportOnTime { get; private init; } = "";
    public string ReportSendBacks { get; private init; } = "";
    public string ReportExtensions { get; private init; } = "";
    public string ReportUrges { get; private init; } = "";
    public string ReportLateReceipts { get; private init; } = "";

    /// <summary>What the table columns count: open and overdue now, the rest in the last 7 days, on time against the original due date.</summary>
    public string ReportColumnsNote { get; private init; } = "";

    // Error and notice cards
    public string ErrorTitle { get; private init; } = "";
    public string RightForm { get; private init; } = "";
    public string Example { get; private init; } = "";

    /// <summary>Separates a label from its value inside running text (「：」 or ": ").</summary>
    public string Colon { get; private init; } = "";

    private string[] statuses = [];
    private string[] sources = [];
    private string[] urgencies = [];
    private string[] coHandlingStates = [];
    private string[] lights = [];
    private string[] requests = [];
    private string[] weekdays = [];
    private Func<int, string> moreHistory = n => "";
    private Func<int, string> moreMatters = n => "";
    private Func<int, string> reminderList = n => "";
    private Func<int, string> overdueBy = n => "";
    private Func<DateTimeOffset, bool, string> formatDate = (d, y) => "";
    private Func<int, string> reportTotal = n => "";
    private Func<int, string> reportOthers = n => "";
    private string[] meetingStatuses = [];
    private string[] agendaKinds = [];
    private Func<string, string> urgentConfirmedBy = who => "";
    private Func<int, string> conflictCount = n => "";
    private Func<int, string?, string> overriddenConflicts = (n, who) => "";
    private Func<string, string> decisionsRegistered = list => "";
    private Func<string, string> moveTo = slot => "";
    private Func<int, string> approveAnywayTip = n => "";
    private Func<string, string?, string, string> conflictOverlap = (leader, what, when) => "";
    private Func<string, string?, string, string> conflictRoom = (room, what, when) => "";
    private Func<string, int, int, string> overloadCount = (leader, meetings, max) => "";
    private Func<string, string, string, string> overloadHours = (leader, time, max) => "";
    private Func<string, string, string, string, string> overloadChain = (leader, time, max, when) => "";
    private Func<string, string?, string, string, string> departmentClash = (other, department, same, when) => "";
    private Func<string, string> sameLeader = leader => "";
    private Func<string, string> sameRoom = room => "";
    private Func<string, string> outsideWorkingHours = hours => "";
    private Func<string, string?, string> nonWorkingDay = (day, holiday) => "";
    private Func<string, string, string?, string> calendarUnavailable = (leader, since, problem) => "";
    private Func<int, int, string> duration = (hours, minutes) => "";
    private Func<string, string> agendaOf = leader => "";
    private Func<string, string> free = when => "";

    public string StatusName(MatterStatus status) => statuses[(int)status];

    public string SourceName(MatterSource source) => sources[(int)source];

    public string UrgencyName(Urgency urgency) => urgencies[(int)urgency];

    public string CoHandlingStateName(CoHandlingState state) => coHandlingStates[(int)state];

    /// <summary>申請辦結 / 申請延期 / 申請轉辦.</summary>
    public string RequestName(RequestKind kind) => requests[(int)kind];

    /// <summary>The light with its emoji (🟢/🟡/🔴), or an empty string for <see cref="TrafficLight.None"/>.</summary>
    public string LightName(TrafficLight light) => lights[(int)light];

    /// <summary>Short weekday name: 週五 / 周五 / Fri.</summary>
    public string Weekday(DayOfWeek day) => weekdays[(int)day];

    /// <summary>待審批 / 已批准 / 已退回 / 不予批准 / 已取消.</summary>
    public string MeetingStatusName(MeetingStatus status) => meetingStatuses[(int)status];

    /// <summary>行事曆 / 已批准 / 待審批: what a block on an agenda is.</summary>
    public string AgendaKindName(AgendaItemKind kind) => agendaKinds[(int)kind];

    /// <summary>"陳主任 已確認" / "confirmed by 陳主任".</summary>
    public string UrgentConfirmedBy(string who) => urgentConfirmedBy(who);

    /// <summary>"發現 3 項衝突" / "3 conflicts".</summary>
    public string ConflictCount(int count) => conflictCount(count);

    /// <summary>"陳主任 越過 2 項衝突批准" / "Approved over 2 conflicts by 陳主任".</summary>
    public string OverriddenConflicts(int count, string? director) => overriddenConflicts(count, director);

    /// <summary>"已登記決議事項：#12、#13".</summary>
    public string DecisionsRegistered(IEnumerable<int> matters) =>
        decisionsRegistered(string.Join(ListSeparator, matters.Select(n => "#" + n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>"改到 12月9日（週二） 14:00–16:00" / "Move to Tue 9 Dec 14:00–16:00": the button of one alternative.</summary>
    public string MoveTo(string slot) => moveTo(slot);

    /// <summary>The tooltip of "approve anyway": that it overrides the conflicts listed.</summary>
    public string ApproveAnywayTip(int conflicts) => approveAnywayTip(conflicts);

    /// <summary>A leader has another event: "王大明 is busy: 部務會議 14:00–15:00"; a private event (null) is only "busy".</summary>
    public string ConflictOverlap(string leader, string? what, string when) => conflictOverlap(leader, what, when);

    public string ConflictRoom(string room, string? what, string when) => conflictRoom(room, what, when);

    public string OverloadCount(string leader, int meetings, int max) => overloadCount(leader, meetings, max);

    public string OverloadHours(string leader, TimeSpan time, TimeSpan max) => overloadHours(leader, Duration(time), Duration(max));

    public string OverloadChain(string leader, TimeSpan time, TimeSpan max, string when) => overloadChain(leader, Duration(time), Duration(max), when);

    /// <summary>撞車: "撞車：財務處 的 M7 預算會，同一位領導 王大明 14:00–15:00"; <paramref name="same"/> from <see cref="SameLeader"/> or <see cref="SameRoom"/>.</summary>
    public string DepartmentClash(string other, string? otherDepartment, string same, string when) => departmentClash(other, otherDepartment, same, when);

    public string SameLeader(string leader) => sameLeader(leader);

    public string SameRoom(string room) => sameRoom(room);

    /// <param name="hours">That day's working hours, 09:00–18:00.</param>
    public string OutsideWorkingHours(string hours) => outsideWorkingHours(hours);

    public string NonWorkingDay(string day, string? holiday) => nonWorkingDay(day, holiday);

    public string CalendarUnavailable(string leader, string since, string? problem) => calendarUnavailable(leader, since, problem);

    /// <summary>"3 小時 30 分" / "3 h 30 min".</summary>
    public string Duration(TimeSpan time) => duration((int)time.TotalHours, time.Minutes);

    /// <summary>"王大明 的行程" / "王大明's agenda".</summary>
    public string AgendaOf(string leader) => agendaOf(leader);

    /// <summary>"空檔 10:00–11:30" / "free 10:00–11:30".</summary>
    public string Free(string when) => free(when);

    /// <summary>"14:00–15:00", in the offset the times carry.</summary>
    public static string FormatTimeRange(DateTimeOffset start, DateTimeOffset end) =>
        start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"另有 45 條較早的記錄" — how many history entries the card leaves out.</summary>
    public string MoreHistory(int count) => moreHistory(count);

    /// <summary>"另有 12 項未列出" — how many matters a list leaves out.</summary>
    public string MoreMatters(int count) => moreMatters(count);

    /// <summary>"自動催辦：3 項事項待您處理" — the heading of one person's reminders sent as one message.</summary>
    public string ReminderList(int count) => reminderList(count);

    /// <summary>"共 42 項未結事項" — the report's headline count.</summary>
    public string ReportTotal(int count) => reportTotal(count);

    /// <summary>"其餘 180 個" — the one row a capped report table sums the rest into.</summary>
    public string ReportOthers(int count) => reportOthers(count);

    /// <summary>"已逾期 3 個工作日"; empty when <paramref name="workingDays"/> is not positive.</summary>
    public string OverdueBy(int workingDays) => workingDays > 0 ? overdueBy(workingDays) : "";

    /// <summary>A date with its weekday, and the time unless it is midnight or the end of the day: 2025年12月5日（週五）.</summary>
    public string FormatDate(DateTimeOffset when) => formatDate(when, true);

    /// <summary>A date without the year, for compact lists: 12月5日（週五）.</summary>
    public string FormatShortDate(DateTimeOffset when) => formatDate(when, false);

    /// <summary>A timestamp for history lines: 2025-12-05 14:30.</summary>
    public static string FormatTimestamp(DateTimeOffset when) =>
        when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // A due date given without a time is stored at the start or the very end of its day; showing
    // "00:00" or "23:59" would suggest a precision nobody asked for.
    private static string TimeSuffix(DateTimeOffset when, string separator)
    {
        var time = TimeOnly.FromTimeSpan(when.TimeOfDay);
        return time == TimeOnly.MinValue || (time.Hour == 23 && time.Minute == 59)
            ? ""
            : separator + when.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static string ChineseDate(DateTimeOffset when, bool withYear, string weekday)
    {
        var date = withYear ? $"{when.Year}年{when.Month}月{when.Day}日" : $"{when.Month}月{when.Day}日";
        return $"{date}（{weekday}）{TimeSuffix(when, " ")}";
    }

    private static string EnglishDate(DateTimeOffset when, bool withYear, string weekday)
    {
        var month = when.ToString("MMM", CultureInfo.InvariantCulture);
        var date = withYear ? $"{weekday} {when.Day} {month} {when.Year}" : $"{weekday} {when.Day} {month}";
        return date + TimeSuffix(when, ", ");
    }
}
