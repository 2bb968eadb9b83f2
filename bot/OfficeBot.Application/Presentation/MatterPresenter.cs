using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Presentation;

/// <summary>Turns matters into the views the cards draw: office-local times, derived traffic light, localised history, people's departments.</summary>
public sealed class MatterPresenter(OfficeTime time, Departments departments)
{
    public const int HistoryLinesOnCard = 5;

    public MatterView View(Matter matter, IReadOnlyList<HistoryEntry> recentHistory, Language language)
    {
        var state = matter.State;
        var names = matter.People().ToDictionary(p => p.ObjectId, p => p.DisplayName, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in recentHistory)
        {
            names.TryAdd(entry.Actor.ObjectId, entry.Actor.DisplayName);
        }

        if (state.Pending?.NewLead is { } asked)
        {
            names.TryAdd(asked.ObjectId, asked.DisplayName);
        }

        var messages = new Messages(language);
        string NameOf(string id) => names.TryGetValue(id, out var name) ? name : id;
        var directory = departments.Current;
        PersonView Person(Person person) => new(person.ObjectId, person.DisplayName, directory.Of(person.ObjectId)?.Name);

        return new MatterView
        {
            Number = state.Number,
            Title = state.Title,
            Description = state.Description,
            Source = state.Source,
            Meeting = state.Meeting,
            DocumentNumber = state.DocumentNumber,
            Urgency = state.Urgency,
            Status = state.Status,
            Lead = state.Lead is { } lead ? Person(lead) : null,
            LeadAcknowledged = state.LeadAcknowledged,
            CoHandlers = state.CoHandlers.Select(c => new CoHandlerView(Person(c.Person), c.State, c.Acknowledged, c.Note)).ToList(),
            Instruction = state.Instruction,
            Pending = state.Pending is { } pending
                ? new PendingView(pending.Kind, Person(pending.Requester), time.ToLocal(pending.At), pending.Reason, Local(pending.NewDue),
                    pending.NewLead is { } newLead ? Person(newLead) : null)
                : null,
            Registrar = Person(state.Registrar),
            Due = Local(state.Due),
            OriginalDue = Local(state.OriginalDue),
            Light = matter.Light(time.Now, time.Zone, time.Calendar),
            OverdueWorkingDays = matter.OverdueWorkingDays(time.Now, time.Zone, time.Calendar),
            Revision = state.Revision,
            RecentHistory = recentHistory
                .TakeLast(HistoryLinesOnCard)
                .Select(h => new HistoryLineView(time.ToLocal(h.At), h.Actor.DisplayName, messages.History(h, NameOf)))
                .ToList(),
            TotalHistoryCount = state.HistoryCount,
        };
    }

    /// <summary>A list row needs only what the index row keeps.</summary>
    public MatterView View(MatterSummary summary) => new()
    {
        Number = summary.Number,
        Title = summary.Title,
        Status = summary.Status,
        Lead = summary.LeadId is { } id ? new PersonView(id, summary.LeadName ?? id) : null,
        Registrar = new PersonView(string.Empty, string.Empty),
        Due = Local(summary.Due),
        Light = Light(summary),
        OverdueWorkingDays = 0,
        RecentHistory = [],
    };

    /// <summary>The supervision report over the given open matters, counted with the office calendar and the live departments.</summary>
    public ReportView Report(string heading, IReadOnlyList<MatterSummary> open) =>
        SupervisionReport.Build(heading, open, time.Now, time.Zone, time.Calendar, departments.Current);

    /// <summary>The same with what the last two weeks counted (per lead and per department of the lead, and week on week).</summary>
    public ReportView Report(string heading, IReadOnlyList<MatterSummary> open, WeeklyStatistics statistics) =>
        SupervisionReport.Build(heading, open, time.Now, time.Zone, time.Calendar, departments.Current, statistics);

    public TrafficLight Light(MatterSummary summary) =>
        TrafficLights.Of(summary.Status, summary.Due, time.Now, time.Zone, time.Calendar);

    private DateTimeOffset? Local(DueDate? due)
    {
        if (due is not { } d)
        {
            return null;
        }

        var local = d.Date.ToDateTime(d.Time ?? new TimeOnly(23, 59));
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local));
    }
}
