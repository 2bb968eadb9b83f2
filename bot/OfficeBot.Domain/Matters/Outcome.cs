namespace OfficeBot.Domain.Matters;

public enum Refusal
{
    NotPermitted,
    WrongStatus,
    ReasonRequired,
    TextRequired,
    DueInPast,
    DueNotLater,
    LeadRequired,
    SamePerson,
    AlreadyPending,
    NothingPending,
    TransferWindowClosed,
    TitleRequired,
    TitleTooLong,
    UrgedRecently,
    TextTooLong,
    DocumentNumberTooLong,
    TooManyCoHandlers,
    DueTooFar,
}

/// <summary>What a domain operation did: changed the matter, found it already so (a repeated press), or refused and changed nothing.</summary>
public readonly record struct Outcome(OutcomeKind Kind, Refusal? Refusal = null)
{
    public static Outcome Changed { get; } = new(OutcomeKind.Changed);

    public static Outcome Unchanged { get; } = new(OutcomeKind.Unchanged);

    public static Outcome Refused(Refusal refusal) => new(OutcomeKind.Refused, refusal);

    public bool IsRefused => Kind == OutcomeKind.Refused;

    public bool IsChanged => Kind == OutcomeKind.Changed;
}

public enum OutcomeKind
{
    Changed,
    Unchanged,
    Refused,
}
