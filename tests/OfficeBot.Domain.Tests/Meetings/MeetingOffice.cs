using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Domain.Tests.Meetings;

/// <summary>
/// An office in Taipei working 09:00–18:00, in the week of Monday 7 December 2026: Thursday 10th is a holiday and
/// Saturday 12th a make-up working day. Two leaders, 李局長 and 周副局長; the 財務處 asks for meetings.
/// </summary>
internal static class MeetingOffice
{
    public const string Li = "leader-li";
    public const string Zhou = "leader-zhou";
    public const string Finance = "財務處";
    public const string Personnel = "人事處";
    public const string RoomOne = "第一會議室";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public static readonly DateOnly Monday = new(2026, 12, 7);
    public static readonly DateOnly Holiday = new(2026, 12, 10);
    public static readonly DateOnly MakeUpSaturday = new(2026, 12, 12);

    public static readonly WorkingCalendar Calendar = new(
    [
        new CalendarDay(Holiday, "行憲紀念日", CalendarDayKind.Holiday),
        new CalendarDay(MakeUpSaturday, "補班", CalendarDayKind.MakeUpWorkday),
    ]);

    public static ConflictChecker Checker(MeetingRules? rules = null) => new(Calendar, Zone, rules);

    /// <summary>Office-local "HH:mm" on <paramref name="day"/> (Monday unless given).</summary>
    public static DateTimeOffset At(string time, DateOnly? day = null) =>
        new((day ?? Monday).ToDateTime(TimeOnly.Parse(time)), TimeSpan.FromHours(8));

    public static BusyEvent Meeting(string id, string from, string to, DateOnly? day = null, string? room = null) =>
        new(id, $"會議 {id}", At(from, day), At(to, day), "ics", room);

    public static BusyEvent AllDay(string id, DateOnly first, DateOnly last) =>
        new(id, $"出差 {id}", At("00:00", first), At("00:00", last.AddDays(1)), "graph", AllDay: true);

    public static MeetingProposal Proposal(string from, string to, DateOnly? day = null, string? room = null, params string[] leaders) =>
        new("request-1", "預算審查會", At(from, day), At(to, day), leaders.Length == 0 ? [Li] : leaders, Finance, room);

    public static MeetingCalendars Calendars(params BusyEvent[] liEvents) => new([new LeaderSchedule(Li, liEvents)]);
}
