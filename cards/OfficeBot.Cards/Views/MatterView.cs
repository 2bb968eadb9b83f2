using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Views;

/// <summary>A person on a card: the Entra object id identifies, the display name only labels.</summary>
/// <param name="Department">The name of the person's department, when the configuration knows it.</param>
public sealed record PersonView(string ObjectId, string DisplayName, string? Department = null);

/// <param name="Note">The co-handler's opinion or reason for declining, when given.</param>
public sealed record CoHandlerView(PersonView Person, CoHandlingState State, bool Acknowledged, string? Note = null);

/// <summary>A request waiting for the director: completion, extension (with <paramref name="NewDue"/>) or transfer (with <paramref name="NewLead"/>).</summary>
public sealed record PendingView(RequestKind Kind, PersonView Requester, DateTimeOffset At, string? Reason, DateTimeOffset? NewDue, PersonView? NewLead);

/// <summary>One history line; <paramref name="Text"/> is already localised by the caller.</summary>
public sealed record HistoryLineView(DateTimeOffset When, string Actor, string Text);

/// <summary>
/// What a matter card shows. Times are already in office time (carrying the office offset).
/// <see cref="RecentHistory"/> is in chronological order; cards show its last entries.
/// </summary>
public sealed record MatterView
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public MatterSource Source { get; init; }

    /// <summary>The meeting (M3) the matter was decided in, when its source is a meeting.</summary>
    public int? Meeting { get; init; }

    public string? DocumentNumber { get; init; }

    public Urgency Urgency { get; init; }

    public MatterStatus Status { get; init; }

    public PersonView? Lead { get; init; }

    public bool LeadAcknowledged { get; init; }

    public IReadOnlyList<CoHandlerView> CoHandlers { get; init; } = [];

    public required PersonView Registrar { get; init; }

    public DateTimeOffset? Due { get; init; }

    /// <summary>The due date before any extension; shown only when it differs from <see cref="Due"/>.</summary>
    public DateTimeOffset? OriginalDue { get; init; }

    public TrafficLight Light { get; init; }

    /// <summary>Working days past due; meaningful when <see cref="Light"/> is red.</summary>
    public int OverdueWorkingDays { get; init; }

    /// <summary>The matter's revision when the view was taken; actions carry it to detect stale cards.</summary>
    public int Revision { get; init; }

    public IReadOnlyList<HistoryLineView> RecentHistory { get; init; } = [];

    public int TotalHistoryCount { get; init; }

    /// <summary>The director's instruction (批示), when given.</summary>
    public string? Instruction { get; init; }

    public PendingView? Pending { get; init; }

    public bool IsExtended => OriginalDue is { } original && Due is { } due && original != due;
}
