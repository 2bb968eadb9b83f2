using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Meetings;

/// <summary>What a department asks for: a titled meeting at a time, with leaders, maybe a room, maybe urgent.</summary>
public sealed record MeetingRequestData(string Title, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Person> Leaders, string? Room, bool Urgent, string? Department,
    string? Origin = null);

/// <summary>What the rules found for a meeting at one moment: its conflicts and the free alternatives on offer.</summary>
public sealed record MeetingCheck(IReadOnlyList<MeetingConflict> Conflicts, IReadOnlyList<Slot> Alternatives, DateTimeOffset At)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>
/// A conflict as stored on the meeting (see <see cref="Conflict"/>), flattened so it reads back the same: who, what, when
/// and why. <see cref="Key"/> names the same collision from one check to the next (the same event, the same other
/// request, the same limit on the same day), so the sync alerts each one once.
/// </summary>
public sealed record MeetingConflict(ConflictKind Kind, DateTimeOffset Start, DateTimeOffset End, string Key)
{
    public string? Leader { get; init; }

    public string? Room { get; init; }

    /// <summary>The other event's or request's title; null for a private event.</summary>
    public string? What { get; init; }

    public int? OtherMeeting { get; init; }

    public string? Department { get; init; }

    public string? OtherDepartment { get; init; }

    public OverloadDetail? Overload { get; init; }

    /// <summary>Why a calendar is unavailable.</summary>
    public string? Problem { get; init; }

    /// <param name="conflict">What the checker found.</param>
    /// <param name="problems">Why each leader's calendar is unavailable, by leader id, for <see cref="ConflictKind.CalendarUnavailable"/>.</param>
    /// <param name="zone">The office zone, for the day an overload falls on.</param>
    public static MeetingConflict From(Conflict conflict, IReadOnlyDictionary<string, string>? problems, TimeZoneInfo zone)
    {
        var other = conflict.Request is { } request ? Meeting.NumberOf(request.Id) : null;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(conflict.Start, zone).DateTime);
        var key = conflict.Kind switch
        {
            ConflictKind.Overlap or ConflictKind.Room => $"{conflict.Kind}|{conflict.Leader ?? conflict.Room}|{conflict.Event?.Id}|{conflict.Start.UtcTicks}|{conflict.End.UtcTicks}",
            ConflictKind.DepartmentClash => $"{conflict.Kind}|{conflict.Leader ?? conflict.Room}|{conflict.Request?.Id}|{conflict.Start.UtcTicks}|{conflict.End.UtcTicks}",
            ConflictKind.Overload => $"{conflict.Kind}|{conflict.Leader}|{conflict.Overload?.Limit}|{day:yyyyMMdd}",
            ConflictKind.CalendarUnavailable => $"{conflict.Kind}|{conflict.Leader}",
            _ => $"{conflict.Kind}|{conflict.Start.UtcTicks}|{conflict.End.UtcTicks}",
        };
        return new MeetingConflict(conflict.Kind, conflict.Start, conflict.End, key)
        {
            Leader = conflict.Leader,
            Room = conflict.Room,
            What = conflict.What == Conflict.PrivateTitle && conflict.Event is { Private: true } ? null : conflict.What,
            OtherMeeting = other,
            Department = conflict.Department,
            OtherDepartment = conflict.OtherDepartment,
            Overload = conflict.Overload,
            Problem = conflict.Kind == ConflictKind.CalendarUnavailable && conflict.Leader is { } leader && problems?.GetValueOrDefault(leader) is { } problem ? problem : null,
        };
    }
}

/// <summary>One append-only line of a meeting's history; values are invariant text (ISO times, keys), localised when shown.</summary>
public sealed record MeetingHistoryEntry(int Sequence, DateTimeOffset At, Person Actor, MeetingHistoryKind Kind, string? OldValue = null, string? NewValue = null,
    string? Note = null);

/// <summary>Everything stored of a meeting request. Times carry the office offset.</summary>
public sealed record MeetingState
{
    public required string TenantId { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public IReadOnlyList<Person> Leaders { get; init; } = [];

    public string? Room { get; init; }

    public required Person Requester { get; init; }

    public string? Department { get; init; }

    public bool Urgent { get; init; }

    public Person? UrgentConfirmedBy { get; init; }

    public MeetingStatus Status { get; init; }

    public int Revision { get; init; }

    public int HistoryCount { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>The conflicts found at the latest check (at the request, at a decision, or by the sync).</summary>
    public IReadOnlyList<MeetingConflict> Conflicts { get; init; } = [];

    public DateTimeOffset? CheckedAt { get; init; }

    public IReadOnlyList<Slot> Alternatives { get; init; } = [];

    /// <summary>The conflicts a director approved over ("approve anyway", or "keep as is" after an alert).</summary>
    public IReadOnlyList<MeetingConflict> Overridden { get; init; } = [];

    /// <summary>True while conflicts found by the sync after approval wait for a director (move, keep or cancel).</summary>
    public bool NewConflicts { get; init; }

    /// <summary>Conflicts reported earlier that are gone at the latest check.</summary>
    public IReadOnlyList<MeetingConflict> Resolved { get; init; } = [];

    public Person? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Reason { get; init; }

    /// <summary>The conversation the request was typed in: its card goes there when no coordination channel is set.</summary>
    public string? Origin { get; init; }

    public IReadOnlyList<int> DecisionMatters { get; init; } = [];

    public bool IsOpen => Status is MeetingStatus.Pending or MeetingStatus.Approved or MeetingStatus.SentBack;

    /// <summary>Whether the meeting holds its time on the leaders' calendars (approved) or asks for it (pending).</summary>
    public bool HoldsTime => Status is MeetingStatus.Pending or MeetingStatus.Approved;
}

/// <summary>
/// A meeting request (會議申請) and what becomes of it: requested and checked, then approved (over its conflicts if a
/// director says so, or moved to a free alternative), sent back, rejected or cancelled, and watched after approval. Every
/// change bumps the revision and appends history; a refused operation changes nothing.
/// </summary>
public sealed class Meeting
{
    /// <summary>The longest a meeting may run; a longer range is refused as a likely typo.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(12);

    /// <summary>How many decisions may be registered from one meeting.</summary>
    public const int MaxDecisions = 50;

    private readonly List<MeetingHistoryEntry> _uncommitted = [];

    // Whether the change under way has taken its revision already (one change, one revision).
    private bool _bumped;

    private Meeting(MeetingState state) => State = state;

    public MeetingState State { get; private set; }

    public int Number => State.Number;

    public MeetingStatus Status => State.Status;

    public IReadOnlyList<MeetingHistoryEntry> UncommittedHistory => _uncommitted;

    /// <summary>The id a meeting carries as a proposal and as a busy event, so it never collides with itself.</summary>
    public string ProposalId => IdOf(State.Number);

    public static string IdOf(int number) => $"M{number}";

    /// <summary>The meeting number in a proposal or event id made by <see cref="IdOf"/>; null for anything else.</summary>
    public static int? NumberOf(string id) =>
        id.Length > 1 && id[0] == 'M' && int.TryParse(id.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static Meeting FromState(MeetingState state) => new(state);

    /// <summary>Checks a requested time: an end before its start, a time already past, or a range longer than <see cref="Longest"/>.</summary>
    public static MeetingRefusal? CheckTime(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        end <= start ? MeetingRefusal.EndBeforeStart
        : start < now ? MeetingRefusal.InPast
        : end - start > Longest ? MeetingRefusal.TooLong
        : null;

    public static (Meeting? Meeting, MeetingRefusal? Refusal) Request(string tenantId, int number, MeetingRequestData data, Actor actor, DateTimeOffset now, MeetingCheck check)
    {
        if (CheckTime(data.Start, data.End, now) is { } refusal)
        {
            return (null, refusal);
        }

        var meeting = new Meeting(new MeetingState
        {
            TenantId = tenantId,
            Number = number,
            Title = data.Title,
            Start = data.Start,
            End = data.End,
            Leaders = data.Leaders,
            Room = data.Room,
            Requester = actor.Person,
            Department = data.Department,
            Urgent = data.Urgent,
            Status = MeetingStatus.Pending,
            RequestedAt = now,
            Conflicts = check.Conflicts,
            Alternatives = check.Alternatives,
            CheckedAt = check.At,
            Origin = data.Origin,
        });
        meeting.Append(now, actor.Person, MeetingHistoryKind.Requested, newValue: Range(data.Start, data.End), note: check.HasConflicts ? Keys(check.Conflicts) : null);
        return (meeting, null);
    }

    /// <summary>Whether <paramref name="actor"/> may see this meeting: its requester, the directors and its leaders.</summary>
    public bool IsVisibleTo(Actor actor) =>
        actor.IsDirector || actor.Person.Is(State.Requester) || State.Leaders.Any(l => l.Is(actor.Person));

    public bool IsRequester(Actor actor) => actor.Person.Is(State.Requester);

    /// <summary>What <paramref name="actor"/> may do now; a card draws a button for each and for nothing else.</summary>
    public IReadOnlySet<MeetingAction> AvailableActions(Actor actor)
    {
        var actions = new HashSet<MeetingAction>();
        var status = State.Status;
        if (actor.IsDirector)
        {
            if (status == MeetingStatus.Pending)
            {
                actions.Add(State.Conflicts.Count > 0 ? MeetingAction.ApproveAnyway : MeetingAction.Approve);
                actions.Add(MeetingAction.SendBack);
                actions.Add(MeetingAction.Reject);
                if (State.Urgent && State.UrgentConfirmedBy is null)
                {
                    actions.Add(MeetingAction.ConfirmUrgent);
                }
            }

            if ((status == MeetingStatus.Pending || (status == MeetingStatus.Approved && State.NewConflicts)) && State.Alternatives.Count > 0)
            {
                actions.Add(MeetingAction.PickAlternative);
            }

            if (status == MeetingStatus.Approved && State.NewConflicts)
            {
                actions.Add(MeetingAction.Keep);
            }
        }

        var mayCancel = actor.IsDirector || IsRequester(actor);
        if (mayCancel && State.IsOpen)
        {
            actions.Add(MeetingAction.Cancel);
        }

        if (IsRequester(actor) && status is MeetingStatus.Pending or MeetingStatus.SentBack)
        {
            actions.Add(MeetingAction.ChangeTime);
        }

        if (mayCancel && status == MeetingStatus.Approved && State.DecisionMatters.Count < MaxDecisions)
        {
            actions.Add(MeetingAction.RegisterDecision);
        }

        return actions;
    }

    /// <summary>
    /// A press on a card drawn at <paramref name="cardRevision"/> is not applied when the meeting moved on since: a
    /// decision is taken on what the card showed, and the presser gets the fresh card instead.
    /// </summary>
    public bool IsStaleFor(int cardRevision) => cardRevision != State.Revision;

    /// <summary>Approves a request. <paramref name="fresh"/> is the check made now: with conflicts, only <see cref="ApproveAnyway"/> may approve.</summary>
    public Outcome<MeetingRefusal> Approve(Actor actor, DateTimeOffset now, MeetingCheck fresh)
    {
        if (Refuse(actor, MeetingAction.Approve, directorOnly: true, MeetingStatus.Pending) is { } refused)
        {
            return refused;
        }

        if (fresh.HasConflicts)
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.HasConflicts);
        }

        Decide(actor, now, MeetingStatus.Approved, null, fresh);
        Append(now, actor.Person, MeetingHistoryKind.Approved, newValue: Range(State.Start, State.End));
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>Approves over the conflicts found now, recording which were overridden; with none left it is a plain approval.</summary>
    public Outcome<MeetingRefusal> ApproveAnyway(Actor actor, DateTimeOffset now, MeetingCheck fresh)
    {
        if (Refuse(actor, MeetingAction.ApproveAnyway, directorOnly: true, MeetingStatus.Pending) is { } refused)
        {
            return refused;
        }

        Decide(actor, now, MeetingStatus.Approved, null, fresh);
        State = State with { Overridden = fresh.Conflicts };
        Append(now, actor.Person, fresh.HasConflicts ? MeetingHistoryKind.ApprovedAnyway : MeetingHistoryKind.Approved, newValue: Range(State.Start, State.End),
            note: fresh.HasConflicts ? Keys(fresh.Conflicts) : null);
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>
    /// Moves the meeting to <paramref name="slot"/> (one of the alternatives on offer) and approves it there;
    /// <paramref name="atSlot"/> is the check of the meeting at that slot made now, which must be free of conflicts.
    /// Works on a pending request and on an approved meeting the sync found new conflicts for.
    /// </summary>
    public Outcome<MeetingRefusal> MoveTo(Actor actor, DateTimeOffset now, Slot slot, MeetingCheck atSlot)
    {
        if (Refuse(actor, MeetingAction.PickAlternative, directorOnly: true, MeetingStatus.Pending, MeetingStatus.Approved) is { } refused)
        {
            return refused;
        }

        if (State.Status == MeetingStatus.Approved && !State.NewConflicts)
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.WrongStatus);
        }

        if (!State.Alternatives.Contains(slot) || atSlot.HasConflicts || slot.Start < now)
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.SlotNotFree);
        }

        var before = Range(State.Start, State.End);
        var wasApproved = State.Status == MeetingStatus.Approved;
        State = State with { Start = slot.Start, End = slot.End };
        Decide(actor, now, MeetingStatus.Approved, null, atSlot);
        State = State with { Overridden = [] };
        Append(now, actor.Person, MeetingHistoryKind.Moved, before, Range(slot.Start, slot.End));
        if (!wasApproved)
        {
            Append(now, actor.Person, MeetingHistoryKind.Approved, newValue: Range(slot.Start, slot.End));
        }

        return Outcome<MeetingRefusal>.Changed;
    }

    public Outcome<MeetingRefusal> SendBack(Actor actor, DateTimeOffset now, string? reason) => Close(actor, now, reason, MeetingAction.SendBack, MeetingStatus.SentBack,
        MeetingHistoryKind.SentBack);

    public Outcome<MeetingRefusal> Reject(Actor actor, DateTimeOffset now, string? reason) => Close(actor, now, reason, MeetingAction.Reject, MeetingStatus.Rejected,
        MeetingHistoryKind.Rejected);

    public Outcome<MeetingRefusal> ConfirmUrgent(Actor actor, DateTimeOffset now)
    {
        if (Refuse(actor, MeetingAction.ConfirmUrgent, directorOnly: true, MeetingStatus.Pending) is { } refused)
        {
            return refused;
        }

        if (!State.Urgent)
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.NotUrgent);
        }

        if (State.UrgentConfirmedBy is not null)
        {
            return Outcome<MeetingRefusal>.Unchanged;
        }

        State = State with { UrgentConfirmedBy = actor.Person };
        Append(now, actor.Person, MeetingHistoryKind.UrgencyConfirmed);
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>Keeps an approved meeting as it is over the conflicts the sync found since approval.</summary>
    public Outcome<MeetingRefusal> Keep(Actor actor, DateTimeOffset now)
    {
        if (Refuse(actor, MeetingAction.Keep, directorOnly: true, MeetingStatus.Approved) is { } refused)
        {
            return refused;
        }

        if (!State.NewConflicts)
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.NothingToKeep);
        }

        State = State with
        {
            NewConflicts = false,
            Overridden = [.. State.Overridden.Where(o => State.Conflicts.All(c => c.Key != o.Key)), .. State.Conflicts],
        };
        Append(now, actor.Person, MeetingHistoryKind.Kept, note: Keys(State.Conflicts));
        Bump();
        return Outcome<MeetingRefusal>.Changed;
    }

    public Outcome<MeetingRefusal> Cancel(Actor actor, DateTimeOffset now, string? reason)
    {
        if (!actor.IsDirector && !IsRequester(actor))
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.NotPermitted);
        }

        if (!State.IsOpen)
        {
            return State.Status == MeetingStatus.Cancelled ? Outcome<MeetingRefusal>.Unchanged : Outcome<MeetingRefusal>.Refused(MeetingRefusal.WrongStatus);
        }

        State = State with { Status = MeetingStatus.Cancelled, DecidedBy = actor.Person, DecidedAt = now, Reason = reason, NewConflicts = false };
        Append(now, actor.Person, MeetingHistoryKind.Cancelled, note: reason);
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>The requester asks for another time; the request is checked again there (<paramref name="fresh"/>) and waits for a director.</summary>
    public Outcome<MeetingRefusal> ChangeTime(Actor actor, DateTimeOffset now, DateTimeOffset start, DateTimeOffset end, MeetingCheck fresh)
    {
        if (!IsRequester(actor))
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.NotPermitted);
        }

        if (State.Status is not (MeetingStatus.Pending or MeetingStatus.SentBack))
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.WrongStatus);
        }

        if (CheckTime(start, end, now) is { } refusal)
        {
            return Outcome<MeetingRefusal>.Refused(refusal);
        }

        if (start == State.Start && end == State.End && State.Status == MeetingStatus.Pending)
        {
            return Outcome<MeetingRefusal>.Unchanged;
        }

        var before = Range(State.Start, State.End);
        State = State with
        {
            Start = start,
            End = end,
            Status = MeetingStatus.Pending,
            Conflicts = fresh.Conflicts,
            Alternatives = fresh.Alternatives,
            CheckedAt = fresh.At,
            Resolved = [],
            DecidedBy = null,
            DecidedAt = null,
            Reason = null,
        };
        Append(now, actor.Person, MeetingHistoryKind.TimeChanged, before, Range(start, end), fresh.HasConflicts ? Keys(fresh.Conflicts) : null);
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>Records that a matter was registered from a decision taken in this (approved) meeting.</summary>
    public Outcome<MeetingRefusal> RecordDecision(Actor actor, DateTimeOffset now, int matterNumber)
    {
        if (Refuse(actor, MeetingAction.RegisterDecision, directorOnly: false, MeetingStatus.Approved) is { } refused)
        {
            return refused;
        }

        State = State with { DecisionMatters = [.. State.DecisionMatters, matterNumber] };
        Append(now, actor.Person, MeetingHistoryKind.DecisionRegistered, newValue: matterNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>
    /// Takes a check made by the sync. A conflict not known before is recorded (<see cref="MeetingHistoryKind.ConflictFound"/>)
    /// and marks an approved meeting as waiting for a director; a known conflict that is gone is recorded as resolved. The
    /// same conflict found again changes nothing, so it is alerted once. Only a pending or approved meeting is watched.
    /// </summary>
    /// <returns>Changed when something was found or resolved; the follow-up alerts on <see cref="MeetingHistoryKind.ConflictFound"/>.</returns>
    public Outcome<MeetingRefusal> RecordCheck(Actor bot, DateTimeOffset now, MeetingCheck fresh)
    {
        if (!State.HoldsTime)
        {
            return Outcome<MeetingRefusal>.Unchanged;
        }

        var known = State.Conflicts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var overridden = State.Overridden.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var freshKeys = fresh.Conflicts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var found = fresh.Conflicts.Where(c => !known.Contains(c.Key) && !overridden.Contains(c.Key)).ToList();
        var gone = State.Conflicts.Where(c => !freshKeys.Contains(c.Key)).ToList();
        if (found.Count == 0 && gone.Count == 0)
        {
            return Outcome<MeetingRefusal>.Unchanged;
        }

        var approved = State.Status == MeetingStatus.Approved;
        var waiting = found.Count > 0 ? approved : State.NewConflicts && fresh.Conflicts.Any(c => !overridden.Contains(c.Key));
        State = State with
        {
            Conflicts = fresh.Conflicts,
            Alternatives = found.Count > 0 ? fresh.Alternatives : State.Alternatives,
            CheckedAt = fresh.At,
            NewConflicts = waiting,
            Resolved = found.Count > 0 ? [] : [.. State.Resolved, .. gone],
        };
        if (found.Count > 0)
        {
            Append(now, bot.Person, MeetingHistoryKind.ConflictFound, note: Keys(found));
        }

        if (gone.Count > 0)
        {
            Append(now, bot.Person, MeetingHistoryKind.ConflictResolved, note: Keys(gone));
        }

        return Outcome<MeetingRefusal>.Changed;
    }

    public void MarkCommitted()
    {
        _uncommitted.Clear();
        _bumped = false;
    }

    private Outcome<MeetingRefusal> Close(Actor actor, DateTimeOffset now, string? reason, MeetingAction action, MeetingStatus status, MeetingHistoryKind kind)
    {
        if (Refuse(actor, action, directorOnly: true, MeetingStatus.Pending) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.ReasonRequired);
        }

        State = State with { Status = status, DecidedBy = actor.Person, DecidedAt = now, Reason = reason };
        Append(now, actor.Person, kind, note: reason);
        return Outcome<MeetingRefusal>.Changed;
    }

    /// <summary>The common refusals: not the director (for a director's action), or the meeting not in a status the action applies to.</summary>
    private Outcome<MeetingRefusal>? Refuse(Actor actor, MeetingAction action, bool directorOnly, params MeetingStatus[] statuses)
    {
        if (directorOnly ? !actor.IsDirector : !actor.IsDirector && !IsRequester(actor))
        {
            return Outcome<MeetingRefusal>.Refused(MeetingRefusal.NotPermitted);
        }

        if (!statuses.Contains(State.Status))
        {
            // Pressed twice: the first press already did it.
            var done = (action, State.Status) is (MeetingAction.Approve or MeetingAction.ApproveAnyway, MeetingStatus.Approved)
                or (MeetingAction.SendBack, MeetingStatus.SentBack) or (MeetingAction.Reject, MeetingStatus.Rejected);
            return done ? Outcome<MeetingRefusal>.Unchanged : Outcome<MeetingRefusal>.Refused(MeetingRefusal.WrongStatus);
        }

        return null;
    }

    private void Decide(Actor actor, DateTimeOffset now, MeetingStatus status, string? reason, MeetingCheck check) =>
        State = State with
        {
            Status = status,
            DecidedBy = actor.Person,
            DecidedAt = now,
            Reason = reason,
            Conflicts = check.Conflicts,
            Alternatives = check.Alternatives,
            CheckedAt = check.At,
            NewConflicts = false,
            Resolved = [],
        };

    private void Append(DateTimeOffset now, Person actor, MeetingHistoryKind kind, string? oldValue = null, string? newValue = null, string? note = null)
    {
        var entry = new MeetingHistoryEntry(State.HistoryCount + 1, now, actor, kind, oldValue, newValue, note);
        _uncommitted.Add(entry);
        State = State with { HistoryCount = entry.Sequence };
        Bump();
    }

    /// <summary>One change, one revision, however many history lines it appends.</summary>
    private void Bump()
    {
        if (_bumped)
        {
            return;
        }

        _bumped = true;
        State = State with { Revision = State.Revision + 1 };
    }

    private static string Range(DateTimeOffset start, DateTimeOffset end) => $"{start:O}/{end:O}";

    private static string Keys(IEnumerable<MeetingConflict> conflicts) => string.Join("\n", conflicts.Select(c => c.Key));
}

/// <summary>What a meeting operation did: changed it, found it already so, or refused and changed nothing.</summary>
public readonly record struct Outcome<TRefusal>(OutcomeKind Kind, TRefusal? Refusal = null)
    where TRefusal : struct, Enum
{
    public static Outcome<TRefusal> Changed { get; } = new(OutcomeKind.Changed);

    public static Outcome<TRefusal> Unchanged { get; } = new(OutcomeKind.Unchanged);

    public static Outcome<TRefusal> Refused(TRefusal refusal) => new(OutcomeKind.Refused, refusal);

    public bool IsChanged => Kind == OutcomeKind.Changed;
}
