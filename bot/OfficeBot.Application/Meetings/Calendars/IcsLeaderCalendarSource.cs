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
            // Ical.Net's evaluators keep state in the calendar's objects; two expansions of one calendar must not overlap.
            lock (feed.Calendar)
            {
                busy = IcsBusyTimes.Expand(feed.Calendar, from, to, officeZone, $"ics:{feed.Display}");
            }
        }
        catch (FeedProblem problem)
        {
            return new LeaderCalendar(leaderObjectId, [], feed.ReadAt!.Value, feed.UnavailableSince ?? feed.ReadAt.Value, problem.Message);
        }

        return new LeaderCalendar(leaderObjectId, busy, feed.ReadAt!.Value, feed.UnavailableSince, feed.Problem);
    }

    private LeaderCalendarOptions.LeaderFeed? FeedOf(string leaderObjectId) =>
        options.Value.Feeds.FirstOrDefault(f => string.Equals(f.Leader?.Trim(), leaderObjectId, StringComparison.OrdinalIgnoreCase));
}
