using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Leaders' busy times from their Outlook calendars through Graph's <c>calendar/getSchedule</c>, for the leaders listed in
/// <see cref="GraphOptions.Mailboxes"/>. One call asks for up to <see cref="MaxSchedulesPerCall"/> mailboxes over at most
/// <see cref="MaxWindow"/>; longer windows are split. Busy, tentative, out-of-office, working-elsewhere and unknown items
/// count as busy; only "free" items are left out. A window read less than <see cref="GraphOptions.RefreshAfter"/> ago is
/// answered from memory, and a miss reads every mapped leader at once, so checking fifty leaders one by one costs three
/// calls, not fifty. A leader whose schedule cannot be read (a failed call, an error for that mailbox) is unavailable,
/// never free.
/// </summary>
public sealed partial class GraphLeaderCalendarSource(GraphServiceClient graph, IOptions<GraphOptions> options, TimeZoneInfo officeZone,
    TimeProvider time, ILogger<GraphLeaderCalendarSource> logger) : ILeaderCalendarSource
{
    /// <summary>Graph refuses getSchedule for more than 20 schedules in one call.</summary>
    public const int MaxSchedulesPerCall = 20;

    /// <summary>Graph refuses getSchedule for a window longer than 62 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(62);

    private const string Source = "graph";

    // A window nobody has asked about for this long is dropped, so many one-off windows do not pile up in memory.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(DateTimeOffset From, DateTimeOffset To), Window> _windows = [];

    public bool Covers(string leaderObjectId) => options.Value.AddressOf(leaderObjectId) is not null;

    public async Task<LeaderCalendar> ReadAsync(string leaderObjectId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await ReadManyAsync([leaderObjectId], from, to, ct))[0];

    /// <summary>Several leaders' busy times in one window, in the order asked; leaders without a mailbox are unavailable.</summary>
    public async Task<IReadOnlyList<LeaderCalendar>> ReadManyAsync(IReadOnlyList<string> leaderObjectIds, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var settings = options.Value;
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            Forget(now);
            if (!_windows.TryGetValue((from, to), out var known))
            {
                known = new Window();
                _windows[(from, to)] = known;
            }

            known.AskedAt = now;
            var window = known.Leaders;

            var stale = leaderObjectIds.Any(leader => Covers(leader)
                && (!window.TryGetValue(leader.Trim(), out var entry) || now - entry.AttemptedAt >= settings.RefreshAfter));
            if (stale)
            {
                // Everyone mapped, not only those asked: the next leaders' checks come from memory.
                var mapped = settings.Mailboxes
                    .Where(m => !string.IsNullOrWhiteSpace(m.Leader) && !string.IsNullOrWhiteSpace(m.Address))
                    .Select(m => (Leader: m.Leader!.Trim(), Address: m.Address!.Trim()))
                    .DistinctBy(m => m.Leader, StringComparer.OrdinalIgnoreCase)
                    .Where(m => !window.TryGetValue(m.Leader, out var entry) || now - entry.AttemptedAt >= settings.RefreshAfter)
                    .ToList();
                await ReadWindowAsync(window, mapped, from, to, now, settings, ct);
            }

            return leaderObjectIds.Select(leader => Answer(window, leader, now)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    private LeaderCalendar Answer(Dictionary<string, Entry> window, string leader, DateTimeOffset now)
    {
        if (!Covers(leader))
        {
            return new LeaderCalendar(leader, [], now, now, $"No mailbox is configured for leader {leader} ({GraphOptions.Section}:Mailboxes).");
        }

        var entry = window[leader.Trim()];
        return new LeaderCalendar(leader, entry.Busy, entry.ReadAt ?? entry.AttemptedAt, entry.UnavailableSince, entry.Problem);
    }

    private async Task ReadWindowAsync(Dictionary<string, Entry> window, List<(string Leader, string Address)> mailboxes, DateTimeOffset from,
        DateTimeOffset to, DateTimeOffset now, GraphOptions settings, CancellationToken ct)
    {
        var busy = mailboxes.ToDictionary(m => m.Leader, _ => new List<LeaderBusyTime>(), StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sliceFrom, sliceTo) in Slices(from, to))
        {
            foreach (var batch in mailboxes.Chunk(MaxSchedulesPerCall))
            {
                await ReadBatchAsync(batch, sliceFrom, sliceTo, from, to, busy, problems, settings, ct);
            }
        }

        foreach (var (leader, _) in mailboxes)
        {
            var entry = window.TryGetValue(leader, out var known) ? known : window[leader] = new Entry();
            entry.AttemptedAt = now;
            if (problems.TryGetValue(leader, out var problem))
            {
                entry.UnavailableSince ??= now;
                entry.Problem = problem;
                LogUnreadable(leader, entry.UnavailableSince.Value, problem);
                continue;
            }

            entry.Busy = busy[leader].DistinctBy(b => (b.Start, b.End, b.Title)).OrderBy(b => b.Start).ThenBy(b => b.End).ToList();
            entry.ReadAt = now;
            entry.UnavailableSince = null;
            entry.Problem = null;
        }
    }

    private async Task ReadBatchAsync((string Leader, string Address)[] batch, DateTimeOffset sliceFrom, DateTimeOffset sliceTo,
        DateTimeOffset from, DateTimeOffset to, Dictionary<string, List<LeaderBusyTime>> busy, Dictionary<string, string> problems,
        GraphOptions settings, CancellationToken ct)
    {
        var body = new GetSchedulePostRequestBody
        {
            Schedules = batch.Select(m => m.Address).ToList(),
            StartTime = new DateTimeTimeZone { DateTime = Wire(sliceFrom), TimeZone = "UTC" },
            EndTime = new DateTimeTimeZone { DateTime = Wire(sliceTo), TimeZone = "UTC" },
        };

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        GetSchedulePostResponse? response;
        try
        {
            // Any mailbox in the tenant may ask for the others' schedules under an application permission.
            response = await graph.Users[batch[0].Leader].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body, request =>
            {
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
                GraphClients.Configure(request, settings);
            }, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            Fail(batch, problems, $"Microsoft Graph did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
            return;
        }
        catch (Exception error) when (GraphClients.Describe(error, settings) is { } problem)
        {
            Fail(batch, problems, problem);
            return;
        }

        var schedules = (response?.Value ?? [])
            .Where(s => s.ScheduleId is not null)
            .GroupBy(s => s.ScheduleId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var (leader, address) in batch)
        {
            if (!schedules.TryGetValue(address, out var schedule))
            {
                problems.TryAdd(leader, $"Microsoft Graph returned no schedule for {address}.");
            }
            else if (schedule.Error is { } error)
            {
                problems.TryAdd(leader, $"Microsoft Graph cannot read the schedule of {address}: {error.Message ?? error.ResponseCode ?? "no reason given"}.");
            }
            else
            {
                try
                {
                    busy[leader].AddRange((schedule.ScheduleItems ?? []).Where(IsBusy).Select(item => ToBusyTime(item, address))
                        .Where(b => b.End > from && b.Start < to));
                }
                catch (FeedProblem problem)
                {
                    problems.TryAdd(leader, problem.Message);
                }
            }
        }
    }

    private static void Fail((string Leader, string Address)[] batch, Dictionary<string, string> problems, string problem)
    {
        foreach (var (leader, _) in batch)
        {
            problems.TryAdd(leader, problem);
        }
    }

    /// <summary>Only items marked free leave the leader free; unknown is taken as busy, since a meeting must not be put on it.</summary>
    private static bool IsBusy(ScheduleItem item) => item.Status != FreeBusyStatus.Free;

    private LeaderBusyTime ToBusyTime(ScheduleItem item, string address)
    {
        var start = Instant(item.Start, address);
        var end = Instant(item.End, address);
        var isPrivate = item.IsPrivate == true;
        var title = isPrivate || string.IsNullOrWhiteSpace(item.Subject)
            ? LeaderBusyTime.PrivateTitle
            : string.IsNullOrWhiteSpace(item.Location) ? item.Subject : $"{item.Subject} ({item.Location})";
        var local = start.TimeOfDay;
        var allDay = local == TimeSpan.Zero && end > start && TimeZoneInfo.ConvertTime(end, officeZone).TimeOfDay == TimeSpan.Zero;
        return new LeaderBusyTime($"{address}/{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", title, start, end, allDay, isPrivate, $"{Source}:{address}");
    }

    /// <summary>A Graph dateTimeTimeZone (UTC when asked for, but any Windows or IANA zone Graph sends) as an instant in the office zone.</summary>
    private DateTimeOffset Instant(DateTimeTimeZone? value, string address)
    {
        if (value?.DateTime is not { } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wall))
        {
            throw new FeedProblem($"Microsoft Graph sent an unreadable time '{value?.DateTime}' in the schedule of {address}.");
        }

        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(value.TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FeedProblem($"Microsoft Graph sent an unknown time zone '{value.TimeZone}' in the schedule of {address}.");
        }

        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(wall) ? wall.AddHours(1) : wall, zone);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), officeZone);
    }

    private static string Wire(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The window cut into pieces Graph accepts, in order.</summary>
    internal static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Slices(DateTimeOffset from, DateTimeOffset to)
    {
        for (var start = from; start < to; start += MaxWindow)
        {
            yield return (start, start + MaxWindow < to ? start + MaxWindow : to);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _windows.Where(w => now - w.Value.AskedAt >= ForgetAfter).Select(w => w.Key).ToList())
        {
            _windows.Remove(key);
        }
    }

    private sealed class Window
    {
        public Dictionary<string, Entry> Leaders { get; } = new(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset AskedAt { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph schedule of leader {Leader} cannot be read (unavailable since {Since:o}): {Problem}")]
    private partial void LogUnreadable(string leader, DateTimeOffset since, string problem);

    private sealed class Entry
    {
        public IReadOnlyList<LeaderBusyTime> Busy { get; set; } = [];

        public DateTimeOffset? ReadAt { get; set; }

        public DateTimeOffset AttemptedAt { get; set; }

        public DateTimeOffset? UnavailableSince { get; set; }

        public string? Problem { get; set; }
    }
}
