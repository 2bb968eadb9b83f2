using OfficeBot.Domain.Matters;

namespace OfficeBot.Commands;

/// <summary>A chat command, parsed from text and mention entities; handlers are routed by its type.</summary>
public abstract record Command;

public sealed record NewMatterCommand(
    string Title,
    MentionRef? Lead,
    IReadOnlyList<MentionRef> CoHandlers,
    Deadline? Due,
    MatterSource Source,
    string? DocumentNumber,
    Urgency Urgency) : Command
{
    // Records compare lists by reference; two equal commands should compare equal.
    public bool Equals(NewMatterCommand? other) =>
        other is not null
        && Title == other.Title
        && Lead == other.Lead
        && CoHandlers.SequenceEqual(other.CoHandlers)
        && Due == other.Due
        && Source == other.Source
        && DocumentNumber == other.DocumentNumber
        && Urgency == other.Urgency;

    public override int GetHashCode() => HashCode.Combine(Title, Lead, CoHandlers.Count, Due, Source, DocumentNumber, Urgency);
}

public enum MatterListKind
{
    Mine,
    Overdue,
    AwaitingReview,
}

public sealed record ListMattersCommand(MatterListKind Kind) : Command;

public sealed record ShowMatterCommand(int Number) : Command;

public sealed record AcknowledgeCommand(int Number) : Command;

public sealed record ProgressCommand(int Number, string Text) : Command;

public sealed record AskCompletionCommand(int Number, string? Text) : Command;

public sealed record TransferCommand(int Number, MentionRef To, string? Reason) : Command;

public sealed record UrgeCommand(int Number, string? Text) : Command;

public sealed record ExtendCommand(int Number, Deadline NewDue, string? Reason) : Command;

/// <summary>The coming days off and make-up working days of the office calendar.</summary>
public sealed record HolidaysCommand : Command;

/// <summary>The supervision report (督辦通報): the whole office for directors and leaders, one's own matters for everyone else.</summary>
public sealed record ReportCommand : Command;

/// <summary><paramref name="Asked"/> is false for free text that is not a command: answer with help, not an error.</summary>
public sealed record HelpCommand(bool Asked) : Command;
