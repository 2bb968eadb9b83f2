using OfficeBot.Domain.Meetings;

namespace OfficeBot.Cards.Views;

/// <summary>
/// One conflict as a card shows it: who (<see cref="Leader"/>'s display name, or <see cref="Room"/>), what
/// (<see cref="What"/>: the other event's or request's title, null for a private event, shown as "busy"), when
/// (<see cref="Start"/>–<see cref="End"/>, office time) and why (<see cref="Kind"/>, with <see cref="Overload"/> for an
/// overload). A 撞車 names the other request (<see cref="OtherMeeting"/>) and both departments.
/// <see cref="Problem"/> says why a calendar is unavailable.
/// </summary>
public sealed record MeetingConflictView(
    ConflictKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Leader = null,
    string? Room = null,
    string? What = null,
    int? OtherMeeting = null,
    string? Department = null,
    string? OtherDepartment = null,
    OverloadDetail? Overload = null,
    string? Problem = null);

/// <summary>
/// What a meeting request card shows. Times carry the office offset. <see cref="Alternatives"/> are the free slots on
/// offer, in order; a "pick" action names one by its index. <see cref="Conflicts"/> are those found at the latest check;
/// <see cref="NewConflicts"/> is true when some were found by the sync after the meeting was approved (the card is then an
/// alert); <see cref="Resolved"/> lists conflicts an alert reported that are gone now.
/// </summary>
public sealed record MeetingView
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public IReadOnlyList<PersonView> Leaders { get; init; } = [];

    public string? Room { get; init; }

    public required PersonView Requester { get; init; }

    public string? Department { get; init; }

    public MeetingStatus Status { get; init; }

    public int Revision { get; init; }

    /// <summary>The requester claimed the meeting is urgent (急件).</summary>
    public bool Urgent { get; init; }

    /// <summary>The director who confirmed the urgent claim; null while it is only claimed.</summary>
    public PersonView? UrgentConfirmedBy { get; init; }

    public IReadOnlyList<MeetingConflictView> Conflicts { get; init; } = [];

    public DateTimeOffset? CheckedAt { get; init; }

    public IReadOnlyList<Slot> Alternatives { get; init; } = [];

    public bool NewConflicts { get; init; }

    public IReadOnlyList<MeetingConflictView> Resolved { get; init; } = [];

    /// <summary>Who approved, sent back, rejected or cancelled, when, and the reason given.</summary>
    public PersonView? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Reason { get; init; }

    /// <summary>The conflicts a director approved the meeting over ("approve anyway").</summary>
    public IReadOnlyList<MeetingConflictView> Overridden { get; init; } = [];

    /// <summary>Matters registered from decisions taken in this meeting.</summary>
    public IReadOnlyList<int> DecisionMatters { get; init; } = [];

    /// <summary>Chronological; cards show the last few.</summary>
    public IReadOnlyList<HistoryLineView> RecentHistory { get; init; } = [];
}

/// <summary>
/// Who a meeting card is drawn for: the actions the domain lets them take now (a button for each, nothing else), the
/// people they may pick as a decision's lead, the users whose own view Teams fetches, and a notice at the top.
/// </summary>
public sealed record MeetingCardContext(
    IReadOnlySet<MeetingAction> Actions,
    IReadOnlyList<string> RefreshUserIds,
    string? Notice = null)
{
    public static MeetingCardContext Neutral { get; } = new(new HashSet<MeetingAction>(), []);

    public NoticeTone Tone { get; init; } = NoticeTone.Attention;

    public IReadOnlyList<PersonView> Candidates { get; init; } = [];

    /// <summary>The viewer (empty for the neutral view of a shared chat).</summary>
    public string ViewerObjectId { get; init; } = string.Empty;
}

public enum AgendaItemKind
{
    /// <summary>From the leader's own calendar (iCalendar feed or Microsoft Graph).</summary>
    Calendar,

    /// <summary>A meeting approved through OfficeBot.</summary>
    Approved,

    /// <summary>A request still waiting for a director.</summary>
    Pending,
}

/// <summary>One block on a leader's agenda; <see cref="Title"/> is null when the viewer may not see it (shown as "busy").</summary>
public sealed record AgendaItem(DateTimeOffset Start, DateTimeOffset End, string? Title, AgendaItemKind Kind, int? Meeting = null, bool Conflict = false,
    bool AllDay = false, string? Department = null);

/// <summary>
/// A leader's day or week (<see cref="From"/>–<see cref="To"/>, both included) from every source, pending requests and
/// conflicts marked, for a timeline. <see cref="Unavailable"/> names calendars that could not be read (the leader is
/// then not shown as free). <see cref="WorkStart"/>–<see cref="WorkEnd"/> frame each working day.
/// </summary>
public sealed record AgendaView
{
    public required PersonView Leader { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public IReadOnlyList<AgendaItem> Items { get; init; } = [];

    /// <summary>The office's working days in the range (others are drawn as days off, or left out).</summary>
    public IReadOnlyList<DateOnly> WorkingDays { get; init; } = [];

    public TimeOnly WorkStart { get; init; } = new(9, 0);

    public TimeOnly WorkEnd { get; init; } = new(18, 0);

    public IReadOnlyList<string> Unavailable { get; init; } = [];
}
