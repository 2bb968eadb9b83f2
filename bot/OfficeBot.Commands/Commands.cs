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

/// <summary>
/// A request for a meeting with one or more leaders (SPEC §4, §7): <paramref name="Leaders"/> are the people mentioned
/// after 領導/领导/leaders, without duplicates, in the order written; <paramref name="TimeRange"/> is in the office time
/// zone, starts after the moment of the request and lasts at most <see cref="Commands.TimeRange.Longest"/>.
/// </summary>
public sealed record MeetingRequestCommand(
    string Title,
    TimeRange TimeRange,
    IReadOnlyList<MentionRef> Leaders,
    string? Room,
    bool Urgent) : Command
{
    /// <summary>The requesting department as written (部門 X / dept X); null: the requester's own department.</summary>
    public string? Department { get; init; }

    public bool Equals(MeetingRequestCommand? other) =>
        other is not null
        && Title == other.Title
        && TimeRange == other.TimeRange
        && Leaders.SequenceEqual(other.Leaders)
        && Room == other.Room
        && Urgent == other.Urgent
        && Department == other.Department;

    public override int GetHashCode() => HashCode.Combine(Title, TimeRange, Leaders.Count, Room, Urgent);
}

/// <summary>
/// 日程 @領導 [日期] / agenda @leader [date]: the leader's day (<paramref name="Day"/>, or today when null), or the week
/// that starts on that day when <paramref name="Week"/> (本週/下週/this week/next week, or 週 after the date).
/// </summary>
public sealed record AgendaCommand(MentionRef Leader, DateOnly? Day, bool Week) : Command
{
    /// <summary>How far from today, either way, an agenda's day may lie: a director looks back or ahead, not across years.</summary>
    public const int ReachYears = 1;
}

/// <summary>查看會議 M3 / show meeting M3 / show M3: the meeting request's card.</summary>
public sealed record ShowMeetingCommand(int Number) : Command;

/// <summary>The coming days off and make-up working days of the office calendar.</summary>
public sealed record HolidaysCommand : Command;

/// <summary>The supervision report (督辦通報): the whole office for directors and leaders, one's own matters for everyone else.</summary>
public sealed record ReportCommand : Command;

/// <summary><paramref name="Asked"/> is false for free text that is not a command: answer with help, not an error.</summary>
public sealed record HelpCommand(bool Asked) : Command;
