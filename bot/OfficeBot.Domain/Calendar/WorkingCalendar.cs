using System.Collections.Frozen;

namespace OfficeBot.Domain.Calendar;

/// <summary>
/// Which days and hours an office works: Monday to Friday, except its public holidays, plus its make-up working days
/// (補班 / 调休: a Saturday or Sunday worked to bridge a long holiday). Immutable; a day is looked up in a hash table.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeOnly DefaultWorkStart = new(9, 0);
    public static readonly TimeOnly DefaultWorkEnd = new(18, 0);

    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    private readonly FrozenDictionary<DateOnly, CalendarDay> _exceptions;
    private readonly DateOnly[] _ordered;

    /// <param name="days">Holidays and make-up working days; a date given twice with the same kind is kept once (the first name wins).</param>
    /// <exception cref="ArgumentException">A date is both a holiday and a make-up working day, or the working hours are empty.</exception>
    public WorkingCalendar(IEnumerable<CalendarDay> days, TimeOnly? workStart = null, TimeOnly? workEnd = null)
    {
        WorkStart = workStart ?? DefaultWorkStart;
        WorkEnd = workEnd ?? DefaultWorkEnd;
        if (WorkEnd <= WorkStart)
        {
            throw new ArgumentException($"Working hours must end after they start ({WorkStart:HH\\:mm}–{WorkEnd:HH\\:mm}).");
        }

        var byDate = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
        {
            if (!byDate.TryGetValue(day.Date, out var known))
            {
                byDate[day.Date] = day;
            }
            else if (known.Kind != day.Kind)
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is both a holiday and a make-up working day ('{known.Name}', '{day.Name}').");
            }
        }

        _exceptions = byDate.ToFrozenDictionary();
        _ordered = [.. byDate.Keys.Order()];
    }

    /// <summary>Office-local time the working day starts (reminders wait for it).</summary>
    public TimeOnly WorkStart { get; }

    /// <summary>Office-local time the working day ends.</summary>
    public TimeOnly WorkEnd { get; }

    public bool IsWorkingDay(DateOnly day) => _exceptions.TryGetValue(day, out var known)
        ? known.Kind == CalendarDayKind.MakeUpWorkday
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The named holiday or make-up working day on <paramref name="day"/>; null for an ordinary weekday or weekend.</summary>
    public CalendarDay? Special(DateOnly day) => _exceptions.TryGetValue(day, out var known) ? known : null;

    /// <summary>Holidays and make-up working days from <paramref name="from"/> to <paramref name="to"/>, both included, in date order.</summary>
    public IReadOnlyList<CalendarDay> SpecialDays(DateOnly from, DateOnly to)
    {
        var start = Array.BinarySearch(_ordered, from);
        if (start < 0)
        {
            start = ~start;
        }

        var found = new List<CalendarDay>();
        for (var i = start; i < _ordered.Length && _ordered[i] <= to; i++)
        {
            found.Add(_exceptions[_ordered[i]]);
        }

        return found;
    }

    /// <summary>Whether <paramref name="officeLocal"/> falls on a working day, from the start of work up to (not at) its end.</summary>
    public bool IsWorkingTime(DateTime officeLocal)
    {
        var time = TimeOnly.FromDateTime(officeLocal);
        return IsWorkingDay(DateOnly.FromDateTime(officeLocal)) && time >= WorkStart && time < WorkEnd;
    }

    /// <summary><paramref name="officeLocal"/> itself when it is working time, otherwise the start of the next working day.</summary>
    public DateTime NextWorkingTime(DateTime officeLocal)
    {
        if (IsWorkingTime(officeLocal))
        {
            return officeLocal;
        }

        var day = DateOnly.FromDateTime(officeLocal);
        if (!IsWorkingDay(day) || TimeOnly.FromDateTime(officeLocal) >= WorkEnd)
        {
            day = AddWorkingDays(day, 1);
        }

        return day.ToDateTime(WorkStart);
    }

    /// <summary>The same as <see cref="NextWorkingTime(DateTime)"/> for an instant, answered as an instant.</summary>
    public DateTimeOffset NextWorkingTime(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var next = NextWorkingTime(local);
        return next == local ? now : new DateTimeOffset(next, zone.GetUtcOffset(next));
    }

    /// <summary>
    /// The office-local moment <paramref name="workingTime"/> of working hours after <paramref name="officeLocal"/>
    /// (a receipt is due "4 working hours after assignment"): time outside working hours does not count.
    /// </summary>
    public DateTime AddWorkingTime(DateTime officeLocal, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var at = NextWorkingTime(officeLocal);
        var left = workingTime;
        while (true)
        {
            var endOfDay = DateOnly.FromDateTime(at).ToDateTime(WorkEnd);
            if (at + left < endOfDay)
            {
                return at + left;
            }

            left -= endOfDay - at;
            at = NextWorkingTime(endOfDay);
            if (left == TimeSpan.Zero)
            {
                return endOfDay;
            }
        }
    }

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

public enum CalendarDayKind
{
    /// <summary>A day off on a day that would otherwise be worked (or a named day off on a weekend).</summary>
    Holiday,

    /// <summary>補班 / 调休: a weekend day that is worked.</summary>
    MakeUpWorkday,
}

/// <summary>A dated exception to the Monday-to-Friday week, with the name the office knows it by.</summary>
public sealed record CalendarDay(DateOnly Date, string Name, CalendarDayKind Kind);
