using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

public sealed class WorkingCalendarTests
{
    // A made-up fortnight around "now" (Thursday 26 November 2026): Friday 27th is a holiday, Saturday 5 December is a
    // make-up working day, and the office works 08:30–17:30.
    private static readonly WorkingCalendar Office = new(
    [
        new CalendarDay(new DateOnly(2026, 11, 27), "Founders' Day", CalendarDayKind.Holiday),
        new CalendarDay(new DateOnly(2026, 12, 5), "Make-up day", CalendarDayKind.MakeUpWorkday),
    ], new TimeOnly(8, 30), new TimeOnly(17, 30));

    [Theory]
    [InlineData("2026-11-26", "2026-11-27", 1)]
    [InlineData("2026-11-27", "2026-11-30", 1)] // Friday → Monday
    [InlineData("2026-11-28", "2026-11-29", 0)] // Saturday → Sunday
    [InlineData("2026-11-26", "2026-11-26", 0)]
    [InlineData("2026-11-26", "2026-11-20", 0)]
    [InlineData("2026-11-26", "2026-12-07", 7)]
    public void WorkingDaysAfter_SkipsWeekends(string from, string to, int expected) =>
        Assert.Equal(expected, WorkingCalendar.WeekdaysOnly.WorkingDaysAfter(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Theory]
    [InlineData("2026-11-26", 2, "2026-11-30")]
    [InlineData("2026-11-28", 1, "2026-11-30")]
    public void AddWorkingDays_LandsOnAWorkingDay(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingCalendar.WeekdaysOnly.AddWorkingDays(DateOnly.Parse(from), days));

    [Theory]
    [InlineData("2026-12-12", "2026-12-11")] // Saturday → Friday
    [InlineData("2026-12-13", "2026-12-11")] // Sunday → Friday
    [InlineData("2026-12-14", "2026-12-11")] // Monday → Friday
    [InlineData("2026-12-10", "2026-12-09")]
    public void LastWorkingDayBefore_SkipsBackOverTheWeekend(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingCalendar.WeekdaysOnly.LastWorkingDayBefore(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-11-26", true)]
    [InlineData("2026-11-27", false)] // the holiday
    [InlineData("2026-11-28", false)] // an ordinary Saturday
    [InlineData("2026-12-05", true)] // the make-up Saturday
    [InlineData("2026-12-06", false)]
    public void IsWorkingDay_FollowsHolidaysAndMakeUpDays(string day, bool expected) =>
        Assert.Equal(expected, Office.IsWorkingDay(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-11-26", "2026-11-30", 1)] // Thursday → Monday: the holiday Friday does not count
    [InlineData("2026-12-04", "2026-12-07", 2)] // Friday → Monday: the make-up Saturday counts
    [InlineData("2026-11-26", "2026-12-07", 7)] // one day lost to the holiday, one gained on the Saturday
    public void WorkingDaysAfter_AcrossAHolidayAndAMakeUpDay(string from, string to, int expected) =>
        Assert.Equal(expected, Office.WorkingDaysAfter(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Theory]
    [InlineData("2026-11-30", "2026-11-26")] // Monday → Thursday, over the holiday and the weekend
    [InlineData("2026-12-06", "2026-12-05")] // Sunday → the make-up Saturday
    [InlineData("2026-12-07", "2026-12-05")]
    public void LastWorkingDayBefore_SkipsTheHolidayAndStopsOnTheMakeUpDay(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Office.LastWorkingDayBefore(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-11-26", 1, "2026-11-30")]
    [InlineData("2026-12-04", 1, "2026-12-05")]
    public void AddWorkingDays_AcrossAHolidayAndAMakeUpDay(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Office.AddWorkingDays(DateOnly.Parse(from), days));

    [Theory]
    [InlineData("2026-11-26T08:29:59", false)]
    [InlineData("2026-11-26T08:30:00", true)] // work starts
    [InlineData("2026-11-26T17:29:59", true)]
    [InlineData("2026-11-26T17:30:00", false)] // work has ended
    [InlineData("2026-11-27T10:00:00", false)] // holiday
    [InlineData("2026-12-05T10:00:00", true)] // make-up Saturday
    public void IsWorkingTime_StartIsInAndEndIsOut(string local, bool expected) =>
        Assert.Equal(expected, Office.IsWorkingTime(DateTime.Parse(local)));

    [Theory]
    [InlineData("2026-11-26T07:00:00", "2026-11-26T08:30:00")] // before work: this morning
    [InlineData("2026-11-26T11:15:00", "2026-11-26T11:15:00")] // in working hours: now
    [InlineData("2026-11-26T17:30:00", "2026-11-30T08:30:00")] // Thursday evening: over the holiday and weekend to Monday
    [InlineData("2026-12-04T18:00:00", "2026-12-05T08:30:00")] // Friday evening: the make-up Saturday
    [InlineData("2026-12-05T17:45:00", "2026-12-07T08:30:00")]
    public void NextWorkingTime_IsTheNextWorkingMorningOutsideWorkingHours(string local, string expected) =>
        Assert.Equal(DateTime.Parse(expected), Office.NextWorkingTime(DateTime.Parse(local)));

    [Theory]
    [InlineData("2026-11-26T10:00:00", 4, "2026-11-26T14:00:00")] // within the day
    [InlineData("2026-11-26T15:00:00", 4, "2026-11-30T10:00:00")] // 2.5 h on Thursday, 1.5 h on Monday after the holiday
    [InlineData("2026-11-26T20:00:00", 4, "2026-11-30T12:30:00")] // assigned after hours: counting starts Monday morning
    [InlineData("2026-12-04T16:30:00", 1, "2026-12-04T17:30:00")] // ends exactly at the end of the day
    [InlineData("2026-12-04T17:00:00", 2, "2026-12-05T10:00:00")] // the make-up Saturday counts
    [InlineData("2026-11-26T10:00:00", 0, "2026-11-26T10:00:00")]
    public void AddWorkingTime_CountsOnlyWorkingHours(string local, int hours, string expected) =>
        Assert.Equal(DateTime.Parse(expected), Office.AddWorkingTime(DateTime.Parse(local), TimeSpan.FromHours(hours)));

    [Fact]
    public void NextWorkingTime_ForAnInstant_AnswersInTheOfficeZone()
    {
        var thursdayEvening = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8));

        var next = Office.NextWorkingTime(thursdayEvening.ToUniversalTime(), Zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8)), next);
    }

    [Fact]
    public void WeekdaysOnly_WorksNineToSix()
    {
        Assert.Equal(new TimeOnly(9, 0), WorkingCalendar.WeekdaysOnly.WorkStart);
        Assert.Equal(new TimeOnly(18, 0), WorkingCalendar.WeekdaysOnly.WorkEnd);
    }

    [Fact]
    public void SpecialDays_ListsHolidaysAndMakeUpDaysInTheRangeInOrder()
    {
        var days = Office.SpecialDays(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 5));

        Assert.Equal(["Founders' Day", "Make-up day"], days.Select(d => d.Name));
        Assert.Empty(Office.SpecialDays(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public void New_DateBothHolidayAndMakeUpDay_IsRefusedNamingTheDate()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
        [
            new CalendarDay(new DateOnly(2026, 2, 14), "春節", CalendarDayKind.Holiday),
            new CalendarDay(new DateOnly(2026, 2, 14), "補班", CalendarDayKind.MakeUpWorkday),
        ]));

        Assert.Contains("2026-02-14", error.Message);
    }

    [Fact]
    public void New_WorkEndingBeforeItStarts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], new TimeOnly(18, 0), new TimeOnly(9, 0)));

    [Theory]
    [InlineData("2026-11-30", TrafficLight.Yellow)] // Monday: only 1 working day away once the Friday is a holiday
    [InlineData("2026-12-02", TrafficLight.Green)] // Wednesday: 3 working days away (Mon, Tue, Wed)
    [InlineData("2026-12-01", TrafficLight.Yellow)] // Tuesday: 2 working days away (green on a plain week: Fri, Mon, Tue)
    public void TrafficLight_CountsOnlyWorkingDays(string due, TrafficLight expected) =>
        Assert.Equal(expected, TrafficLights.Of(MatterStatus.InProgress, new DueDate(DateOnly.Parse(due)), Now, Zone, Office));

    [Fact]
    public void OverdueWorkingDays_DoNotCountTheHoliday()
    {
        var state = InStatus(MatterStatus.InProgress).State with { Due = new DueDate(new DateOnly(2026, 11, 26)) };
        var tuesday = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(2, Matter.FromState(state).OverdueWorkingDays(tuesday, Zone, Office)); // Monday and Tuesday
        Assert.Equal(3, Matter.FromState(state).OverdueWorkingDays(tuesday, Zone, WorkingCalendar.WeekdaysOnly));
    }

    [Fact]
    public void TransferWindow_StaysOpenOverAHoliday()
    {
        var tuesday = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)); // Thu → (Fri holiday), Mon, Tue

        Assert.True(InStatus(MatterStatus.InProgress).AskTransfer(Lead, tuesday, Stranger.Person, "非本科", Zone, Office).IsChanged);
        Assert.Equal(Refusal.TransferWindowClosed,
            InStatus(MatterStatus.InProgress).AskTransfer(Lead, tuesday, Stranger.Person, "非本科", Zone, WorkingCalendar.WeekdaysOnly).Refusal);
    }
}
