using System.Runtime.CompilerServices;
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

    private IcsLeaderCalendarSource Source(string? ics) => ReaderAndSource(ics).Source;

    private (IcsFeedReader Reader, IcsLeaderCalendarSource Source) ReaderAndSource(string? ics)
    {
        var options = new LeaderCalendarOptions { RefreshAfter = TimeSpan.Zero };
        if (ics is not null)
        {
            options.Feeds.Add(new LeaderCalendarOptions.LeaderFeed { Leader = Leader, Ics = ics });
        }

        var wrapped = Options.Create(options);
        var reader = new IcsFeedReader(new HttpClient(), _time, wrapped, AppContext.BaseDirectory, NullLogger<IcsFeedReader>.Instance);
        return (reader, new IcsLeaderCalendarSource(reader, wrapped, Taipei, _time));
    }

    // In a method of its own, so that no local of the test holds the calendar the weak reference watches.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ParsedAtReadTime(IcsContent content)
    {
        Assert.True(content.HoldsParsed);
        return new WeakReference(content.Parsed());
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
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

    [Fact]
    public async Task ReadAsync_AfterTheKeptDaysAreExpanded_ParsedCalendarIsLetGoAndTheSameWindowIsReadWithoutParsing()
    {
        const string ics = "Meetings/Calendars/weekly.ics";
        var (reader, source) = ReaderAndSource(ics);
        var content = (await reader.ReadAsync(ics, CancellationToken.None)).Content!;
        var parsed = ParsedAtReadTime(content);

        var first = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);
        Collect();
        var second = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

        Assert.False(parsed.IsAlive, "the calendar parsed at read time is still reachable after the expansion was kept");
        Assert.False(content.HoldsParsed);
        Assert.Same(content, (await reader.ReadAsync(ics, CancellationToken.None)).Content);
        Assert.Equal(4, first.Busy.Count);
        Assert.Equal(first.Busy, second.Busy);
        Assert.Equal(0, content.ParsedAgain);
    }

    [Fact]
    public async Task ReadAsync_WindowBeyondTheKeptDaysAfterTheCalendarWasLetGo_ParsesAgainAndLeavesTheKeptExpansion()
    {
        var folder = Directory.CreateTempSubdirectory("officebot-ics-");
        try
        {
            var path = Path.Combine(folder.FullName, "leader.ics");
            await File.WriteAllTextAsync(path, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OfficeBot tests//EN\r\nBEGIN:VEVENT\r\nUID:monday\r\n"
                + "DTSTAMP:20251201T000000Z\r\nDTSTART:20260105T010000Z\r\nDTEND:20260105T020000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Monday meeting\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n");
            var (reader, source) = ReaderAndSource(path);
            var near = await source.ReadAsync(Leader, Now, Now.AddDays(14), CancellationToken.None);
            var content = (await reader.ReadAsync(path, CancellationToken.None)).Content!;
            Assert.False(content.HoldsParsed);

            var far = await source.ReadAsync(Leader, Now.AddYears(2), Now.AddYears(2).AddDays(14), CancellationToken.None);
            var nearAgain = await source.ReadAsync(Leader, Now, Now.AddDays(14), CancellationToken.None);

            Assert.True(far.IsAvailable, far.Problem);
            Assert.Equal([new DateTimeOffset(2028, 1, 3, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 10, 1, 0, 0, TimeSpan.Zero)],
                far.Busy.Select(b => b.Start));
            Assert.All(far.Busy, b => Assert.Equal("Monday meeting", b.Title));
            Assert.Equal(1, content.ParsedAgain);
            Assert.False(content.HoldsParsed);
            Assert.Equal([Utc(1, 5, 1), Utc(1, 12, 1)], near.Busy.Select(b => b.Start));
            Assert.Equal(near.Busy, nearAgain.Busy);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_FileRewritten_NewContentAndTheNewEvents()
    {
        var folder = Directory.CreateTempSubdirectory("officebot-ics-");
        try
        {
            var path = Path.Combine(folder.FullName, "leader.ics");
            var kinds = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Meetings/Calendars/kinds.ics"));
            await File.WriteAllTextAsync(path, kinds);
            var (reader, source) = ReaderAndSource(path);
            var before = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);
            var first = (await reader.ReadAsync(path, CancellationToken.None)).Content;

            await File.WriteAllTextAsync(path, kinds.Replace("Budget hearing", "Budget hearing (room 3)", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            var after = await source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);
            var second = (await reader.ReadAsync(path, CancellationToken.None)).Content;

            Assert.NotNull(first);
            Assert.NotSame(first, second);
            Assert.Contains(before.Busy, b => b.Title == "Budget hearing");
            Assert.Contains(after.Busy, b => b.Title == "Budget hearing (room 3)");
            Assert.DoesNotContain(after.Busy, b => b.Title == "Budget hearing");
            Assert.True(after.IsAvailable, after.Problem);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
