namespace OfficeBot.Domain.Meetings;

public enum ConflictKind
{
    /// <summary>A required leader has another busy event at that time (buffer included).</summary>
    Overlap,

    /// <summary>The room is already booked at that time.</summary>
    Room,

    /// <summary>The meeting would overload a leader's day (see <see cref="Conflict.Overload"/> for which limit).</summary>
    Overload,

    /// <summary>撞車: another department's pending request needs the same leader (or room) at the same time.</summary>
    DepartmentClash,

    /// <summary>The meeting starts before or ends after the office's working hours.</summary>
    OutsideWorkingHours,

    /// <summary>The meeting is on a weekend or a holiday of the office calendar.</summary>
    NonWorkingDay,

    /// <summary>A leader's calendar could not be read, so their time cannot be taken as free.</summary>
    CalendarUnavailable,
}

public enum OverloadLimit
{
    /// <summary>Too many meetings that day.</summary>
    Count,

    /// <summary>Too much time in meetings that day.</summary>
    Hours,

    /// <summary>Too long without a break.</summary>
    Chain,
}

/// <summary>How loaded a leader's day (or unbroken run, for <see cref="OverloadLimit.Chain"/>) would be, against the limit it breaks.</summary>
public sealed record OverloadDetail(OverloadLimit Limit, int Meetings, TimeSpan Time, int MaxMeetings, TimeSpan MaxTime);

/// <summary>
/// One reason a meeting should not happen as proposed: who is concerned, what it collides with, when, and why (<see cref="Kind"/>).
/// <see cref="Start"/>–<see cref="End"/> is the other event, request, run of meetings or day; for
/// <see cref="ConflictKind.OutsideWorkingHours"/> the working hours of that day; for
/// <see cref="ConflictKind.CalendarUnavailable"/> from when the calendar is unknown up to the meeting's end.
/// </summary>
public sealed record Conflict(ConflictKind Kind, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>What a private event is called in a conflict (a card shows it in the reader's language).</summary>
    public const string PrivateTitle = "busy";

    /// <summary>The leader concerned (all kinds but Room, OutsideWorkingHours and NonWorkingDay, and a room-only DepartmentClash).</summary>
    public string? Leader { get; init; }

    /// <summary>The room concerned (Room, and a DepartmentClash over the same room).</summary>
    public string? Room { get; init; }

    /// <summary>The other event's title (<see cref="PrivateTitle"/> when private), the other request's title, or the holiday's name.</summary>
    public string? What { get; init; }

    /// <summary>The event collided with (Overlap, Room).</summary>
    public BusyEvent? Event { get; init; }

    /// <summary>The other department's pending request (DepartmentClash).</summary>
    public MeetingProposal? Request { get; init; }

    /// <summary>The department asking for the meeting and the other one (DepartmentClash).</summary>
    public string? Department { get; init; }

    public string? OtherDepartment { get; init; }

    /// <summary>Which limit breaks and by how much (Overload).</summary>
    public OverloadDetail? Overload { get; init; }

    /// <summary>The leader's other meetings that make up the overload, in start order.</summary>
    public IReadOnlyList<BusyEvent> Involved { get; init; } = [];
}

/// <summary>A free time for the meeting, in the office's time zone.</summary>
public readonly record struct Slot(DateTimeOffset Start, DateTimeOffset End);
