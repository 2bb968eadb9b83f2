namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// One stretch of time a leader is busy, from one calendar source. <see cref="Title"/> is
/// <see cref="LeaderBusyTime.PrivateTitle"/> when the event is private or confidential; its times are still real.
/// All-day events run from midnight to midnight in the office's time zone.
/// </summary>
public sealed record LeaderBusyTime(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, bool AllDay, bool Private, string Source)
{
    /// <summary>The title shown for a private event, whose own title is not exposed.</summary>
    public const string PrivateTitle = "busy";
}

/// <summary>
/// A leader's busy times in a window, as one source knows them, sorted by start. When <see cref="UnavailableSince"/> is
/// set the source could not be read (see <see cref="Problem"/>): the leader must not be taken to be free, and
/// <see cref="Busy"/> holds only what was last read successfully at <see cref="ReadAt"/> (possibly nothing).
/// </summary>
public sealed record LeaderCalendar(string LeaderObjectId, IReadOnlyList<LeaderBusyTime> Busy, DateTimeOffset ReadAt,
    DateTimeOffset? UnavailableSince, string? Problem)
{
    public bool IsAvailable => UnavailableSince is null;
}

/// <summary>Where a leader's busy times come from (an iCalendar feed, Microsoft Graph, meetings approved in OfficeBot).</summary>
public interface ILeaderCalendarSource
{
    /// <summary>Whether this source knows the leader's calendar at all (a feed or mailbox is configured for them).</summary>
    bool Covers(string leaderObjectId);

    /// <summary>The leader's busy times overlapping [<paramref name="from"/>, <paramref name="to"/>), never "free" when unreadable.</summary>
    Task<LeaderCalendar> ReadAsync(string leaderObjectId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
