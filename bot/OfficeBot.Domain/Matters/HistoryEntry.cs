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
    string? Note = null);
