using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Matters;

/// <summary>Who acts, with the office-wide roles they hold in the tenant.</summary>
public sealed record Actor(Person Person, OfficeRole OfficeRoles = OfficeRole.Staff)
{
    public bool IsDirector => OfficeRoles.HasFlag(OfficeRole.Director);

    public bool IsLeader => OfficeRoles.HasFlag(OfficeRole.Leader);
}

public sealed record MatterRegistration(
    string Title,
    string? Description = null,
    MatterSource Source = MatterSource.Self,
    string? DocumentNumber = null,
    Urgency Urgency = Urgency.Normal,
    Person? Lead = null,
    IReadOnlyList<Person>? CoHandlers = null,
    DueDate? Due = null)
{
    /// <summary>The meeting (M3) whose decision this matter is, when <see cref="Source"/> is <see cref="MatterSource.Meeting"/>.</summary>
    public int? Meeting { get; init; }
}

/// <summary>
/// A tracked matter (事項): the lifecycle of SPEC §3 as pure code. Every operation checks permission and state first and
/// either changes the matter and appends history, answers <see cref="Outcome.Unchanged"/> for a repeat, or refuses and
/// leaves everything as it was.
/// </summary>
public sealed class Matter
{
    public const int TransferWindowWorkingDays = 2;

    public static readonly TimeSpan DefaultUrgeInterval = TimeSpan.FromHours(1);

    private readonly List<HistoryEntry> _uncommitted = [];

    /// <summary>History this object appended and saw stored, oldest first (empty for a matter only loaded).</summary>
    private List<HistoryEntry>? _committed;

    /// <summary>The state as of the last revision, to tell what the next change touched.</summary>
    private MatterState _baseline;

    /// <summary>Who made the change being recorded (set by <see cref="Record"/>, used by <see cref="Touch"/>).</summary>
    private Person? _changer;

    private Matter(MatterState state)
    {
        State = state;
        _baseline = state;
    }

    public MatterState State { get; private set; }

    public int Number => State.Number;

    public MatterStatus Status => State.Status;

    /// <summary>History entries appended since the matter was loaded; the repository stores them with the matter.</summary>
    public IReadOnlyList<HistoryEntry> UncommittedHistory => _uncommitted;

    /// <summary>
    /// History entries this object appended and the repository then stored, oldest first. A matter just registered holds
    /// its whole history here, so its first card need not read back what was written a moment ago.
    /// </summary>
    public IReadOnlyList<HistoryEntry> CommittedHistory => _committed ?? (IReadOnlyList<HistoryEntry>)[];

    public static Matter FromState(MatterState state) => new(state);

    public static (Matter? Matter, Refusal? Refusal) Register(string tenantId, int number, MatterRegistration registration, Actor actor, DateTimeOffset now, TimeZoneInfo zone)
    {
        var title = Clean(registration.Title);
        if (title is null)
        {
            return (null, Refusal.TitleRequired);
        }

        if (title.Length > InputLimits.Title)
        {
            return (null, Refusal.TitleTooLong);
        }

        var description = Clean(registration.Description);
        if (TooLong(description) is { } longDescription)
        {
            return (null, longDescription);
        }

        var documentNumber = Clean(registration.DocumentNumber);
        if (documentNumber is { Length: > InputLimits.DocumentNumber })
        {
            return (null, Refusal.DocumentNumberTooLong);
        }

        if (registration.Due is { } due && DueRefusal(now, due, zone) is { } badDue)
        {
            return (null, badDue);
        }

        var lead = registration.Lead;
        var coHandlers = (registration.CoHandlers ?? [])
            .Where(p => lead is null || !p.Is(lead))
            .DistinctBy(p => p.ObjectId.ToLowerInvariant())
            .Select(p => new CoHandler(p, CoHandlingState.Requested, Acknowledged: false, AssignedAt: now))
            .ToList();
        if (coHandlers.Count > InputLimits.CoHandlers)
        {
            return (null, Refusal.TooManyCoHandlers);
        }

        // A matter that names its lead starts at once (the director still reviews its completion); one without a lead
        // waits for the director's instruction (批辦), which names one.
        var assignsDirectly = lead is not null;
        var matter = new Matter(new MatterState
        {
            TenantId = tenantId,
            Number = number,
            Title = title,
            Description = description,
            Source = registration.Source,
            Meeting = registration.Meeting,
            DocumentNumber = documentNumber,
            Urgency = registration.Urgency,
            Registrar = actor.Person,
            Lead = lead,
            LeadAssignedAt = lead is null ? null : now,
            CoHandlers = coHandlers,
            Due = registration.Due,
            OriginalDue = registration.Due,
            Status = assignsDirectly ? MatterStatus.InProgress : MatterStatus.Registered,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
            SharedRevision = 1,
        });
        matter.Record(actor, now, HistoryKind.Registered, "status", null, matter.Status.ToString());
        matter._changer = null;
        return (matter, null);
    }

    public MatterRole RolesOf(Actor actor)
    {
        var roles = MatterRole.None;
        if (actor.IsDirector)
        {
            roles |= MatterRole.Director;
        }

        if (actor.IsLeader)
        {
            roles |= MatterRole.Leader;
        }

        if (State.Lead is { } lead && lead.Is(actor.Person))
        {
            roles |= MatterRole.Lead;
        }

        if (FindCoHandler(actor.Person) is not null)
        {
            roles |= MatterRole.CoHandler;
        }

        if (State.Registrar.Is(actor.Person))
        {
            roles |= MatterRole.Registrar;
        }

        return roles;
    }

    /// <summary>Directors and leaders see every matter of their office; anyone else only the matters they are part of.</summary>
    public bool IsVisibleTo(Actor actor) => RolesOf(actor) != MatterRole.None;

    public Refusal? Check(MatterAction action, Actor actor) => Permissions.Check(action, RolesOf(actor), State.Status);

    /// <summary>
    /// Whether a press by <paramref name="presser"/> on a card drawn at <paramref name="cardRevision"/> must not be applied:
    /// something it depends on changed since — anything shared (status, lead, co-handlers, due date, pending request, …)
    /// or the presser's own latest change (so the same press twice takes effect once). Another co-handler's accept,
    /// opinion or part done, a progress note or an urge does not make someone else's card out of date.
    /// </summary>
    public bool IsStaleFor(int cardRevision, Person presser)
    {
        if (cardRevision == State.Revision)
        {
            return false;
        }

        if (cardRevision > State.Revision || cardRevision < 1)
        {
            return true;
        }

        var shared = State.SharedRevision == 0 ? State.Revision : State.SharedRevision;
        return shared > cardRevision || State.OwnChanges.Any(m => presser.Is(m.ObjectId) && m.Revision > cardRevision);
    }

    /// <summary>
    /// What <paramref name="actor"/> may press on this matter now (never <see cref="MatterAction.View"/>): exactly the actions
    /// whose operation would not stop at <see cref="Permissions.Decide"/>, which every operation asks first. Rules on the
    /// inputs or the clock (once an hour for an urge, the transfer window) are answered by the press.
    /// </summary>
    public IReadOnlySet<MatterAction> AvailableActions(Actor actor) => Permissions.Available(FactsFor(actor));

    private ActionFacts FactsFor(Actor actor)
    {
        var roles = RolesOf(actor);
        var own = FindCoHandler(actor.Person);
        return new ActionFacts(roles, State.Status, State.Pending?.Kind, State.LeadAcknowledged, own?.State, own?.Acknowledged ?? false);
    }

    public bool IsOverdue(DateTimeOffset now, TimeZoneInfo zone) =>
        !State.Status.IsClosed() && State.Due is { } due && due.LateFrom(zone) <= now;

    public TrafficLight Light(DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar) =>
        TrafficLights.Of(State.Status, State.Due, now, zone, calendar);

    /// <summary>Working days the matter is late by (0 when not late).</summary>
    public int OverdueWorkingDays(DateTimeOffset now, TimeZoneInfo zone, WorkingCalendar calendar) =>
        TrafficLights.OverdueWorkingDays(State.Status, State.Due, now, zone, calendar);

    public Outcome Instruct(Actor actor, DateTimeOffset now, Person? lead, IReadOnlyList<Person>? coHandlers, DueDate? due, string? instruction, TimeZoneInfo zone)
    {
        if (Decide(MatterAction.Instruct, actor) is { } early)
        {
            return early;
        }

        var newLead = lead ?? State.Lead;
        if (newLead is null)
        {
            return Outcome.Refused(Refusal.LeadRequired);
        }

        if (due is { } d && d != State.Due && DueRefusal(now, d, zone) is { } badDue)
        {
            return Outcome.Refused(badDue);
        }

        instruction = Clean(instruction);
        if (TooLong(instruction) is { } longInstruction)
        {
            return Outcome.Refused(longInstruction);
        }

        // Checked before anything changes: a refused instruction must leave the lead as it was too.
        if (coHandlers is not null && coHandlers.Where(p => !p.Is(newLead)).DistinctBy(p => p.ObjectId.ToLowerInvariant()).Count() > InputLimits.CoHandlers)
        {
            return Outcome.Refused(Refusal.TooManyCoHandlers);
        }

        var changed = false;
        if (State.Lead is null || !State.Lead.Is(newLead))
        {
            Record(actor, now, HistoryKind.Instructed, "lead", State.Lead?.ObjectId, newLead.ObjectId);
            State = State with { Lead = newLead, LeadAcknowledged = false, LeadAssignedAt = now };
            changed = true;
        }

        if (coHandlers is not null)
        {
            var existing = State.CoHandlers.ToDictionary(c => c.Person.ObjectId.ToLowerInvariant());
            var next = coHandlers
                .Where(p => !p.Is(newLead))
                .DistinctBy(p => p.ObjectId.ToLowerInvariant())
                .Select(p => existing.TryGetValue(p.ObjectId.ToLowerInvariant(), out var kept) ? kept : new CoHandler(p, CoHandlingState.Requested, false, now))
                .ToList();
            var before = string.Join(",", State.CoHandlers.Select(c => c.Person.ObjectId));
            var after = string.Join(",", next.Select(c => c.Person.ObjectId));
            if (before != after)
            {
                Record(actor, now, HistoryKind.Instructed, "coHandlers", before, after);
                State = State with { CoHandlers = next };
                changed = true;
            }
        }

        if (due is { } newDue && newDue != State.Due)
        {
            Record(actor, now, HistoryKind.Instructed, "due", State.Due?.ToString(), newDue.ToString());
            State = State with { Due = newDue, OriginalDue = State.OriginalDue ?? newDue };
            changed = true;
        }

        if (instruction is not null && instruction != State.Instruction)
        {
            Record(actor, now, HistoryKind.Instructed, "instruction", State.Instruction, instruction);
            State = State with { Instruction = instruction };
            changed = true;
        }

        if (State.Status == MatterStatus.Registered)
        {
            Record(actor, now, HistoryKind.Instructed, "status", State.Status.ToString(), nameof(MatterStatus.InProgress));
            State = State with { Status = MatterStatus.InProgress };
            changed = true;
        }

        return Touch(changed, now);
    }

    public Outcome Acknowledge(Actor actor, DateTimeOffset now)
    {
        if (Decide(MatterAction.Acknowledge, actor) is { } early)
        {
            return early;
        }

        var changed = false;
        if (State.Lead is { } lead && lead.Is(actor.Person) && !State.LeadAcknowledged)
        {
            State = State with { LeadAcknowledged = true };
            Record(actor, now, HistoryKind.Acknowledged, "lead", null, actor.Person.ObjectId);
            changed = true;
        }

        if (FindCoHandler(actor.Person) is { Acknowledged: false } co)
        {
            ReplaceCoHandler(co with { Acknowledged = true });
            Record(actor, now, HistoryKind.Acknowledged, "coHandler", null, actor.Person.ObjectId);
            changed = true;
        }

        return Touch(changed, now);
    }

    public Outcome ReportProgress(Actor actor, DateTimeOffset now, string text)
    {
        if (Decide(MatterAction.ReportProgress, actor) is { } early)
        {
            return early;
        }

        var note = Clean(text);
        if (note is null)
        {
            return Outcome.Refused(Refusal.TextRequired);
        }

        if (TooLong(note) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.Progress, note: note);
        AcknowledgeImplicitly(actor);
        return Touch(true, now);
    }

    public Outcome AskCompletion(Actor actor, DateTimeOffset now, string? text)
    {
        if (Decide(MatterAction.AskCompletion, actor) is { } early)
        {
            return early;
        }

        if (TooLong(Clean(text)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.CompletionAsked, "status", State.Status.ToString(), nameof(MatterStatus.AwaitingReview), Clean(text));
        AcknowledgeImplicitly(actor);
        State = State with
        {
            Status = MatterStatus.AwaitingReview,
            Pending = new PendingRequest(RequestKind.Completion, actor.Person, now, Clean(text)),
        };
        return Touch(true, now);
    }

    public Outcome ApproveCompletion(Actor actor, DateTimeOffset now, string? note = null)
    {
        if (Decide(MatterAction.ApproveCompletion, actor) is { } early)
        {
            return early;
        }

        if (TooLong(Clean(note)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.CompletionApproved, "status", State.Status.ToString(), nameof(MatterStatus.Completed), Clean(note));
        State = State with { Status = MatterStatus.Completed, Pending = null, CompletedAt = now };
        return Touch(true, now);
    }

    public Outcome RejectCompletion(Actor actor, DateTimeOffset now, string reason)
    {
        if (Decide(MatterAction.RejectCompletion, actor) is { } early)
        {
            return early;
        }

        var why = Clean(reason);
        if (why is null)
        {
            return Outcome.Refused(Refusal.ReasonRequired);
        }

        if (TooLong(why) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.CompletionRejected, "status", State.Status.ToString(), nameof(MatterStatus.InProgress), why);
        State = State with
        {
            Status = MatterStatus.InProgress,
            Pending = null,
            Counters = State.Counters with { SendBacks = State.Counters.SendBacks + 1 },
        };
        return Touch(true, now);
    }

    public Outcome AskExtension(Actor actor, DateTimeOffset now, DueDate newDue, string? reason, TimeZoneInfo zone)
    {
        const MatterAction action = MatterAction.AskExtension;
        if (Check(action, actor) is { } refusal)
        {
            return Outcome.Refused(refusal);
        }

        if (State.Pending is { Kind: RequestKind.Extension } pending && pending.NewDue == newDue)
        {
            return Outcome.Unchanged;
        }

        if (Decide(action, actor) is { } early)
        {
            return early;
        }

        if (DueChangeRefusal(now, newDue, zone) is { } bad)
        {
            return Outcome.Refused(bad);
        }

        if (TooLong(Clean(reason)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.ExtensionAsked, "due", State.Due?.ToString(), newDue.ToString(), Clean(reason));
        State = State with { Pending = new PendingRequest(RequestKind.Extension, actor.Person, now, Clean(reason), NewDue: newDue) };
        return Touch(true, now);
    }

    public Outcome ApproveExtension(Actor actor, DateTimeOffset now)
    {
        if (Decide(MatterAction.ApproveExtension, actor) is { } early)
        {
            return early;
        }

        if (State.Pending?.NewDue is not { } newDue)
        {
            return Outcome.Refused(Refusal.NothingPending);
        }

        Record(actor, now, HistoryKind.ExtensionApproved, "due", State.Due?.ToString(), newDue.ToString());
        State = State with
        {
            Due = newDue,
            OriginalDue = State.OriginalDue ?? State.Due,
            Pending = null,
            Counters = State.Counters with { Extensions = State.Counters.Extensions + 1 },
        };
        return Touch(true, now);
    }

    public Outcome RejectExtension(Actor actor, DateTimeOffset now, string reason) =>
        RejectPending(actor, now, reason, MatterAction.RejectExtension, HistoryKind.ExtensionRejected);

    /// <summary>The director moves the due date directly.</summary>
    public Outcome Extend(Actor actor, DateTimeOffset now, DueDate newDue, string? reason, TimeZoneInfo zone)
    {
        if (Decide(MatterAction.Extend, actor) is { } early)
        {
            return early;
        }

        if (State.Due == newDue)
        {
            return Outcome.Unchanged;
        }

        if (DueChangeRefusal(now, newDue, zone) is { } bad)
        {
            return Outcome.Refused(bad);
        }

        if (TooLong(Clean(reason)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.Extended, "due", State.Due?.ToString(), newDue.ToString(), Clean(reason));
        State = State with
        {
            Due = newDue,
            OriginalDue = State.OriginalDue ?? State.Due,
            Pending = State.Pending is { Kind: RequestKind.Extension } ? null : State.Pending,
            Counters = State.Counters with { Extensions = State.Counters.Extensions + 1 },
        };
        return Touch(true, now);
    }

    public Outcome AskTransfer(Actor actor, DateTimeOffset now, Person to, string? reason, TimeZoneInfo zone, WorkingCalendar calendar)
    {
        const MatterAction action = MatterAction.AskTransfer;
        if (Check(action, actor) is { } refusal)
        {
            return Outcome.Refused(refusal);
        }

        if (State.Pending is { Kind: RequestKind.Transfer } pending && pending.NewLead is { } asked && asked.Is(to))
        {
            return Outcome.Unchanged;
        }

        if (Decide(action, actor) is { } early)
        {
            return early;
        }

        if (to.Is(actor.Person))
        {
            return Outcome.Refused(Refusal.SamePerson);
        }

        if (TooLong(Clean(reason)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        var assigned = State.LeadAssignedAt ?? State.CreatedAt;
        var assignedDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(assigned, zone).DateTime);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (calendar.WorkingDaysAfter(assignedDay, today) > TransferWindowWorkingDays)
        {
            return Outcome.Refused(Refusal.TransferWindowClosed);
        }

        Record(actor, now, HistoryKind.TransferAsked, "lead", State.Lead?.ObjectId, to.ObjectId, Clean(reason));
        State = State with { Pending = new PendingRequest(RequestKind.Transfer, actor.Person, now, Clean(reason), NewLead: to) };
        return Touch(true, now);
    }

    public Outcome ApproveTransfer(Actor actor, DateTimeOffset now)
    {
        if (Decide(MatterAction.ApproveTransfer, actor) is { } early)
        {
            return early;
        }

        if (State.Pending?.NewLead is not { } to)
        {
            return Outcome.Refused(Refusal.NothingPending);
        }

        Record(actor, now, HistoryKind.TransferApproved, "lead", State.Lead?.ObjectId, to.ObjectId);
        ChangeLead(to, now);
        State = State with { Pending = null };
        return Touch(true, now);
    }

    public Outcome RejectTransfer(Actor actor, DateTimeOffset now, string reason) =>
        RejectPending(actor, now, reason, MatterAction.RejectTransfer, HistoryKind.TransferRejected);

    /// <summary>The director hands the matter to another lead directly.</summary>
    public Outcome Transfer(Actor actor, DateTimeOffset now, Person to, string? reason)
    {
        if (Decide(MatterAction.Transfer, actor) is { } early)
        {
            return early;
        }

        if (State.Lead is { } lead && lead.Is(to))
        {
            return Outcome.Unchanged;
        }

        if (TooLong(Clean(reason)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.Transferred, "lead", State.Lead?.ObjectId, to.ObjectId, Clean(reason));
        ChangeLead(to, now);
        State = State with { Pending = State.Pending is { Kind: RequestKind.Transfer } ? null : State.Pending };
        return Touch(true, now);
    }

    public Outcome AcceptCoHandling(Actor actor, DateTimeOffset now) =>
        AnswerCoHandling(actor, now, MatterAction.AcceptCoHandling, CoHandlingState.Accepted, HistoryKind.CoHandlingAccepted, null);

    public Outcome DeclineCoHandling(Actor actor, DateTimeOffset now, string reason) =>
        Clean(reason) is null && Decide(MatterAction.DeclineCoHandling, actor) is null
            ? Outcome.Refused(Refusal.ReasonRequired)
            : AnswerCoHandling(actor, now, MatterAction.DeclineCoHandling, CoHandlingState.Declined, HistoryKind.CoHandlingDeclined, reason);

    public Outcome GiveOpinion(Actor actor, DateTimeOffset now, string opinion) =>
        Clean(opinion) is null && Decide(MatterAction.GiveOpinion, actor) is null
            ? Outcome.Refused(Refusal.TextRequired)
            : AnswerCoHandling(actor, now, MatterAction.GiveOpinion, CoHandlingState.OpinionGiven, HistoryKind.OpinionGiven, opinion);

    public Outcome MarkPartDone(Actor actor, DateTimeOffset now, string? note = null) =>
        AnswerCoHandling(actor, now, MatterAction.MarkPartDone, CoHandlingState.Done, HistoryKind.PartDone, note);

    /// <summary>A manual urge; the same person may urge the same matter once per <paramref name="interval"/> (default an hour).</summary>
    public Outcome Urge(Actor actor, DateTimeOffset now, string? text, TimeSpan? interval = null)
    {
        if (Decide(MatterAction.Urge, actor) is { } early)
        {
            return early;
        }

        var last = State.LastUrges.FirstOrDefault(u => actor.Person.Is(u.ObjectId));
        if (last is not null && now - last.At < (interval ?? DefaultUrgeInterval))
        {
            return Outcome.Refused(Refusal.UrgedRecently);
        }

        if (TooLong(Clean(text)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.Urged, note: Clean(text));
        State = State with
        {
            Counters = State.Counters with { Urges = State.Counters.Urges + 1 },
            LastUrges = [.. State.LastUrges.Where(u => !actor.Person.Is(u.ObjectId)), new UrgeMark(actor.Person.ObjectId, now)],
        };
        return Touch(true, now);
    }

    public Outcome Cancel(Actor actor, DateTimeOffset now, string? reason)
    {
        if (Decide(MatterAction.Cancel, actor) is { } early)
        {
            return early;
        }

        if (TooLong(Clean(reason)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, HistoryKind.Cancelled, "status", State.Status.ToString(), nameof(MatterStatus.Cancelled), Clean(reason));
        State = State with { Status = MatterStatus.Cancelled, Pending = null };
        return Touch(true, now);
    }

    public Outcome Archive(Actor actor, DateTimeOffset now)
    {
        if (Decide(MatterAction.Archive, actor) is { } early)
        {
            return early;
        }

        Record(actor, now, HistoryKind.Archived, "status", State.Status.ToString(), nameof(MatterStatus.Archived));
        State = State with { Status = MatterStatus.Archived };
        return Touch(true, now);
    }

    /// <summary>The bot itself, as the actor of what it does on its own (automatic reminders).</summary>
    public static readonly Actor Bot = new(new Person("officebot", "OfficeBot"));

    /// <summary>
    /// Plans the next automatic reminder after <paramref name="now"/> (and after the last one sent); a due-date reminder
    /// of this morning that was never sent (the matter is new, or its due date moved) is due at once. Not a change anyone
    /// made: the revision stays; the repository writes the plan's outbox row with whatever change is being stored.
    /// </summary>
    public void PlanReminders(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, Reminders.ReminderRules rules)
    {
        var after = State.LastReminderAt is { } last && last > now ? last : now;
        State = State with { NextReminder = Reminders.ReminderSchedule.Next(State, after, calendar, zone, rules, catchUp: true) };
    }

    /// <summary>Records that the planned reminder <paramref name="sent"/> went out (a history line); the next is planned after it.</summary>
    /// <param name="now">When it went out.</param>
    /// <param name="sent">The reminder.</param>
    /// <param name="about">Whom it is about, for a rule that names people (who has not acknowledged).</param>
    public Outcome RecordReminder(DateTimeOffset now, Reminders.PlannedReminder sent, string? about = null)
    {
        var note = about ?? (sent.WorkingDays == 0 ? null : sent.WorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Record(Bot, now, HistoryKind.Reminded, "rule", null, sent.Rule.ToString(), note);
        State = State with { LastReminderAt = now };
        return Touch(true, now);
    }

    /// <summary>Everyone the matter concerns: registrar, lead, co-handlers (each once).</summary>
    public IReadOnlyList<Person> People()
    {
        var people = new List<Person> { State.Registrar };
        if (State.Lead is { } lead)
        {
            people.Add(lead);
        }

        people.AddRange(State.CoHandlers.Select(c => c.Person));
        return people.DistinctBy(p => p.ObjectId.ToLowerInvariant()).ToList();
    }

    /// <summary>Moves the appended history to <see cref="CommittedHistory"/> once the repository has stored it.</summary>
    public void MarkCommitted()
    {
        if (_uncommitted.Count == 0)
        {
            return;
        }

        (_committed ??= []).AddRange(_uncommitted);
        _uncommitted.Clear();
    }

    private Outcome AnswerCoHandling(Actor actor, DateTimeOffset now, MatterAction action, CoHandlingState next, HistoryKind kind, string? note)
    {
        if (Decide(action, actor) is { } early)
        {
            return early;
        }

        if (TooLong(Clean(note)) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        var co = FindCoHandler(actor.Person)!;
        var sameNote = string.Equals(Clean(note), co.Note, StringComparison.Ordinal);
        if (co.State == next && sameNote)
        {
            return Outcome.Unchanged;
        }

        Record(actor, now, kind, "coHandling", co.State.ToString(), next.ToString(), Clean(note));
        ReplaceCoHandler(co with { State = next, Acknowledged = true, Note = Clean(note) ?? co.Note });
        return Touch(true, now);
    }

    private Outcome RejectPending(Actor actor, DateTimeOffset now, string reason, MatterAction action, HistoryKind historyKind)
    {
        if (Decide(action, actor) is { } early)
        {
            return early;
        }

        var why = Clean(reason);
        if (why is null)
        {
            return Outcome.Refused(Refusal.ReasonRequired);
        }

        if (TooLong(why) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        Record(actor, now, historyKind, note: why);
        State = State with { Pending = null };
        return Touch(true, now);
    }

    private Refusal? DueChangeRefusal(DateTimeOffset now, DueDate newDue, TimeZoneInfo zone)
    {
        if (DueRefusal(now, newDue, zone) is { } bad)
        {
            return bad;
        }

        return State.Due is { } current && newDue <= current ? Refusal.DueNotLater : null;
    }

    /// <summary>A due date must lie between now and the horizon of <see cref="InputLimits.LatestDue"/>.</summary>
    private static Refusal? DueRefusal(DateTimeOffset now, DueDate due, TimeZoneInfo zone)
    {
        if (due.LateFrom(zone) <= now)
        {
            return Refusal.DueInPast;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return due.Date > InputLimits.LatestDue(today) ? Refusal.DueTooFar : null;
    }

    private static Refusal? TooLong(string? text) => text is { Length: > InputLimits.Text } ? Refusal.TextTooLong : null;

    private void ChangeLead(Person to, DateTimeOffset now)
    {
        var coHandlers = State.CoHandlers.Where(c => !c.Person.Is(to)).ToList();
        State = State with
        {
            Lead = to,
            LeadAcknowledged = false,
            LeadAssignedAt = now,
            CoHandlers = coHandlers,
            Counters = State.Counters with { Transfers = State.Counters.Transfers + 1 },
        };
    }

    private void AcknowledgeImplicitly(Actor actor)
    {
        // Reporting on a matter shows it was received; asking the handler to press 簽收 as well would be busywork.
        if (State.Lead is { } lead && lead.Is(actor.Person) && !State.LeadAcknowledged)
        {
            State = State with { LeadAcknowledged = true };
        }
    }

    /// <summary>The gate every operation passes first; <see cref="AvailableActions"/> is built from the same answer.</summary>
    private Outcome? Decide(MatterAction action, Actor actor) => Permissions.Decide(action, FactsFor(actor));

    private CoHandler? FindCoHandler(Person person) => State.CoHandlers.FirstOrDefault(c => c.Person.Is(person));

    private void ReplaceCoHandler(CoHandler updated) =>
        State = State with { CoHandlers = State.CoHandlers.Select(c => c.Person.Is(updated.Person) ? updated : c).ToList() };

    private Outcome Touch(bool changed, DateTimeOffset now)
    {
        if (!changed)
        {
            return Outcome.Unchanged;
        }

        var revision = State.Revision + 1;
        var changer = _changer;
        var shared = changer is null || ChangesShared(_baseline, State, changer);

        // A matter stored before shared revisions were kept: everything up to now counts as shared.
        var sharedRevision = shared ? revision : State.SharedRevision == 0 ? State.Revision : State.SharedRevision;

        // A mark at or below the shared revision can no longer decide anything: a card older than it is stale anyway.
        var ownChanges = State.OwnChanges.Where(m => m.Revision > sharedRevision && (changer is null || !changer.Is(m.ObjectId))).ToList();
        if (!shared)
        {
            ownChanges.Add(new RevisionMark(changer!.ObjectId, revision));
        }

        State = State with { UpdatedAt = now, Revision = revision, SharedRevision = sharedRevision, OwnChanges = ownChanges };
        _baseline = State;
        _changer = null;
        return Outcome.Changed;
    }

    /// <summary>
    /// Whether a change touched what every card depends on. A person's own answer (their co-handling entry, their
    /// acknowledgement, a progress note, an urge) does not; the same entry changed by someone else does.
    /// </summary>
    private static bool ChangesShared(MatterState before, MatterState after, Person changer)
    {
        if (before.Status != after.Status || before.Title != after.Title || before.Description != after.Description
            || before.Urgency != after.Urgency || before.Source != after.Source || before.DocumentNumber != after.DocumentNumber
            || !Equals(before.Lead?.ObjectId, after.Lead?.ObjectId) || before.Due != after.Due || before.Pending != after.Pending
            || before.Instruction != after.Instruction || before.CoHandlers.Count != after.CoHandlers.Count)
        {
            return true;
        }

        for (var i = 0; i < after.CoHandlers.Count; i++)
        {
            var (old, now) = (before.CoHandlers[i], after.CoHandlers[i]);
            if (!old.Person.Is(now.Person) || (old != now && !now.Person.Is(changer)))
            {
                return true;
            }
        }

        return before.LeadAcknowledged != after.LeadAcknowledged && !(after.Lead?.Is(changer) ?? false);
    }

    private void Record(Actor actor, DateTimeOffset now, HistoryKind kind, string? field = null, string? oldValue = null, string? newValue = null, string? note = null)
    {
        var entry = new HistoryEntry(State.HistoryCount + 1, now, actor.Person, kind, field, oldValue, newValue, note);
        _uncommitted.Add(entry);
        _changer = _changer is null || _changer.Is(actor.Person) ? actor.Person : _changer;
        State = State with { HistoryCount = entry.Sequence };
    }

    private static string? Clean(string? text) => UserText.Clean(text);
}
