using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Views;

/// <summary>
/// What the supervision report (督辦通報) shows: open and overdue counted from the open-matter index rows, what happened in
/// the last 7 days from the statistics rows. Lists are complete and already in the order to show; the card decides how
/// many rows fit.
/// </summary>
public sealed record ReportView
{
    public required string Heading { get; init; }

    /// <summary>Open matters in each open status, in lifecycle order, zeros included.</summary>
    public required IReadOnlyList<StatusCount> ByStatus { get; init; }

    /// <summary>Open matters under each light (🟢🟡🔴), in that order.</summary>
    public required IReadOnlyList<LightCount> ByLight { get; init; }

    /// <summary>Every overdue matter, most late first.</summary>
    public required IReadOnlyList<OverdueMatter> Overdue { get; init; }

    /// <summary>
    /// Per lead: open and overdue matters now, and what the last 7 days counted; most overdue first; a null name stands for
    /// matters with no lead yet.
    /// </summary>
    public required IReadOnlyList<ReportGroup> ByLead { get; init; }

    /// <summary>The same per department of the lead; empty when no departments are configured.</summary>
    public IReadOnlyList<ReportGroup> ByDepartment { get; init; } = [];

    /// <summary>The office's (or the person's) totals of the last 7 days and of the 7 before; null when not counted.</summary>
    public WeekOnWeek? Weeks { get; init; }

    public int OpenCount => ByStatus.Sum(s => s.Count);
}

public sealed record StatusCount(MatterStatus Status, int Count);

public sealed record LightCount(TrafficLight Light, int Count);

/// <param name="WorkingDaysLate">Working days past the due day, counted with the office calendar (at least 1).</param>
public sealed record OverdueMatter(int Number, string Title, string? LeadName, int WorkingDaysLate);

/// <param name="Name">The lead's or department's name; null for "no lead" / "no department".</param>
/// <param name="Open">Open matters now.</param>
/// <param name="Overdue">Overdue matters now.</param>
/// <param name="Completed">Completions approved in the last 7 days.</param>
/// <param name="CompletedOnTime">Of those, approved before the original due date passed.</param>
/// <param name="SendBacks">Completions rejected (退辦) in the last 7 days.</param>
/// <param name="Extensions">Due dates moved later in the last 7 days.</param>
/// <param name="Urges">Urges (催辦) by people in the last 7 days.</param>
/// <param name="LateReceipts">Receipt reminders sent in the last 7 days: an assignment not acknowledged in time.</param>
public sealed record ReportGroup(string? Name, int Open, int Overdue, int Completed = 0, int CompletedOnTime = 0, int SendBacks = 0, int Extensions = 0, int Urges = 0,
    int LateReceipts = 0)
{
    /// <summary>Completed on time, in whole percent; null when nothing was completed.</summary>
    public int? OnTimePercent => ReportWeek.Percent(CompletedOnTime, Completed);
}

/// <summary>What a week counted: new matters, completions (on time against the original due date), send-backs, extensions, urges, late receipts.</summary>
public sealed record ReportWeek(int Registered = 0, int Completed = 0, int CompletedOnTime = 0, int SendBacks = 0, int Extensions = 0, int Urges = 0, int LateReceipts = 0)
{
    public int? OnTimePercent => Percent(CompletedOnTime, Completed);

    public static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
}

/// <param name="ThisWeek">The last 7 office-local days, today included.</param>
/// <param name="WeekBefore">The 7 days before those.</param>
public sealed record WeekOnWeek(ReportWeek ThisWeek, ReportWeek WeekBefore);
