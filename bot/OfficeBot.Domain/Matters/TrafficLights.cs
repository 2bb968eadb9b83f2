using OfficeBot.Domain.Calendar;

namespace OfficeBot.Domain.Matters;

public static class TrafficLights
{
    public const int YellowWithinWorkingDays = 2;

    /// <summary>Green on track, yellow when due within two working days, red when overdue; closed matters have none.</summary>
    public static TrafficLight Of(MatterStatus status, DueDate? due, DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar)
    {
        if (status.IsClosed())
        {
            return TrafficLight.None;
        }

        if (due is not { } d)
        {
            return TrafficLight.Green;
        }

        if (d.LateFrom(zone) <= now)
        {
            return TrafficLight.Red;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return calendar.WorkingDaysAfter(today, d.Date) <= YellowWithinWorkingDays ? TrafficLight.Yellow : TrafficLight.Green;
    }

    /// <summary>Working days a matter is late by: at least 1 once it is late, 0 when it is not (or is closed).</summary>
    public static int OverdueWorkingDays(MatterStatus status, DueDate? due, DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar)
    {
        if (status.IsClosed() || due is not { } d || d.LateFrom(zone) > now)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Math.Max(1, calendar.WorkingDaysAfter(d.Date, today));
    }
}
