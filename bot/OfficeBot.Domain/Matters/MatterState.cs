using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Matters;

/// <summary>The stored shape of a matter, without its history (history rows are stored apart and only appended).</summary>
public sealed record MatterState
{
    public required string TenantId { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public MatterSource Source { get; init; }

    /// <summary>The meeting (M3) the matter was decided in, for a matter registered from a meeting's card.</summary>
    public int? Meeting { get; init; }
    public string? DocumentNumber { get; init; }
    public Urgency Urgency { get; init; }
    public required Person Registrar { get; init; }
    public Person? Lead { get; init; }
    public bool LeadAcknowledged { get; init; }
    public DateTimeOffset? LeadAssignedAt { get; init; }
    public IReadOnlyList<CoHandler> CoHandlers { get; init; } = [];
    public DueDate? Due { get; init; }
    public DueDate? OriginalDue { get; init; }
    public MatterStatus Status { get; init; }
    public string? Instruction { get; init; }
    public PendingRequest? Pending { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Revision { get; init; }

    /// <summary>
    /// The revision of the last change to what every card of the matter depends on: status, lead, co-handlers and their
    /// entries as others changed them, due date, pending request, instruction, title. 0 in a matter stored before this
    /// was kept: then every change counts.
    /// </summary>
    public int SharedRevision { get; init; }

    /// <summary>
    /// The revision of each person's own latest change since <see cref="SharedRevision"/> (an accept, an opinion, a
    /// progress note, an urge), so that a second press of the same card is seen as out of date while another person's
    /// answer is not.
    /// </summary>
    public IReadOnlyList<RevisionMark> OwnChanges { get; init; } = [];
    public int HistoryCount { get; init; }
    public MatterCounters Counters { get; init; } = new();

    /// <summary>
    /// The next automatic reminder (SPEC §6), planned whenever the matter changes and written as an outbox row in the
    /// same batch; null when none is due (closed, no lead, no due date and the receipt given).
    /// </summary>
    public Reminders.PlannedReminder? NextReminder { get; init; }

    /// <summary>When the last automatic reminder was sent: the next one is planned after it.</summary>
    public DateTimeOffset? LastReminderAt { get; init; }

    /// <summary>When each person last urged this matter (one entry per person), for the once-an-hour limit.</summary>
    public IReadOnlyList<UrgeMark> LastUrges { get; init; } = [];
}

public sealed record UrgeMark(string ObjectId, DateTimeOffset At);

public sealed record RevisionMark(string ObjectId, int Revision);

public sealed record CoHandler(Person Person, CoHandlingState State, bool Acknowledged, DateTimeOffset AssignedAt, string? Note = null);

public enum RequestKind
{
    Completion,
    Extension,
    Transfer,
}

/// <summary>A handler's request that waits for the director: completion, extension or transfer.</summary>
public sealed record PendingRequest(RequestKind Kind, Person Requester, DateTimeOffset At, string? Reason, DueDate? NewDue = null, Person? NewLead = null);

/// <summary>What the supervision statistics count per matter.</summary>
public sealed record MatterCounters(int SendBacks = 0, int Extensions = 0, int Urges = 0, int Transfers = 0);
