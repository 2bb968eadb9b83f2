using Microsoft.Extensions.Options;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Leaders' busy times from their iCalendar feeds (<see cref="LeaderCalendarOptions.Feeds"/>). A leader without a feed,
/// or whose feed cannot be read, is unavailable, never free; a feed that was read before but fails now gives its last
/// events with <see cref="LeaderCalendar.UnavailableSince"/> set and <see cref="LeaderCalendar.ReadAt"/> saying how old they are.
/// Per feed version only its busy times over the days meetings are checked and shown in are kept (about 4 MB for 20,000
/// events), not the parsed calendar they came from (about 123 MB), which is let go once they are built.
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
        if (feed.Content is null)
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
    /// The feed's busy times in the window. A version of a feed is expanded once, over the days meetings are checked and
    /// shown in (<see cref="KeptBefore"/> back to <see cref="KeptAhead"/> ahead), and kept with the version it came from;
    /// each read then only picks the window out of it, instead of walking every event of the feed again (a quarter of a
    /// second for 20,000 events, once per leader per meeting checked). Once that is built the parsed calendar is let go:
    /// it is some 30 times the size of the expansion (123 MB against 4 MB for 20,000 events, 6.1 GB for 50 leaders where
    /// an App Service B1 has 1.75 GB). A window outside those days, or the days moving on past the kept ones, parses the
    /// feed's kept text again (a second or so for 20,000 events), which is rare; an outside window's calendar is not kept.
    /// </summary>
    private IReadOnlyList<LeaderBusyTime> Busy(IcsFeed feed, DateTimeOffset from, DateTimeOffset to)
    {
        var content = feed.Content!;

        // Ical.Net's evaluators keep state in the calendar's objects; two expansions of one calendar must not overlap. The
        // lock is on the version, since the calendar it holds is shared by every reader of it until it is let go.
        lock (content)
        {
            if (!_expanded.TryGetValue(content, out var kept) || from < kept.From || to > kept.To)
            {
                var now = time.GetUtcNow();
                if (from < now - KeptBefore || to > now + KeptAhead)
                {
                    return IcsBusyTimes.Expand(content.Parsed(), from, to, officeZone, $"ics:{feed.Display}");
                }

                kept = new Expansion(now - KeptBefore, now + KeptAhead, IcsBusyTimes.Expand(content.Parsed(), now - KeptBefore, now + KeptAhead, officeZone, $"ics:{feed.Display}"));
                _expanded.AddOrUpdate(content, kept);
                content.ReleaseParsed();
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

    // Keyed on the version, so that an expansion goes when a new version of the feed replaces the one it came from.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IcsContent, Expansion> _expanded = [];

    /// <param name="Busy">Sorted by start (as <see cref="IcsBusyTimes.Expand"/> returns them).</param>
    private sealed record Expansion(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<LeaderBusyTime> Busy);
}
