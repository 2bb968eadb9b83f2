using OfficeBot.Domain.Limits;

namespace OfficeBot.Commands;

// Whether a date that was read may become a due date: the day exists, the phrase was read whole, it is not past,
// and it lies within the horizon of InputLimits (the domain refuses beyond it too; the parser answers first, naming it).
internal static class DueCheck
{
    public static ParseErrorKind? Refusal(DateMatch found, DateTime officeNow) => found switch
    {
        { Problem: DateProblem.Impossible } => ParseErrorKind.ImpossibleDate,
        { Problem: DateProblem.PartlyRead } or { Deadline: null } => ParseErrorKind.UnrecognisedDate,
        { Deadline: { } due } when due.IsBefore(officeNow) => ParseErrorKind.DueInPast,
        { Deadline: { } due } when due.Date > InputLimits.LatestDue(DateOnly.FromDateTime(officeNow)) => ParseErrorKind.DueTooFar,
        _ => null,
    };
}
