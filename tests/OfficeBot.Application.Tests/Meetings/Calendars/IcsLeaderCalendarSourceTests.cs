using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>Leaders' busy times read from .ics files next to the tests (office in Asia/Taipei).</summary>
public sealed class IcsLeaderCalendarSourceTests
{
    private const string Leader = "00000000-0000-0000-0000-00000000000a";
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private IcsLeaderCalendarSource Source(string? ics)
    {
        var options = new LeaderCalendarOptions { RefreshAfter = TimeSpan.Zero };
        if (ics is not null)
        {
            options.Feeds.Add(new LeaderCalendarOptions.LeaderFeed { Leader = Leader, Ics = ics });
        }

        var wrapped = Options.Create(options);
        var reader = new IcsFeedReader(new HttpClient(), _time, wrapped, AppContext.BaseDirectory, NullLogger<IcsFeedReader>.Instance);
        return new IcsLeaderCalendarSource(reader, wrapped, Taipei, _time);
    }

    private Task<LeaderCalendar> Read(string? ics, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Source(ics).ReadAsync(Leader, from ?? Now, to ?? Now.AddDays(62), CancellationToken.None);

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_WeeklySeriesWithExdateMovedAndCancelledInstances_ListsWhatIsLeftInOrder()
    {
        var calendar = await Read("Meetings/Calendars/weekly.ics");

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal(
            [(Utc(1, 5, 1), Utc(1, 5, 2), "Weekly review"), (Utc(1, 20, 6), Utc(1, 20, 7), "Weekly review (moved)"),
             (Utc(2, 2, 1), Utc(2, 2, 2), "Weekly review"), (Utc(2, 9, 1), Utc(2, 9, 2), "Weekly review")],
            calendar.Busy.Select(b => (b.Start, b.End, b.Title)));
        Assert.Equal("weekly-review/20260119T010000Z", calendar.Busy[1].Id);
        Assert.All(calendar.Busy, b => Assert.Equal("ics:Meetings/Calendars/weekly.ics", b.Source));
    }

    [Fact]
    public async Task ReadAsync_WindowCutsTheSeries_OnlyOccurrencesOverlappingTheWindow()
    {
        var calendar = await Read("Meetings/Calendars/weekly.ics", from: Utc(1, 5, 1).AddMinutes(30), to: Utc(2, 2, 1));

        Assert.Equal([Utc(1, 5, 1), Utc(1, 20, 6)], calendar.Busy.Select(b => b.Start));
    }

    [Fact]
    public async Task ReadAsync_AllDayEvent_RunsMidnightToMidnightInTheOfficeZone()
    {
        var busy = Assert.Single((await Read("Meetings/Calendars/allday.ics")).Busy);

        Assert.True(busy.AllDay);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.FromHours(8)), busy.Start);
        Assert.Equal(new DateTimeOffset(2026, 2, 12, 0, 0, 0, TimeSpan.FromHours(8)), busy.End);
    }

    [Fact]
    public async Task ReadAsync_BerlinWeeklyAcrossDstChange_StaysAtTenLocalAndMovesAnHourInUtc()
    {
        var busy = (await Read("Meetings/Calendars/berlin.ics", from: Utc(3, 1, 0), to: Utc(5, 1, 0))).Busy;

        Assert.Equal(4, busy.Count);
        Assert.All(busy, b => Assert.Equal(10, TimeZoneInfo.ConvertTime(b.Start, Berlin).Hour));
        Assert.All(busy, b => Assert.Equal(TimeSpan.FromHours(1), b.End - b.Start));
        Assert.Equal([9, 9, 8, 8], busy.Select(b => b.Start.UtcDateTime.Hour));
    }

    [Fact]
    public async Task ReadAsync_TransparentEvent_IsNotBusy()
    {
        var calendar = await Read("Meetings/Calendars/kinds.ics");

        Assert.DoesNotContain(calendar.Busy, b => b.Start == Utc(2, 3, 4));
        Assert.Contains(calendar.Busy, b => b.Title == "Budget hearing");
    }

    [Fact]
    public async Task ReadAsync_CancelledEvent_IsIgnored()
    {
        var calendar = await Read("Meetings/Calendars/kinds.ics");

        Assert.DoesNotContain(calendar.Busy, b => b.Title == "Called off" || b.Start == Utc(2, 3, 6));
        Assert.Equal(2, calendar.Busy.Count);
    }

    [Fact]
    public async Task ReadAsync_PrivateEvent_KeepsItsTimesButHidesItsTitle()
    {
        var calendar = await Read("Meetings/Calendars/kinds.ics");

        var doctor = calendar.Busy[0];
        Assert.Equal((Utc(2, 4, 1), Utc(2, 4, 2)), (doctor.Start, doctor.End));
        Assert.True(doctor.Private);
        Assert.Equal(LeaderBusyTime.PrivateTitle, doctor.Title);
        Assert.DoesNotContain(calendar.Busy, b => b.Title.Contains("Doctor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MalformedFile_UnavailableNamingFileAndLine()
    {
        var calendar = await Read("Meetings/Calendars/garbled.ics");

        Assert.False(calendar.IsAvailable);
        Assert.Equal(Now, calendar.UnavailableSince);
        Assert.Empty(calendar.Busy);
        Assert.Contains("Meetings/Calendars/garbled.ics line 7", calendar.Problem);
        Assert.Contains("this line is not iCalendar", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_UnavailableSinceTheFirstFailure()
    {
        var source = Source("Meetings/Calendars/nowhere.ics");

        await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        var calendar = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

        Assert.Equal(Now, calendar.UnavailableSince);
        Assert.Empty(calendar.Busy);
        Assert.Contains("'Meetings/Calendars/nowhere.ics' was not found", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_FileBrokenAfterAGoodRead_KeepsLastEventsFlaggedStaleWithTheirTime()
    {
        var folder = Directory.CreateTempSubdirectory("officebot-ics-");
        try
        {
            var path = Path.Combine(folder.FullName, "leader.ics");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Meetings/Calendars/kinds.ics"), path);
            var source = Source(path);
            var good = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

            _time.Advance(TimeSpan.FromHours(1));
            await File.WriteAllTextAsync(path, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            var stale = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

            Assert.True(good.IsAvailable);
            Assert.False(stale.IsAvailable);
            Assert.Equal(Now.AddHours(1), stale.UnavailableSince);
            Assert.Equal(Now, stale.ReadAt);
            Assert.Equal(good.Busy, stale.Busy);
            Assert.NotNull(stale.Problem);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_OverrideWithUtcRecurrenceIdOfZonedSeries_ReplacesThatInstance()
    {
        var busy = (await Read("Meetings/Calendars/utc-override.ics")).Busy;

        Assert.Equal([Utc(1, 6, 7), Utc(1, 13, 8), Utc(1, 20, 7)], busy.Select(b => b.Start));
        Assert.Equal("Weekly call (an hour later)", busy[1].Title);
    }

    [Fact]
    public async Task ReadAsync_UnknownTimeZone_UnavailableNamingTheEvent()
    {
        var calendar = await Read("Meetings/Calendars/unknown-zone.ics");

        Assert.False(calendar.IsAvailable, $"busy: {string.Join(", ", calendar.Busy)}");
        Assert.Contains("'Site visit' (UID olympus)", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_LeaderWithoutFeed_UnavailableNotFree()
    {
        var calendar = await Read(null);

        Assert.False(calendar.IsAvailable);
        Assert.Contains("No iCalendar feed", calendar.Problem);
    }
}
