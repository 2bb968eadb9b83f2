using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Application.Office;

/// <summary>The injected clock seen through the office's time zone and working calendar.</summary>
public sealed class OfficeTime(TimeProvider clock, IOptions<OfficeOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public WorkingCalendar Calendar { get; } = WorkingCalendar.WeekdaysOnly;

    /// <summary>When automatic reminders go out (working hours, how many working days before the due day).</summary>
    public Domain.Reminders.ReminderRules Reminders { get; } = Domain.Reminders.ReminderRules.Default;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, Zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
