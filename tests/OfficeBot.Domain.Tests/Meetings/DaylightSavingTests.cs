using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Domain.Tests.Meetings;

/// <summary>
/// An office in Berlin that works the two Sundays the clocks change in 2026 (29 March: 02:00 CET → 03:00 CEST;
/// 25 October: 03:00 CEST → 02:00 CET), from 01:00 to 18:00, so meetings can span the change.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly SpringForward = new(2026, 3, 29);
    private static readonly DateOnly FallBack = new(2026, 10, 25);
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    private static readonly ConflictChecker Checker = new(
        new WorkingCalendar(
        [
            new CalendarDay(SpringForward, "Sommerzeit", CalendarDayKind.MakeUpWorkday),
            new CalendarDay(FallBack, "Winterzeit", CalendarDayKind.MakeUpWorkday),
        ], new TimeOnly(1, 0), new TimeOnly(18, 0)),
        Berlin);

    private static DateTimeOffset At(DateOnly day, string time, TimeSpan offset) => new(day.ToDateTime(TimeOnly.Parse(time)), offset);

    private static MeetingProposal Proposal(DateTimeOffset start, DateTimeOffset end) => new("request-1", "Haushalt", start, end, ["leader"], "Finanzen");

    private static MeetingCalendars Calendars(params BusyEvent[] events) => new([new LeaderSchedule("leader", events)]);

    private static BusyEvent Meeting(string id, DateTimeOffset start, DateTimeOffset end) => new(id, id, start, end, "ics");

    [Fact]
    public void Check_MeetingAcrossSpringForward_CountsTheRealTimeNotTheClock()
    {
        // 01:30 CET to 04:31 CEST reads 3 h 1 min on the clock but lasts 2 h 1 min.
        var found = Checker.Check(Proposal(At(SpringForward, "01:30", Cet), At(SpringForward, "04:31", Cest)), Calendars());

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("03:00", false)] // 01:00 CEST to 03:00 CET: 3 h, the hour 02:00–03:00 lived twice
    [InlineData("03:01", true)]
    public void Check_MeetingAcrossFallBack_ChainCountsTheRepeatedHour(string end, bool overload)
    {
        var found = Checker.Check(Proposal(At(FallBack, "01:00", Cest), At(FallBack, end, Cet)), Calendars());

        if (!overload)
        {
            Assert.Empty(found);
            return;
        }

        var chain = Assert.Single(found);
        Assert.Equal(OverloadLimit.Chain, chain.Overload!.Limit);
        Assert.Equal(new TimeSpan(3, 1, 0), chain.Overload.Time);
    }

    [Theory]
    [InlineData("2026-03-29T15:30:00Z", "2026-03-29T16:00:00Z", false)] // 17:30–18:00 CEST
    [InlineData("2026-03-29T16:30:00Z", "2026-03-29T17:00:00Z", true)] // 18:30–19:00 CEST (17:30 by winter time)
    [InlineData("2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z", false)] // Monday 09:00 CEST
    [InlineData("2026-10-25T16:30:00Z", "2026-10-25T17:00:00Z", false)] // 17:30–18:00 CET
    [InlineData("2026-10-25T16:30:00Z", "2026-10-25T17:01:00Z", true)]
    public void Check_WorkingHoursOnAClockChangeDay_MeasuredInOfficeTime(string start, string end, bool outside)
    {
        var found = Checker.Check(Proposal(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end)), Calendars());

        Assert.Equal(outside, found.Any(c => c.Kind == ConflictKind.OutsideWorkingHours));
    }

    [Fact]
    public void Check_FallBackDayLasts25Hours_ItsLastMeetingCountsAndThePreviousEveningDoesNot()
    {
        var calendars = Calendars(
            Meeting("saturday-late", At(FallBack.AddDays(-1), "23:30", Cest), At(FallBack.AddDays(-1), "23:59", Cest)),
            Meeting("a", At(FallBack, "11:00", Cet), At(FallBack, "11:30", Cet)),
            Meeting("b", At(FallBack, "13:00", Cet), At(FallBack, "13:30", Cet)),
            Meeting("c", At(FallBack, "15:00", Cet), At(FallBack, "15:30", Cet)),
            Meeting("night", At(FallBack, "23:00", Cet), At(FallBack, "23:30", Cet)));

        var found = Checker.Check(Proposal(At(FallBack, "09:00", Cet), At(FallBack, "09:30", Cet)), calendars);

        var overload = Assert.Single(found);
        Assert.Equal(OverloadLimit.Count, overload.Overload!.Limit);
        Assert.Equal(["a", "b", "c", "night"], overload.Involved.Select(e => e.Id));
    }

    [Fact]
    public void Alternatives_OnSpringForward_SkipTheMissingHourAndKeepTheLocalGrid()
    {
        var friday = SpringForward.AddDays(-2);
        var calendars = Calendars(
            Meeting("friday", At(friday, "17:00", Cet), At(friday, "18:00", Cet)),
            Meeting("night", At(SpringForward, "01:00", Cet), At(SpringForward, "03:00", Cest)));

        var found = Checker.Alternatives(Proposal(At(friday, "17:00", Cet), At(friday, "18:00", Cet)), calendars, At(friday, "08:00", Cet));

        Assert.Equal(
        [
            new Slot(At(SpringForward, "03:15", Cest), At(SpringForward, "04:15", Cest)),
            new Slot(At(SpringForward, "03:30", Cest), At(SpringForward, "04:30", Cest)),
            new Slot(At(SpringForward, "03:45", Cest), At(SpringForward, "04:45", Cest)),
        ], found);
        Assert.All(found, s => Assert.Equal(Cest, s.Start.Offset));
    }
}
