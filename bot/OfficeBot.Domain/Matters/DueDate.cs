namespace OfficeBot.Domain.Matters;

/// <summary>A due date in office time. Without a time it means "by the end of that day".</summary>
public readonly record struct DueDate(DateOnly Date, TimeOnly? Time = null) : IComparable<DueDate>
{
    /// <summary>The first instant at which the matter is late.</summary>
    public DateTimeOffset LateFrom(TimeZoneInfo zone)
    {
        // The end of the last representable day (9999-12-31) has no "next midnight"; such a date is never late.
        if (Time is null && Date == DateOnly.MaxValue)
        {
            return DateTimeOffset.MaxValue;
        }

        var local = Time is { } time ? Date.ToDateTime(time) : Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var offset = zone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks > DateTime.MaxValue.Ticks)
        {
            return DateTimeOffset.MaxValue;
        }

        return utcTicks < DateTime.MinValue.Ticks ? DateTimeOffset.MinValue : new DateTimeOffset(local, offset);
    }

    public int CompareTo(DueDate other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : (Time ?? TimeOnly.MaxValue).CompareTo(other.Time ?? TimeOnly.MaxValue);
    }

    public static bool operator <(DueDate left, DueDate right) => left.CompareTo(right) < 0;

    public static bool operator >(DueDate left, DueDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(DueDate left, DueDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DueDate left, DueDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => Time is { } time ? $"{Date:yyyy-MM-dd} {time:HH\\:mm}" : $"{Date:yyyy-MM-dd}";
}
