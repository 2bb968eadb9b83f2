using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Meetings;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;

namespace OfficeBot.Benchmarks.MeetingSync;

/// <summary>
/// The meeting services wired by hand as the host wires them (ApplicationSetup, LeaderCalendarSetup) on one table store:
/// the feeds read by a fresh <see cref="IcsFeedReader"/> (so a new office parses every feed again), the leaders'
/// calendars through <see cref="CombinedLeaderCalendarSource"/> over the iCalendar source, counted by
/// <see cref="CountingSource"/>. The office clock is fixed (Monday 2030-06-03 09:00 in Taipei), so a feed read once is
/// not read again within <see cref="LeaderCalendarOptions.RefreshAfter"/>.
/// </summary>
internal sealed class SyncOffice
{
    public const string Tenant = "bench-tenant";

    public static readonly DateTimeOffset Now = new(2030, 6, 3, 1, 0, 0, TimeSpan.Zero);

    public SyncOffice(ITableStore store, string[] feeds, IReadOnlyList<string> rooms)
    {
        var leaders = Enumerable.Range(0, feeds.Length).Select(LeaderFeeds.LeaderId).ToList();
        var office = new OfficeOptions { Directors = ["director"], Leaders = leaders, Meetings = new MeetingOptions { Rooms = [.. rooms] } };
        var clock = new FakeTimeProvider(Now);
        Time = new OfficeTime(clock, Options.Create(office));
        var monitor = new FixedOptions(office);
        var calendars = Options.Create(new LeaderCalendarOptions
        {
            Feeds = [.. leaders.Select((l, i) => new LeaderCalendarOptions.LeaderFeed { Leader = l, Ics = feeds[i] })],
            RefreshAfter = TimeSpan.FromMinutes(5),
        });
        Reader = new IcsFeedReader(new HttpClient(), clock, calendars, AppContext.BaseDirectory, NullLogger<IcsFeedReader>.Instance);
        Ics = new IcsLeaderCalendarSource(Reader, calendars, Time.Zone, clock);
        Source = new CountingSource(new CombinedLeaderCalendarSource([Ics], clock));
        var outbox = new OutboxStore(store);
        Repository = new MeetingRepository(store, outbox);
        Checks = new MeetingChecks(Source, Repository, Time, monitor);
        Schedule = new MeetingSyncSchedule(store, Time, monitor);
        Meetings = new MeetingService(Repository, Checks, Schedule, Time, new OutboxSignal(), NullLogger<MeetingService>.Instance);
        Sync = new Application.Meetings.MeetingSync(Schedule, Repository, Meetings, Checks, outbox, Time, SyncLog);
        Office = office;
    }

    public OfficeOptions Office { get; }

    public OfficeTime Time { get; }

    public IcsFeedReader Reader { get; }

    public IcsLeaderCalendarSource Ics { get; }

    public CountingSource Source { get; }

    public MeetingRepository Repository { get; }

    public MeetingChecks Checks { get; }

    public MeetingSyncSchedule Schedule { get; }

    public MeetingService Meetings { get; }

    public Application.Meetings.MeetingSync Sync { get; }

    /// <summary>What the last sync logged: meetings watched and changed.</summary>
    public SyncLog SyncLog { get; } = new();

    public static async Task EnsureTablesAsync(ITableStore store)
    {
        foreach (var table in (string[])[MatterRepository.TableName, OutboxStore.WakeTable])
        {
            await store.EnsureTableAsync(table);
        }
    }

    private sealed class FixedOptions(OfficeOptions value) : IOptionsMonitor<OfficeOptions>
    {
        public OfficeOptions CurrentValue => value;

        public OfficeOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OfficeOptions, string?> listener) => null;
    }
}

/// <summary>Counts the leaders' calendar reads and the time spent in them (the feed's expansion over the window asked for).</summary>
internal sealed class CountingSource(ILeaderCalendarSource inner) : ILeaderCalendarSource
{
    private long _reads;
    private long _ticks;
    private long _busy;

    public long Reads => Interlocked.Read(ref _reads);

    public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public long Busy => Interlocked.Read(ref _busy);

    public bool Covers(string leaderObjectId) => inner.Covers(leaderObjectId);

    public async Task<LeaderCalendar> ReadAsync(string leaderObjectId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var calendar = await inner.ReadAsync(leaderObjectId, from, to, ct);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _busy, calendar.Busy.Count);
        if (!calendar.IsAvailable)
        {
            throw new InvalidOperationException($"{leaderObjectId}: {calendar.Problem}");
        }

        return calendar;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _busy, 0);
    }
}

/// <summary>Runs every step at once, timing the meeting steps (<c>m|N</c>) of the sync.</summary>
internal sealed class TimedProgress : IOutboxProgress
{
    public List<double> MeetingMs { get; } = [];

    public async Task StepAsync(string key, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await step(cancellationToken);
        if (key.StartsWith("m|", StringComparison.Ordinal))
        {
            MeetingMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>Keeps the numbers of the sync's closing log line (meetings watched, changed).</summary>
internal sealed class SyncLog : Microsoft.Extensions.Logging.ILogger<Application.Meetings.MeetingSync>
{
    public int Watched { get; private set; }

    public int Changed { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                if (key == "Watched" && value is int watched)
                {
                    Watched = watched;
                }
                else if (key == "Changed" && value is int changed)
                {
                    Changed = changed;
                }
            }
        }
    }
}
