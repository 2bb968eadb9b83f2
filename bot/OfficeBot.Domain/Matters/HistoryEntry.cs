using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Matters;

public enum HistoryKind
{
    Registered,
    Instructed,
    Acknowledged,
    Progress,
    CompletionAsked,
    CompletionApproved,
    CompletionRejected,
    ExtensionAsked,
    ExtensionApproved,
    ExtensionRejected,
    Extended,
    TransferAsked,
    TransferApproved,
    TransferRejected,
    Transferred,
    CoHandlingAccepted,
    CoHandlingDeclined,
    OpinionGiven,
    PartDone,
    Urged,
    Cancelled,
    Archived,

    /// <summary>An automatic reminder was sent (its rule in <see cref="HistoryEntry.NewValue"/>).</summary>
    Reminded,
}

/// <summary>
/// One append-only line of a matter's history: who did what and when, and for a changed field its old and new value.
/// Values are stored as invariant text (status names, ISO dates, object ids) and localised when shown.
/// </summary>
public sealed record HistoryEntry(
    int Sequence,
    DateTimeOffset At,
    Person Actor,
    HistoryKind Kind,
    string? Field = null,
    string? OldValue = null,
    string? NewValue = null,
    string? Note = null)
{
    /// <summary>
    /// A person's answer for themselves (acknowledged, progress, co-handling answers, an urge): it does not make anyone
    /// else's card out of date (see <see cref="Matter.IsStaleFor"/>).
    /// </summary>
    public bool IsPersonalAnswer => Kind is HistoryKind.Acknowledged or HistoryKind.Progress or HistoryKind.CoHandlingAccepted
        or HistoryKind.CoHandlingDeclined or HistoryKind.OpinionGiven or HistoryKind.PartDone or HistoryKind.Urged or HistoryKind.Reminded;
}
