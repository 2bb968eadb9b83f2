using Microsoft.Extensions.Options;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Leaders' busy times from their iCalendar feeds (<see cref="LeaderCalendarOptions.Feeds"/>). A leader without a feed,
/// or whose feed cannot be read, is unavailable, never free; a feed that was read before but fails now gives its last
/// events with <see cref="LeaderCalendar.UnavailableSince"/> set and <see cref="LeaderCalendar.ReadAt"/> saying how old they are.
/// </summary>
public sealed class IcsLeaderCalendarSource(IcsFeedReader reader, IOptions<LeaderCalendarOptions> options, TimeZoneInfo officeZone,
    TimeProvider time) : ILeaderCalendarSource
{
    public bool Covers(string leaderObjectId) => FeedOf(leaderObjectId)?.Ics is not null;

    public async Task<LeaderCalendar> ReadAsync(string leaderObjectId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var configured = FeedOf(leaderObjectId);
        if (configured?.Ics is not { } ics)
        {
            var now = time.GetUtcNow();
            return new LeaderCalendar(leaderObjectId, [], now, now, $"No iCalendar feed is configured for leader {leaderObjectId} ({LeaderCalendarOptions.Section}:Feeds).");
        }

        var feed = await reader.ReadAsync(ics, ct);
        if (feed.Calendar is null)
        {
            var now = time.GetUtcNow();
            return new LeaderCalendar(leaderObjectId, [], feed.ReadAt ?? now, feed.UnavailableSince ?? now, feed.Problem);
        }

        IReadOnlyList<LeaderBusyTime> busy;
        try
        {
            busy = Busy(feed, from, to);
        }
        catch (FeedProblem problem)
        {
            return new LeaderCalendar(leaderObjectId, [], feed.ReadAt!.Value, feed.UnavailableSince ?? feed.ReadAt.Value, problem.Message);
        }

        return new LeaderCalendar(leaderObjectId, busy, feed.ReadAt!.Value, feed.UnavailableSince, feed.Problem);
    }

    private LeaderCalendarOptions.LeaderFeed? FeedOf(string leaderObjectId) =>
        options.Value.Feeds.FirstOrDefault(f => string.Equals(f.Leader?.Trim(), leaderObjectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The feed's busy times in the window. A calendar is expanded once, over the days meetings are checked and shown in
    /// (<see cref="KeptBefore"/> back to <see cref="KeptAhead"/> ahead), and kept with the parsed calendar it came from;
    /// each read then only picks the window out of it, instead of walking every event of the feed again (a quarter of a
    /// second for 20,000 events, once per leader per meeting checked). A window outside those days is expanded on its own.
    /// </summary>
    private IReadOnlyList<LeaderBusyTime> Busy(IcsFeed feed, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = feed.Calendar!;

        // Ical.Net's evaluators keep state in the calendar's objects; two expansions of one calendar must not overlap.
        lock (calendar)
        {
            if (!_expanded.TryGetValue(calendar, out var kept) || from < kept.From || to > kept.To)
            {
                var now = time.GetUtcNow();
                if (from < now - KeptBefore || to > now + KeptAhead)
                {
                    return IcsBusyTimes.Expand(calendar, from, to, officeZone, $"ics:{feed.Display}");
                }

                kept = new Expansion(now - KeptBefore, now + KeptAhead, IcsBusyTimes.Expand(calendar, now - KeptBefore, now + KeptAhead, officeZone, $"ics:{feed.Display}"));
                _expanded.AddOrUpdate(calendar, kept);
            }

            var inWindow = new List<LeaderBusyTime>();
            foreach (var busy in kept.Busy)
            {
                if (busy.Start >= to)
                {
                    break;
                }

                if (busy.End > from)
                {
                    inWindow.Add(busy);
                }
            }

            return inWindow;
        }
    }

    /// <summary>How far back the kept expansion reaches: an agenda of last month, a check of today.</summary>
    public static readonly TimeSpan KeptBefore = TimeSpan.FromDays(62);

    /// <summary>How far ahead: a year of requests, plus the window their alternatives are looked for in.</summary>
    public static readonly TimeSpan KeptAhead = TimeSpan.FromDays(400);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Ical.Net.Calendar, Expansion> _expanded = [];

    /// <param name="Busy">Sorted by start (as <see cref="IcsBusyTimes.Expand"/> returns them).</param>
    private sealed record Expansion(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<LeaderBusyTime> Busy);
}
