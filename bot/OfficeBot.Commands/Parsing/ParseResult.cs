using OfficeBot.Domain.Office;

namespace OfficeBot.Commands;

public enum ParseErrorKind
{
    MissingTitle,
    TitleTooLong,
    DueInPast,
    UnrecognisedDate,
    UnknownMention,
    MissingMatterNumber,
    MissingText,
    GarbledText,
    MissingPerson,

    /// <summary>The date does not exist (2月30日, Feb 30); <see cref="ParseError.Detail"/> is the date as written.</summary>
    ImpossibleDate,

    /// <summary>The due date lies beyond <see cref="OfficeBot.Domain.Limits.InputLimits.LatestDue"/>; Detail is the date as written.</summary>
    DueTooFar,

    /// <summary>The whole message is longer than <see cref="OfficeBot.Domain.Limits.InputLimits.Message"/>; Detail is its length.</summary>
    MessageTooLong,

    /// <summary>A note, reason or urge text is longer than <see cref="OfficeBot.Domain.Limits.InputLimits.Text"/>; Detail is its length.</summary>
    TextTooLong,

    /// <summary>The document number is longer than <see cref="OfficeBot.Domain.Limits.InputLimits.DocumentNumber"/>; Detail is its length.</summary>
    DocumentNumberTooLong,

    /// <summary>A meeting request gives no time, or a day without hours; Detail is the day as written, or null.</summary>
    MissingMeetingTime,

    /// <summary>A meeting's time cannot be read (25:00, 三天內 下午2點); Detail is the text from where the time seems to start.</summary>
    UnrecognisedMeetingTime,

    /// <summary>A meeting's start is given without an end or a length (明天下午3點); Detail is the time as written.</summary>
    MeetingEndMissing,

    /// <summary>A meeting's end is not after its start (下午4點到2點); Detail is the time range as written.</summary>
    MeetingEndNotAfterStart,

    /// <summary>A meeting would start before now; Detail is the time range as written.</summary>
    MeetingInPast,

    /// <summary>A meeting lasts longer than <see cref="TimeRange.Longest"/>; Detail is the time range as written.</summary>
    MeetingTooLong,

    /// <summary>A meeting request names no leader: 領導/leaders followed by @mentions is missing.</summary>
    MissingLeaders,

    /// <summary>A meeting request's department (部門 X / dept X) is longer than <see cref="OfficeBot.Domain.Limits.InputLimits.DepartmentName"/>; Detail is its length.</summary>
    DepartmentTooLong,

    /// <summary>日程/agenda mentions no leader; Detail is null.</summary>
    MissingAgendaLeader,

    /// <summary>What follows the leader in 日程/agenda is not a day or a week; Detail is the part not understood, as written.</summary>
    UnrecognisedAgendaDay,

    /// <summary>An agenda's day lies more than <see cref="AgendaCommand.ReachYears"/> from today either way; Detail is the date as written.</summary>
    AgendaDayTooFar,

    /// <summary>查看會議/show meeting names no valid meeting number (M3); Detail is what was written instead, or null.</summary>
    MissingMeetingNumber,
}

/// <summary>
/// Why a command could not be understood. <paramref name="CommandWord"/> is the command word as listed in the
/// command table (e.g. <c>新事項</c>, <c>show</c>; see <see cref="CommandParser.VerbOf"/>);
/// <paramref name="Detail"/> is the offending fragment of the user's text when there is one (the date phrase, the
/// unknown <c>@name</c>, the garbled fragment), and for the <c>…TooLong</c> kinds the offending text's length.
/// </summary>
public sealed record ParseError(ParseErrorKind Kind, string CommandWord, string? Detail);

/// <summary>Exactly one of <paramref name="Command"/> and <paramref name="Error"/> is set. <paramref name="Written"/> is
/// what the text itself tells of its script, from the command word or the characters after it; the reply's language
/// is chosen from it with the locale and what is remembered of the person (<see cref="Languages.Choose"/>).</summary>
public sealed record ParseResult(Command? Command, ParseError? Error, TextScript Written)
{
    public bool Succeeded => Command is not null;
}
