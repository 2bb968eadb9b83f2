using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The calendars shipped with the bot are well formed and say where their dates come from. Whether the dates are right
/// is checked against the official documents by a person (README, Working days), not here.
/// </summary>
public sealed class ShippedCalendarTests
{
    [Theory]
    [InlineData("calendars/tw-2026.ics", "行政院人事行政總處")]
    [InlineData("calendars/cn-2026.ics", "国务院办公厅")]
    public void ShippedCalendar_LoadsAndNamesItsSource(string file, string source)
    {
        var load = CalendarLoader.Load(new CalendarOptions { IcsFiles = [file] }, AppContext.BaseDirectory);

        Assert.Empty(load.Errors);
        Assert.NotNull(load.Calendar);
        Assert.Contains(source, File.ReadLines(Path.Combine(AppContext.BaseDirectory, file)).Take(3).First(l => l.StartsWith("X-WR-CALDESC:", StringComparison.Ordinal)));
    }
}
