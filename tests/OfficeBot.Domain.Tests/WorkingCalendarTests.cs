using OfficeBot.Domain.Calendar;

namespace OfficeBot.Domain.Tests;

public sealed class WorkingCalendarTests
{
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
}
