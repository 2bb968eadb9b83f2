using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Domain.Reminders;

/// <summary>Why an automatic reminder is sent (the rule that fired); shown on the card and recorded in the history.</summary>
public enum ReminderRule
{
    /// <summary>The lead or a co-handler has not acknowledged the assignment some working hours after it.</summary>
    Receipt,

    /// <summary>Still not acknowledged a working day after the assignment: the directors are told who.</summary>
    ReceiptEscalation,

    /// <summary>A working morning shortly before the due day (how many working days before is in the plan).</summary>
    DueSoon,

    /// <summary>The morning of the due day.</summary>
    DueToday,

    /// <summary>Every working morning after the due day.</summary>
    Overdue,
}

/// <summary>The next automatic reminder of a matter: when, why, and for a due-date rule how many working days are left or late.</summary>
public sealed record PlannedReminder(DateTimeOffset At, ReminderRule Rule, int WorkingDays = 0)
{
    /// <summary>Unique per matter and slot: the outbox row of this reminder and the check that it is still the plan.</summary>
    public string Id(int matterNumber) => $"m{matterNumber:D10}r{At.UtcTicks:D19}";
}

/// <summary>The office's reminder settings (SPEC §6); every number may be set per office.</summary>
public sealed record ReminderRules
{
    public static ReminderRules Default { get; } = new();

    /// <summary>Working hours after an assignment at which a lead or co-handler who has not acknowledged it is reminded.</summary>
    public int ReceiptAfterWorkingHours { get; init; } = 4;

    /// <summary>Working hours after an assignment at which the directors are told it is still not acknowledged (a working day).</summary>
    public int ReceiptEscalationAfterWorkingHours { get; init; } = 9;

    /// <summary>Working days overdue from which the lead's department head is reminded too.</summary>
    public int HeadFromOverdueDays { get; init; } = 2;

    /// <summary>Working days overdue from which the directors are reminded too.</summary>
    public int DirectorsFromOverdueDays { get; init; } = 3;

    /// <summary>Working days before the due day on which the lead is reminded, by urgency (the due day itself always).</summary>
    public IReadOnlyList<int> DaysBefore(Urgency urgency) => urgency == Urgency.Normal ? NormalDaysBefore : UrgentDaysBefore;

    public IReadOnlyList<int> NormalDaysBefore { get; init; } = [2, 1];

    /// <summary>急件 one working day earlier; 特急 daily from three working days before — the same mornings.</summary>
    public IReadOnlyList<int> UrgentDaysBefore { get; init; } = [3, 2, 1];

    /// <summary>
    /// How long a person's reminders are gathered into one message: those recorded within the same window go out
    /// together at its end. Zero sends each on its own at once.
    /// </summary>
    public TimeSpan DigestWindow { get; init; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// When a matter's next automatic reminder is due (SPEC §6): a receipt reminder some working hours after the lead was
/// named, due-date reminders on working mornings before and on the due day, and one every working morning while it is
/// overdue — always within the office calendar's working hours, on its working days (holidays and make-up days included). Pure: the matter's state, the calendar and the
/// time after which the next one is wanted decide.
/// </summary>
public static class ReminderSchedule
{
    /// <param name="state">The matter as it now stands.</param>
    /// <param name="after">The next reminder is after this instant (the change, or the reminder just sent).</param>
    /// <param name="calendar">The office's working days.</param>
    /// <param name="zone">The office's time zone.</param>
    /// <param name="rules">The office's reminder settings.</param>
    /// <param name="catchUp">
    /// Planning after a change: a due-date slot of today that has already passed (09:00, the matter registered or its
    /// due date moved at 10:00) and was not sent is due at once rather than skipped.
    /// </param>
    public static PlannedReminder? Next(MatterState state, DateTimeOffset after, WorkingCalendar calendar, TimeZoneInfo zone, ReminderRules rules, bool catchUp = false)
    {
        if (state.Status is not (MatterStatus.InProgress or MatterStatus.Registered) || state.Lead is null)
        {
            return null;
        }

        var candidates = new List<PlannedReminder>();
        foreach (var assigned in Unacknowledged(state).Select(u => u.AssignedAt).Distinct())
        {
            var receipt = AfterWorkingHours(assigned, rules.ReceiptAfterWorkingHours, calendar, zone);
            var escalation = AfterWorkingHours(assigned, rules.ReceiptEscalationAfterWorkingHours, calendar, zone);
            candidates.AddRange(new[] { new PlannedReminder(receipt, ReminderRule.Receipt), new PlannedReminder(escalation, ReminderRule.ReceiptEscalation) }
                .Where(c => c.At > after));
        }

        if (state.Due is { } due && state.Status == MatterStatus.InProgress)
        {
            var missed = catchUp ? MissedToday(state, due.Date, after, calendar, zone, rules) : null;
            if ((missed ?? DueSlot(due.Date, after, calendar, zone, rules, state.Urgency)) is { } slot)
            {
                candidates.Add(slot);
            }
        }

        return candidates.OrderBy(c => c.At).FirstOrDefault();
    }

    /// <summary>Who has not acknowledged their part yet (the lead, co-handlers still asked), and since when it is theirs.</summary>
    public static IEnumerable<(Office.Person Person, DateTimeOffset AssignedAt)> Unacknowledged(MatterState state)
    {
        if (state.Lead is { } lead && !state.LeadAcknowledged && state.LeadAssignedAt is { } assigned)
        {
            yield return (lead, assigned);
        }

        foreach (var co in state.CoHandlers.Where(c => !c.Acknowledged && c.State is not (CoHandlingState.Declined or CoHandlingState.Done)))
        {
            yield return (co.Person, co.AssignedAt);
        }
    }

    /// <summary>Who a receipt rule fired at <paramref name="at"/> is about: those whose <paramref name="workingHours"/> since assignment have passed.</summary>
    public static IReadOnlyList<Office.Person> LateReceipts(MatterState state, DateTimeOffset at, int workingHours, WorkingCalendar calendar, TimeZoneInfo zone) =>
        Unacknowledged(state).Where(u => AfterWorkingHours(u.AssignedAt, workingHours, calendar, zone) <= at).Select(u => u.Person).ToList();

    private static DateTimeOffset AfterWorkingHours(DateTimeOffset start, int hours, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        var local = calendar.AddWorkingTime(TimeZoneInfo.ConvertTime(start, zone).DateTime, TimeSpan.FromHours(hours));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The first working morning after <paramref name="after"/> on which a due-date rule fires. A matter due on a day off
    /// is treated as due on the last working day before it until that day has passed.
    /// </summary>
    private static PlannedReminder? DueSlot(DateOnly due, DateTimeOffset after, WorkingCalendar calendar, TimeZoneInfo zone, ReminderRules rules, Urgency urgency)
    {
        var before = rules.DaysBefore(urgency);
        var lastWorkingDay = calendar.IsWorkingDay(due) ? due : calendar.LastWorkingDayBefore(due);
        var first = SubtractWorkingDays(lastWorkingDay, before.DefaultIfEmpty(0).Max(), calendar);
        var localAfter = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var day = localAfter < first ? first : localAfter;

        // A year of working mornings is more than any matter is left overdue without anyone noticing; stop there.
        for (var i = 0; i < 370; i++, day = day.AddDays(1))
        {
            var at = Local(day, calendar.WorkStart, zone);
            if (!calendar.IsWorkingDay(day) || at <= after)
            {
                continue;
            }

            if (day > due)
            {
                return new PlannedReminder(at, ReminderRule.Overdue, calendar.WorkingDaysAfter(due, day));
            }

            if (day == lastWorkingDay)
            {
                return new PlannedReminder(at, ReminderRule.DueToday);
            }

            var left = calendar.WorkingDaysAfter(day, lastWorkingDay);
            if (before.Contains(left))
            {
                return new PlannedReminder(at, ReminderRule.DueSoon, left);
            }
        }

        return null;
    }

    /// <summary>
    /// Today's due-date slot when its time has passed without a reminder since: the same rule, due at
    /// <paramref name="after"/>. Null when today has no slot, it is still to come, or a reminder went out after it.
    /// </summary>
    private static PlannedReminder? MissedToday(MatterState state, DateOnly due, DateTimeOffset after, WorkingCalendar calendar, TimeZoneInfo zone, ReminderRules rules)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var slotAt = Local(today, calendar.WorkStart, zone);
        if (!calendar.IsWorkingDay(today) || slotAt > after || state.LastReminderAt >= slotAt)
        {
            return null;
        }

        // The slot today would have had, planned from just before it.
        return DueSlot(due, slotAt.AddTicks(-1), calendar, zone, rules, state.Urgency) is { } slot && slot.At == slotAt ? slot with { At = after } : null;
    }

    private static DateOnly SubtractWorkingDays(DateOnly from, int workingDays, WorkingCalendar calendar)
    {
        var day = from;
        while (workingDays > 0)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                workingDays--;
            }
        }

        return day;
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
