using OfficeBot.Application.Matters;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Presentation;

/// <summary>
/// Counts the supervision report (督辦通報) from open-matter index rows only: one pass, no matter or history is loaded,
/// so its cost grows with the open matters, not with everything the office has ever registered.
/// </summary>
public static class SupervisionReport
{
    private static readonly MatterStatus[] OpenStatuses = [.. Enum.GetValues<MatterStatus>().Where(s => !s.IsClosed())];

    private static readonly TrafficLight[] Lights = [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red];

    public static ReportView Build(string heading, IReadOnlyList<MatterSummary> open, DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar,
        DepartmentDirectory departments)
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
                var department = matter.LeadId is { } id && departments.Of(id) is { } d ? TallyOf(byDepartment, d.Name, d.Name) : noDepartment;
                department.Add(late);
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
        };
    }

    // Most overdue first, then most open, the unnamed row last among equals: the rows a director acts on come before a
    // capped table's "others".
    private static List<ReportGroup> Ranked(IEnumerable<Tally> tallies, Tally unnamed) =>
    [
        .. tallies.Append(unnamed)
            .Where(t => t.Open > 0)
            .OrderByDescending(t => t.Overdue)
            .ThenByDescending(t => t.Open)
            .ThenBy(t => t.Name is null)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ReportGroup(t.Name, t.Open, t.Overdue)),
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

        public void Add(bool late)
        {
            Open++;
            Overdue += late ? 1 : 0;
        }
    }
}
