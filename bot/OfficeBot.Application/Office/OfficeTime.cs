using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Application.Office;

/// <summary>The injected clock seen through the office's time zone and working calendar.</summary>
public sealed class OfficeTime(TimeProvider clock, IOptions<OfficeOptions> options, WorkingCalendar calendar)
{
    /// <summary>An office that works Monday to Friday, 09:00–18:00, with no holidays (tests that do not care about them).</summary>
    public OfficeTime(TimeProvider clock, IOptions<OfficeOptions> options)
        : this(clock, options, WorkingCalendar.WeekdaysOnly)
    {
    }

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The one calendar that traffic lights, working-day windows and reminders all count with.</summary>
    public WorkingCalendar Calendar { get; } = calendar;

    /// <summary>When automatic reminders go out (working hours, how many working days before the due day).</summary>
    public Domain.Reminders.ReminderRules Reminders { get; } = options.Value.Reminders.ToRules();

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, Zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
