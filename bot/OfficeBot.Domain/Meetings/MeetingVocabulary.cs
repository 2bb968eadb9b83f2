namespace OfficeBot.Domain.Meetings;

/// <summary>Where a meeting request stands.</summary>
public enum MeetingStatus
{
    /// <summary>Waiting for a director's decision.</summary>
    Pending,

    /// <summary>Approved: on the leaders' calendars as far as OfficeBot is concerned, and watched by the sync.</summary>
    Approved,

    /// <summary>Sent back to the requester with a reason; they may change the time (it is pending again) or cancel.</summary>
    SentBack,

    Rejected,

    Cancelled,
}

/// <summary>Everything a person can do to a meeting request; a card draws a button only for the actions the viewer has now.</summary>
public enum MeetingAction
{
    /// <summary>Director: approve a request that has no conflicts.</summary>
    Approve,

    /// <summary>Director: approve although conflicts exist; the card records which conflicts were overridden and by whom.</summary>
    ApproveAnyway,

    /// <summary>Director: move the request to one of the offered alternative slots (checked again, then approved).</summary>
    PickAlternative,

    /// <summary>Director: send back to the requester with a reason.</summary>
    SendBack,

    /// <summary>Director: reject with a reason.</summary>
    Reject,

    /// <summary>Director: confirm the requester's claim that the request is urgent (placed ahead of other pending requests).</summary>
    ConfirmUrgent,

    /// <summary>Director: keep an approved meeting as it is although a new conflict was found after approval.</summary>
    Keep,

    /// <summary>Requester or director: cancel (pending, sent back or approved).</summary>
    Cancel,

    /// <summary>Requester: ask for another time (pending or sent back); the request is checked again and is pending.</summary>
    ChangeTime,

    /// <summary>Requester or director, on an approved meeting: register a decision taken in it as a matter.</summary>
    RegisterDecision,
}

/// <summary>Why a meeting operation changed nothing.</summary>
public enum MeetingRefusal
{
    NotPermitted,
    WrongStatus,
    ReasonRequired,

    /// <summary>Approve was pressed but the request has conflicts: only "approve anyway" may override them.</summary>
    HasConflicts,

    /// <summary>"Approve anyway" was pressed but nothing conflicts any more: a plain approval is enough.</summary>
    NoConflicts,

    /// <summary>The alternative picked is not among those offered, or is no longer free.</summary>
    SlotNotFree,

    EndBeforeStart,
    InPast,
    TooLong,
    NotUrgent,
    NothingToKeep,
}

public enum MeetingHistoryKind
{
    Requested,
    Approved,
    ApprovedAnyway,
    Moved,
    SentBack,
    Rejected,
    Cancelled,
    TimeChanged,
    UrgencyConfirmed,

    /// <summary>The sync found a conflict that was not there when the request was checked or approved.</summary>
    ConflictFound,

    /// <summary>A conflict the sync had reported is gone.</summary>
    ConflictResolved,
    Kept,
    DecisionRegistered,
}
