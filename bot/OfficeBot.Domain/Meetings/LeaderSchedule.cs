namespace OfficeBot.Domain.Meetings;

/// <summary>
/// What is known of one leader's time: their busy events from every source, combined, and whether a source could not be
/// read. A leader whose calendar is unavailable is never taken to be free.
/// </summary>
public sealed class LeaderSchedule
{
    /// <param name="events">In any order; events that are not busy are left out.</param>
    /// <param name="unavailableSince">When a source last failed to be read, if it has not been read since; the events are then only the last known ones.</param>
    public LeaderSchedule(string leaderId, IEnumerable<BusyEvent> events, DateTimeOffset? unavailableSince = null)
    {
        LeaderId = leaderId;
        UnavailableSince = unavailableSince;
        Index = new EventIndex(events);
    }

    public string LeaderId { get; }

    public DateTimeOffset? UnavailableSince { get; }

    public bool IsAvailable => UnavailableSince is null;

    /// <summary>Busy events known for the leader.</summary>
    public int Count => Index.Count;

    internal EventIndex Index { get; }
}

/// <summary>The bookings of every room, looked up by the room's configured name (case does not matter).</summary>
public sealed class RoomSchedule
{
    public static RoomSchedule Empty { get; } = new([]);

    private readonly Dictionary<string, EventIndex> _rooms;

    /// <param name="bookings">Events with a room; those without one, or not busy, are left out.</param>
    public RoomSchedule(IEnumerable<BusyEvent> bookings) =>
        _rooms = bookings
            .Where(b => b.Room is not null)
            .GroupBy(b => b.Room!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new EventIndex(g), StringComparer.OrdinalIgnoreCase);

    internal EventIndex For(string room) => _rooms.GetValueOrDefault(room) ?? EventIndex.Empty;
}

/// <summary>Everything a meeting is checked against: the leaders' schedules, the rooms' bookings and the requests still waiting for approval.</summary>
public sealed class MeetingCalendars
{
    private readonly Dictionary<string, LeaderSchedule> _leaders;

    public MeetingCalendars(IEnumerable<LeaderSchedule> leaders, RoomSchedule? rooms = null, IReadOnlyList<MeetingProposal>? pending = null)
    {
        _leaders = new Dictionary<string, LeaderSchedule>(StringComparer.Ordinal);
        foreach (var schedule in leaders)
        {
            _leaders[schedule.LeaderId] = schedule;
        }

        Rooms = rooms ?? RoomSchedule.Empty;
        Pending = pending ?? [];
    }

    public RoomSchedule Rooms { get; }

    /// <summary>Requests not yet approved, of every department.</summary>
    public IReadOnlyList<MeetingProposal> Pending { get; }

    /// <summary>The leader's schedule; null when no source was ever read for them (as unavailable as it gets).</summary>
    public LeaderSchedule? For(string leaderId) => _leaders.GetValueOrDefault(leaderId);
}
