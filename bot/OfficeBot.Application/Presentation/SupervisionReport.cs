using OfficeBot.Application.Matters;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Presentation;

/// <summary>
/// Counts the supervision report (督辦通報) from open-matter index rows and the statistics rows of the last two weeks
/// only: one pass over each, no matter or history is loaded, so its cost grows with the open matters and the fortnight's
/// events, not with everything the office has ever registered.
/// </summary>
public static class SupervisionReport
{
    private static readonly MatterStatus[] OpenStatuses = [.. Enum.GetValues<MatterStatus>().Where(s => !s.IsClosed())];

    private static readonly TrafficLight[] Lights = [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red];

    /// <param name="heading">The card's heading.</param>
    /// <param name="open">The open matters (index rows).</param>
    /// <param name="now">Now, for the lights and days late.</param>
    /// <param name="zone">The office time zone.</param>
    /// <param name="calendar">The office calendar.</param>
    /// <param name="departments">Whose department each lead is in, now.</param>
    /// <param name="statistics">What the last 7 days and the 7 before counted; null leaves those columns at zero and the week block out.</param>
    public static ReportView Build(string heading, IReadOnlyList<MatterSummary> open, DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar,
        DepartmentDirectory departments, WeeklyStatistics? statistics = null)
    {
        var byStatus = new int[Enum.GetValues<MatterStatus>().Length];
        var byLight = new int[Enum.GetValues<TrafficLight>().Length];
        var overdue = new List<OverdueMatter>();
        var byLead = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        var byDepartment = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        var noLead = new Tally(null);
        var noDepartment = new Tally(null);
        var countDepartments = departments.All.Count > 0;

        foreach (var matter in open)
        {
            if (matter.Status.IsClosed())
            {
                continue;
            }

            byStatus[(int)matter.Status]++;
            var light = TrafficLights.Of(matter.Status, matter.Due, now, zone, calendar);
            byLight[(int)light]++;
            var late = light == TrafficLight.Red;
            if (late)
            {
                overdue.Add(new OverdueMatter(matter.Number, matter.Title, matter.LeadName,
                    TrafficLights.OverdueWorkingDays(matter.Status, matter.Due, now, zone, calendar)));
            }

            var lead = matter.LeadId is { } leadId ? TallyOf(byLead, leadId, matter.LeadName ?? leadId) : noLead;
            lead.Add(late);

            if (countDepartments)
            {
                DepartmentOf(matter.LeadId).Add(late);
            }
        }

        foreach (var counted in statistics?.ThisWeek ?? [])
        {
            var lead = counted.LeadId is { } leadId ? TallyOf(byLead, leadId, counted.LeadName ?? leadId) : noLead;
            lead.Count(counted);
            if (countDepartments)
            {
                DepartmentOf(counted.LeadId).Count(counted);
            }
        }

        return new ReportView
        {
            Heading = heading,
            ByStatus = [.. OpenStatuses.Select(s => new StatusCount(s, byStatus[(int)s]))],
            ByLight = [.. Lights.Select(l => new LightCount(l, byLight[(int)l]))],
            Overdue = [.. overdue.OrderByDescending(o => o.WorkingDaysLate).ThenBy(o => o.Number)],
            ByLead = Ranked(byLead.Values, noLead),
            ByDepartment = countDepartments ? Ranked(byDepartment.Values, noDepartment) : [],
            Weeks = statistics is null ? null : new WeekOnWeek(Week(statistics.ThisWeek), Week(statistics.WeekBefore)),
        };

        Tally DepartmentOf(string? leadId) =>
            leadId is { } id && departments.Of(id) is { } d ? TallyOf(byDepartment, d.Name, d.Name) : noDepartment;
    }

    private static ReportWeek Week(IReadOnlyList<StatisticEvent> events) => new(
        Registered: events.Count(e => e.Kind == StatisticKind.Registered),
        Completed: events.Count(e => e.Kind == StatisticKind.Completed),
        CompletedOnTime: events.Count(e => e.Kind == StatisticKind.Completed && e.OnTime),
        SendBacks: events.Count(e => e.Kind == StatisticKind.SentBack),
        Extensions: events.Count(e => e.Kind == StatisticKind.Extended),
        Urges: events.Count(e => e.Kind == StatisticKind.Urged),
        LateReceipts: events.Count(e => e.Kind == StatisticKind.LateReceipt));

    // Most overdue first, then most open, then most trouble in the week (send-backs, late receipts, urges, late
    // completions), the unnamed row last among equals: the rows a director acts on come before a capped table's "others".
    private static List<ReportGroup> Ranked(IEnumerable<Tally> tallies, Tally unnamed) =>
    [
        .. tallies.Append(unnamed)
            .Where(t => t.Open > 0 || t.Counted > 0)
            .OrderByDescending(t => t.Overdue)
            .ThenByDescending(t => t.Open)
            .ThenByDescending(t => t.Trouble)
            .ThenByDescending(t => t.Completed)
            .ThenBy(t => t.Name is null)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ReportGroup(t.Name, t.Open, t.Overdue, t.Completed, t.CompletedOnTime, t.SendBacks, t.Extensions, t.Urges, t.LateReceipts)),
    ];

    private static Tally TallyOf(Dictionary<string, Tally> tallies, string key, string name)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally(name);
            tallies.Add(key, tally);
        }

        return tally;
    }

    private sealed class Tally(string? name)
    {
        public string? Name { get; } = name;

        public int Open { get; private set; }

        public int Overdue { get; private set; }

        public int Completed { get; private set; }

        public int CompletedOnTime { get; private set; }

        public int SendBacks { get; private set; }

        public int Extensions { get; private set; }

        public int Urges { get; private set; }

        public int LateReceipts { get; private set; }

        /// <summary>Events of the week this row counted (new matters included, so a lead who only received work is listed).</summary>
        public int Counted { get; private set; }

        public int Trouble => SendBacks + LateReceipts + Urges + Completed - CompletedOnTime;

        public void Add(bool late)
        {
            Open++;
            Overdue += late ? 1 : 0;
        }

        public void Count(StatisticEvent counted)
        {
            Counted++;
            switch (counted.Kind)
            {
                case StatisticKind.Completed:
                    Completed++;
                    CompletedOnTime += counted.OnTime ? 1 : 0;
                    break;
                case StatisticKind.SentBack:
                    SendBacks++;
                    break;
                case StatisticKind.Extended:
                    Extensions++;
                    break;
                case StatisticKind.Urged:
                    Urges++;
                    break;
                case StatisticKind.LateReceipt:
                    LateReceipts++;
                    break;
            }
        }
    }
}
