using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Application.Tests;

public sealed class CalendarLoaderTests
{
    private static readonly string Root = AppContext.BaseDirectory;

    private static CalendarLoad Load(Action<CalendarOptions> configure)
    {
        var options = new CalendarOptions();
        configure(options);
        return CalendarLoader.Load(options, Root);
    }

    private static WorkingCalendar Loaded(Action<CalendarOptions> configure)
    {
        var load = Load(configure);
        Assert.Empty(load.Errors);
        return load.Calendar!;
    }

    [Fact]
    public void Load_Nothing_IsWeekdaysNineToSix()
    {
        var calendar = Loaded(_ => { });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (calendar.WorkStart, calendar.WorkEnd));
    }

    [Fact]
    public void Load_Ics_AllDayEventsAreHolidays_AcrossTheirWholeSpan()
    {
        var calendar = Loaded(o => o.IcsFiles.Add("Calendars/office.ics"));

        Assert.Equal("Founders' Day", calendar.Special(new DateOnly(2026, 11, 27))?.Name);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 30)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 31))); // DTEND is the first day after the break
    }

    [Fact]
    public void Load_Ics_WorkdayCategoryOrMakeUpSummary_IsAMakeUpWorkingDay()
    {
        var calendar = Loaded(o => o.IcsFiles.Add("Calendars/office.ics"));

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 5))); // CATEGORIES:…,WORKDAY
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 19))); // SUMMARY:年終補班
        Assert.Equal(CalendarDayKind.MakeUpWorkday, calendar.Special(new DateOnly(2026, 12, 19))?.Kind);
    }

    [Fact]
    public void Load_Ics_TimedAndCancelledEvents_AreNotDaysOff()
    {
        var calendar = Loaded(o => o.IcsFiles.Add("Calendars/office.ics"));

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 2))); // a staff meeting
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 3))); // a cancelled outing
        Assert.Null(calendar.Special(new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void Load_ConfigurationAndIcs_AreCombined()
    {
        var calendar = Loaded(o =>
        {
            o.IcsFiles.Add("Calendars/office.ics");
            o.Holidays.Add(new() { Date = "2026-12-01", Name = "Election day" });
            o.WorkingDays.Add(new() { Date = "2026-12-12", Name = "Audit Saturday" });
            o.WorkStart = "08:30";
            o.WorkEnd = "17:30";
        });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 12)));
        Assert.Equal(new TimeOnly(8, 30), calendar.WorkStart);
        Assert.Equal(2, calendar.WorkingDaysAfter(new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 2))); // Mon 30, Wed 2
    }

    [Fact]
    public void Load_GarbledIcsLine_NamesTheFileAndLine()
    {
        var error = Assert.Single(Load(o => o.IcsFiles.Add("Calendars/garbled.ics")).Errors);

        Assert.Contains("Calendars/garbled.ics line 7", error);
        Assert.Contains("this line is not iCalendar", error);
    }

    [Fact]
    public void Load_IcsEventNeverClosed_PointsAtTheLineWhereItShouldHaveEnded()
    {
        var error = Assert.Single(Load(o => o.IcsFiles.Add("Calendars/unclosed.ics")).Errors);

        Assert.Contains("Calendars/unclosed.ics line 8", error);
        Assert.Contains("END:VEVENT", error);
    }

    [Fact]
    public void Load_IcsEventWithImpossibleDate_NamesTheFileAndTheEventsLine()
    {
        var error = Assert.Single(Load(o => o.IcsFiles.Add("Calendars/bad-date.ics")).Errors);

        Assert.Contains("Calendars/bad-date.ics line 9", error);
        Assert.Contains("Impossible Day", error);
    }

    [Fact]
    public void Load_RecurringIcsEvent_IsRefused()
    {
        var error = Assert.Single(Load(o => o.IcsFiles.Add("Calendars/recurring.ics")).Errors);

        Assert.Contains("RRULE", error);
        Assert.Contains("line 4", error);
    }

    [Fact]
    public void Load_MissingIcsFile_NamesTheSettingAndThePath()
    {
        var error = Assert.Single(Load(o => o.IcsFiles.Add("Calendars/nowhere.ics")).Errors);

        Assert.Contains("Office:Calendar:IcsFiles:0", error);
        Assert.Contains("nowhere.ics", error);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("12/25/2026")]
    [InlineData("")]
    public void Load_BadConfiguredDate_NamesTheSettingKey(string date)
    {
        var error = Assert.Single(Load(o => o.Holidays.Add(new() { Date = date, Name = "x" })).Errors);

        Assert.StartsWith("Office:Calendar:Holidays:0:Date", error);
    }

    [Theory]
    [InlineData("9am", "18:00", "WorkStart")]
    [InlineData("09:00", "25:00", "WorkEnd")]
    [InlineData("18:00", "09:00", "later than WorkStart")]
    public void Load_BadWorkingHours_AreRefused(string start, string end, string named)
    {
        var error = Assert.Single(Load(o => { o.WorkStart = start; o.WorkEnd = end; }).Errors);

        Assert.Contains(named, error);
    }

    [Fact]
    public void Load_SameDateHolidayAndMakeUpDay_NamesBothSources()
    {
        var error = Assert.Single(Load(o =>
        {
            o.IcsFiles.Add("Calendars/office.ics");
            o.Holidays.Add(new() { Date = "2026-12-05", Name = "Company picnic" });
        }).Errors);

        Assert.Contains("2026-12-05", error);
        Assert.Contains("Office:Calendar:Holidays:0", error);
        Assert.Contains("Calendars/office.ics line", error);
    }
}
