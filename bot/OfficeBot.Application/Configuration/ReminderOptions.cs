using System.ComponentModel.DataAnnotations;
using OfficeBot.Domain.Reminders;

namespace OfficeBot.Application.Configuration;

/// <summary>
/// <c>Office:Reminders</c>: when automatic reminders go out (SPEC §6). Every number has the default of
/// <see cref="ReminderRules"/>; the ranges keep a mistyped setting from flooding people or silencing the bot.
/// </summary>
public sealed class ReminderOptions
{
    /// <summary>Working hours after someone is asked before an unacknowledged assignment is reminded.</summary>
    [Range(1, 40)]
    public int ReceiptAfterWorkingHours { get; set; } = ReminderRules.Default.ReceiptAfterWorkingHours;

    /// <summary>Working hours after someone is asked before the directors are told it is still not acknowledged.</summary>
    [Range(1, 80)]
    public int ReceiptEscalationAfterWorkingHours { get; set; } = ReminderRules.Default.ReceiptEscalationAfterWorkingHours;

    /// <summary>Working days before the due day on which a normal matter is reminded (the due day itself always); default 2 and 1.</summary>
    /// <remarks>Null by default: the configuration binder adds to a list that already has items instead of replacing them.</remarks>
    public List<int>? DaysBefore { get; set; }

    /// <summary>The same for 急件 and 特急; default 3, 2 and 1.</summary>
    public List<int>? UrgentDaysBefore { get; set; }

    /// <summary>Working days late from which the lead's department head is reminded too.</summary>
    [Range(1, 60)]
    public int HeadFromOverdueDays { get; set; } = ReminderRules.Default.HeadFromOverdueDays;

    /// <summary>Working days late from which the directors are reminded too.</summary>
    [Range(1, 60)]
    public int DirectorsFromOverdueDays { get; set; } = ReminderRules.Default.DirectorsFromOverdueDays;

    /// <summary>Seconds over which one person's reminders are gathered into one message (0: each on its own, at once).</summary>
    [Range(0, 900)]
    public int DigestWindowSeconds { get; set; } = (int)ReminderRules.Default.DigestWindow.TotalSeconds;

    public ReminderRules ToRules() => new()
    {
        DigestWindow = TimeSpan.FromSeconds(DigestWindowSeconds),
        ReceiptAfterWorkingHours = ReceiptAfterWorkingHours,
        ReceiptEscalationAfterWorkingHours = ReceiptEscalationAfterWorkingHours,
        NormalDaysBefore = DaysBefore?.Distinct().ToList() ?? ReminderRules.Default.NormalDaysBefore,
        UrgentDaysBefore = UrgentDaysBefore?.Distinct().ToList() ?? ReminderRules.Default.UrgentDaysBefore,
        HeadFromOverdueDays = HeadFromOverdueDays,
        DirectorsFromOverdueDays = DirectorsFromOverdueDays,
    };

    public IEnumerable<ValidationResult> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"Office:Reminders: {result.ErrorMessage}", result.MemberNames);
        }

        if ((DaysBefore ?? []).Concat(UrgentDaysBefore ?? []).Any(d => d is < 1 or > 20) || DaysBefore?.Count > 10 || UrgentDaysBefore?.Count > 10)
        {
            yield return new ValidationResult("Office:Reminders:DaysBefore and UrgentDaysBefore take at most 10 numbers of working days, each from 1 to 20.",
                [nameof(DaysBefore), nameof(UrgentDaysBefore)]);
        }

        if (ReceiptEscalationAfterWorkingHours <= ReceiptAfterWorkingHours)
        {
            yield return new ValidationResult("Office:Reminders:ReceiptEscalationAfterWorkingHours must be later than ReceiptAfterWorkingHours.", [nameof(ReceiptEscalationAfterWorkingHours)]);
        }
    }
}
