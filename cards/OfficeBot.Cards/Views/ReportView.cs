using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Views;

/// <summary>
/// What the supervision report (督辦通報) shows, counted from the open-matter index rows. Lists are complete and already
/// in the order to show; the card decides how many rows fit.
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

    /// <summary>Open and overdue matters per lead, most overdue first; a null name stands for matters with no lead yet.</summary>
    public required IReadOnlyList<ReportGroup> ByLead { get; init; }

    /// <summary>The same per department of the lead; empty when no departments are configured.</summary>
    public IReadOnlyList<ReportGroup> ByDepartment { get; init; } = [];

    public int OpenCount => ByStatus.Sum(s => s.Count);
}

public sealed record StatusCount(MatterStatus Status, int Count);

public sealed record LightCount(TrafficLight Light, int Count);

/// <param name="WorkingDaysLate">Working days past the due day, counted with the office calendar (at least 1).</param>
public sealed record OverdueMatter(int Number, string Title, string? LeadName, int WorkingDaysLate);

/// <param name="Name">The lead's or department's name; null for "no lead" / "no department".</param>
public sealed record ReportGroup(string? Name, int Open, int Overdue);
