namespace OfficeBot.Domain.Calendar;

/// <summary>
/// Which days an office works. For now weekends are the only days off; public holidays and make-up
/// working days (補班) are added to the same type when reminders arrive.
/// </summary>
public sealed class WorkingCalendar
{
    public static WorkingCalendar WeekdaysOnly { get; } = new();

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: how many working mornings pass going from one day to the other.</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The last working day before <paramref name="day"/> (the day a matter due on a day off is really needed by).</summary>
    public DateOnly LastWorkingDayBefore(DateOnly day)
    {
        var before = day.AddDays(-1);
        while (!IsWorkingDay(before))
        {
            before = before.AddDays(-1);
        }

        return before;
    }

    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var day = from;
        while (workingDays > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                workingDays--;
            }
        }

        return day;
    }
}
