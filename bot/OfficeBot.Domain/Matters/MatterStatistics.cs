using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;

namespace OfficeBot.Domain.Matters;

/// <summary>What a history entry counts as in the supervision statistics (SPEC §6, issue 8 §4).</summary>
public enum StatisticKind
{
    Registered,

    /// <summary>A completion approved: on time or late against the original due date.</summary>
    Completed,

    /// <summary>A completion rejected (退辦).</summary>
    SentBack,

    /// <summary>The due date moved later: an extension approved, or extended by a director.</summary>
    Extended,

    /// <summary>A person urged the matter (催辦); the automatic reminders are not urges.</summary>
    Urged,

    /// <summary>The automatic receipt reminder went out: the assignment was not acknowledged in time.</summary>
    LateReceipt,
}

/// <param name="Kind">What happened.</param>
/// <param name="LeadId">The lead's object id when it happened; null when the matter had no lead.</param>
/// <param name="LeadName">The lead's display name when it happened.</param>
/// <param name="OnTime">For a completion: approved before the original due date passed (no due date counts as on time).</param>
/// <param name="WorkingDaysLate">For a late completion: working days past the original due day (at least 1).</param>
public sealed record StatisticEvent(StatisticKind Kind, string? LeadId, string? LeadName, bool OnTime = false, int WorkingDaysLate = 0);

/// <summary>The one rule of which history entries the statistics count, and how.</summary>
public static class MatterStatistics
{
    /// <summary>What <paramref name="entry"/>, appended to a matter now in <paramref name="state"/>, counts as; null when it does not count.</summary>
    public static StatisticEvent? Of(HistoryEntry entry, MatterState state, TimeZoneInfo zone, WorkingCalendar calendar)
    {
        StatisticKind? kind = entry.Kind switch
        {
            HistoryKind.Registered => StatisticKind.Registered,
            HistoryKind.CompletionApproved => StatisticKind.Completed,
            HistoryKind.CompletionRejected => StatisticKind.SentBack,
            HistoryKind.ExtensionApproved or HistoryKind.Extended => StatisticKind.Extended,
            HistoryKind.Urged => StatisticKind.Urged,
            HistoryKind.Reminded when entry.NewValue == nameof(ReminderRule.Receipt) => StatisticKind.LateReceipt,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        var lead = state.Lead;
        if (k != StatisticKind.Completed)
        {
            return new StatisticEvent(k, lead?.ObjectId, lead?.DisplayName);
        }

        // Timeliness is judged against the due date first agreed (SPEC §5): an approved extension does not make a late
        // completion on time.
        var late = WorkingDaysLate(state.OriginalDue ?? state.Due, entry.At, zone, calendar);
        return new StatisticEvent(k, lead?.ObjectId, lead?.DisplayName, OnTime: late == 0, WorkingDaysLate: late);
    }

    /// <summary>The office-local day an entry falls on, which the statistics are kept by.</summary>
    public static DateOnly Day(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static int WorkingDaysLate(DueDate? due, DateTimeOffset at, TimeZoneInfo zone, WorkingCalendar calendar)
    {
        if (due is not { } d || d.LateFrom(zone) > at)
        {
            return 0;
        }

        return Math.Max(1, calendar.WorkingDaysAfter(d.Date, Day(at, zone)));
    }
}
