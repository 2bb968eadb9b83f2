namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// A leader's calendar from every source that covers them (their iCalendar feed, their Outlook mailbox through Graph):
/// busy times are the union of all, sorted. If any covering source cannot be read the leader is unavailable (since the
/// earliest failure, every problem named), and a leader no source covers is unavailable too: a calendar nobody can see
/// is never taken to be free.
/// </summary>
public sealed class CombinedLeaderCalendarSource(IReadOnlyList<ILeaderCalendarSource> sources, TimeProvider time) : ILeaderCalendarSource
{
    public bool Covers(string leaderObjectId) => sources.Any(s => s.Covers(leaderObjectId));

    public async Task<LeaderCalendar> ReadAsync(string leaderObjectId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var covering = sources.Where(s => s.Covers(leaderObjectId)).ToList();
        if (covering.Count == 0)
        {
            var now = time.GetUtcNow();
            return new LeaderCalendar(leaderObjectId, [], now, now,
                $"No calendar is connected for leader {leaderObjectId} (neither {LeaderCalendarOptions.Section}:Feeds nor {GraphOptions.Section}:Mailboxes names them).");
        }

        var calendars = await Task.WhenAll(covering.Select(s => s.ReadAsync(leaderObjectId, from, to, ct)));
        if (calendars.Length == 1)
        {
            return calendars[0];
        }

        var busy = calendars.SelectMany(c => c.Busy).OrderBy(b => b.Start).ThenBy(b => b.End).ToList();
        var failed = calendars.Where(c => !c.IsAvailable).ToList();
        return new LeaderCalendar(leaderObjectId, busy, calendars.Min(c => c.ReadAt),
            failed.Count == 0 ? null : failed.Min(c => c.UnavailableSince),
            failed.Count == 0 ? null : string.Join(" ", failed.Select(c => c.Problem)));
    }
}
