namespace OfficeBot.Commands;

// Why a date phrase gives no deadline although it was read as one.
internal enum DateProblem
{
    None,

    // The day does not exist: 2月30日, Feb 30, 2027-02-29, 13/5.
    Impossible,

    // Only part of the phrase is a date ("12/31/9999" read as 12/31, "2031-01-01garbage"): applying the part would
    // change something the user did not say, so the whole phrase is refused.
    PartlyRead,
}

// Calendar rules shared by the direct date forms and the recogniser path, so that 12月5日 means the same day either way.
internal static class OfficeCalendar
{
    // 民國 year 1 is 1912.
    public const int RocYearOffset = 1911;

    // A date said without a year is this year's, unless that lies more than about six months back,
    // in which case the user means next year (「1月5日」 said in December). A date a few days back stays in the
    // past, so the user is told it has passed rather than silently given next year's.
    public const int DaysAYearlessDateMayLieInThePast = 183;

    public static DateOnly? ExactDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    // The year is chosen on the month and day alone, then the day must exist in it (2月29日 only in leap years).
    public static DateOnly? YearlessDate(DateOnly today, int month, int day)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        var probe = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
        var year = today.DayNumber - probe.DayNumber > DaysAYearlessDateMayLieInThePast ? today.Year + 1 : today.Year;
        return ExactDate(year, month, day);
    }

    // The given ISO weekday (1 = Monday … 7 = Sunday) of this week (0), next week (1) or the week after (2);
    // weeks start on Monday, so 下週五 said on a Sunday is five days later.
    public static DateOnly WeekDay(DateOnly today, int weeksAhead, int isoDay) =>
        today.AddDays(7 * weeksAhead + isoDay - IsoDay(today));

    public static int IsoDay(DateOnly date) => ((int)date.DayOfWeek + 6) % 7 + 1;

    public static DateOnly LastDayOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
