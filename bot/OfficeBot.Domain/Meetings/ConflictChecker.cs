using OfficeBot.Domain.Calendar;

namespace OfficeBot.Domain.Meetings;

/// <summary>
/// The meeting rules of one office: finds every reason a proposed meeting would collide or overload a leader, and the
/// earliest free slots instead. Pure and deterministic: the same inputs give the same findings in the same order.
/// </summary>
public sealed class ConflictChecker
{
    // A calendar with very long holidays still ends the search for alternatives.
    private const int MaxDaysSearched = 366;

    private readonly WorkingCalendar _calendar;
    private readonly TimeZoneInfo _zone;
    private readonly MeetingRules _rules;

    public ConflictChecker(WorkingCalendar calendar, TimeZoneInfo zone, MeetingRules? rules = null)
    {
        _calendar = calendar;
        _zone = zone;
        _rules = rules ?? MeetingRules.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_rules.SlotStep, TimeSpan.Zero, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfNegative(_rules.Alternatives, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfNegative(_rules.SearchWorkingDays, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfLessThan(_rules.RoomBuffer, TimeSpan.Zero, nameof(rules));
    }

    /// <summary>
    /// Every conflict of <paramref name="proposal"/>: working days and hours first, then each leader in the order asked for
    /// (calendar unavailable, overlaps by start, overloads by count, hours, chain), then the room, then other
    /// departments' pending requests.
    /// </summary>
    public IReadOnlyList<Conflict> Check(MeetingProposal proposal, MeetingCalendars calendars)
    {
        Validate(proposal);
        var found = new List<Conflict>();
        CheckWorkingTime(proposal, found);

        var localDay = DateOnly.FromDateTime(Local(proposal.Start));
        var (dayStart, dayEnd) = DayBounds(localDay);
        var events = new List<BusyEvent>();
        foreach (var leader in proposal.Leaders.Distinct(StringComparer.Ordinal))
        {
            var schedule = calendars.For(leader);
            if (schedule is null)
            {
                found.Add(new Conflict(ConflictKind.CalendarUnavailable, proposal.Start, proposal.End) { Leader = leader });
                continue;
            }

            if (schedule.UnavailableSince is { } since)
            {
                found.Add(new Conflict(ConflictKind.CalendarUnavailable, since, Max(since, proposal.End)) { Leader = leader });
            }

            var limits = _rules.For(leader);
            events.Clear();
            schedule.Index.Overlapping(proposal.Start - limits.Buffer, proposal.End + limits.Buffer, proposal.Id, events);
            foreach (var e in events)
            {
                found.Add(new Conflict(ConflictKind.Overlap, e.Start, e.End) { Leader = leader, What = TitleOf(e), Event = e });
            }

            events.Clear();
            schedule.Index.Overlapping(dayStart, dayEnd, proposal.Id, events);
            events.RemoveAll(e => e.AllDay);
            var load = DayLoad.Measure(events, proposal.Start, proposal.End, dayStart, dayEnd, limits.MinBreak);
            AddOverloads(leader, limits, load, events, found);
        }

        if (proposal.Room is { } wanted)
        {
            events.Clear();
            calendars.Rooms.For(wanted).Overlapping(proposal.Start - _rules.RoomBuffer, proposal.End + _rules.RoomBuffer, proposal.Id, events);
            foreach (var e in events)
            {
                found.Add(new Conflict(ConflictKind.Room, e.Start, e.End) { Room = wanted, What = TitleOf(e), Event = e });
            }
        }

        foreach (var other in calendars.Pending.Where(q => MayClash(proposal, q)).OrderBy(q => q.Start).ThenBy(q => q.Id, StringComparer.Ordinal))
        {
            foreach (var (leader, room) in Clashes(proposal, proposal.Start, proposal.End, other))
            {
                found.Add(new Conflict(ConflictKind.DepartmentClash, other.Start, other.End)
                {
                    Leader = leader,
                    Room = room,
                    What = other.Title,
                    Request = other,
                    Department = proposal.Department,
                    OtherDepartment = other.Department,
                });
            }
        }

        return found;
    }

    /// <summary>
    /// The earliest slots as long as <paramref name="proposal"/>, from its start (or <paramref name="now"/> if later),
    /// within working hours of the next <see cref="MeetingRules.SearchWorkingDays"/> working days, where every leader is
    /// free (buffer included) and not overloaded, the room is free and no other department's pending request clashes.
    /// Empty when none is found, and when a leader's calendar is unavailable (nothing can be shown to be free).
    /// </summary>
    public IReadOnlyList<Slot> Alternatives(MeetingProposal proposal, MeetingCalendars calendars, DateTimeOffset now)
    {
        Validate(proposal);
        var leaders = new List<(LeaderSchedule Schedule, LeaderLimits Limits)>();
        foreach (var leader in proposal.Leaders.Distinct(StringComparer.Ordinal))
        {
            if (calendars.For(leader) is not { IsAvailable: true } schedule)
            {
                return [];
            }

            leaders.Add((schedule, _rules.For(leader)));
        }

        var found = new List<Slot>(_rules.Alternatives);
        if (_rules.Alternatives == 0)
        {
            return found;
        }

        var duration = proposal.End - proposal.Start;
        var from = Max(proposal.Start, now);
        var rooms = proposal.Room is null ? EventIndex.Empty : calendars.Rooms.For(proposal.Room);
        var pending = calendars.Pending.Where(q => MayClash(proposal, q)).ToList();
        var near = leaders.Select(_ => new List<BusyEvent>()).ToArray();
        var meetings = leaders.Select(_ => new List<BusyEvent>()).ToArray();
        var booked = new List<BusyEvent>();
        var workStart = _calendar.WorkStart.ToTimeSpan();
        var workEnd = _calendar.WorkEnd.ToTimeSpan();

        var day = DateOnly.FromDateTime(Local(from));
        for (int searched = 0, workingDays = 0;
             searched < MaxDaysSearched && workingDays < _rules.SearchWorkingDays && found.Count < _rules.Alternatives;
             searched++, day = day.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(day))
            {
                continue;
            }

            workingDays++;
            var (dayStart, dayEnd) = DayBounds(day);
            for (var k = 0; k < leaders.Count; k++)
            {
                var (schedule, limits) = leaders[k];
                near[k].Clear();
                schedule.Index.Overlapping(dayStart - limits.Buffer, dayEnd + limits.Buffer, proposal.Id, near[k]);
                meetings[k].Clear();
                schedule.Index.Overlapping(dayStart, dayEnd, proposal.Id, meetings[k]);
                meetings[k].RemoveAll(e => e.AllDay);
            }

            booked.Clear();
            rooms.Overlapping(dayStart - _rules.RoomBuffer, dayEnd + _rules.RoomBuffer, proposal.Id, booked);

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            for (var offset = workStart; offset < workEnd && found.Count < _rules.Alternatives; offset += _rules.SlotStep)
            {
                var local = midnight + offset;
                if (_zone.IsInvalidTime(local))
                {
                    continue;
                }

                var start = ToInstant(local);
                var end = start + duration;
                var localEnd = Local(end);
                if (start < from || DateOnly.FromDateTime(localEnd) != day || localEnd.TimeOfDay > workEnd)
                {
                    continue;
                }

                if (IsFree(start, end, dayStart, dayEnd, leaders, near, meetings, booked, pending, proposal))
                {
                    found.Add(new Slot(TimeZoneInfo.ConvertTime(start, _zone), TimeZoneInfo.ConvertTime(end, _zone)));
                }
            }
        }

        return found;
    }

    private bool IsFree(
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset dayStart,
        DateTimeOffset dayEnd,
        List<(LeaderSchedule Schedule, LeaderLimits Limits)> leaders,
        List<BusyEvent>[] near,
        List<BusyEvent>[] meetings,
        List<BusyEvent> booked,
        List<MeetingProposal> pending,
        MeetingProposal proposal)
    {
        for (var k = 0; k < leaders.Count; k++)
        {
            var limits = leaders[k].Limits;
            foreach (var e in near[k])
            {
                if (Overlaps(start, end, e.Start, e.End, limits.Buffer))
                {
                    return false;
                }
            }

            if (DayLoad.Measure(meetings[k], start, end, dayStart, dayEnd, limits.MinBreak).Overloads(limits))
            {
                return false;
            }
        }

        foreach (var e in booked)
        {
            if (Overlaps(start, end, e.Start, e.End, _rules.RoomBuffer))
            {
                return false;
            }
        }

        foreach (var other in pending)
        {
            if (Clashes(proposal, start, end, other).Any())
            {
                return false;
            }
        }

        return true;
    }

    private void CheckWorkingTime(MeetingProposal proposal, List<Conflict> found)
    {
        var localStart = Local(proposal.Start);
        var localEnd = Local(proposal.End);
        var startDay = DateOnly.FromDateTime(localStart);
        var endDay = DateOnly.FromDateTime(localEnd);
        for (var day = startDay; day <= endDay; day = day.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(day))
            {
                var (dayStart, dayEnd) = DayBounds(day);
                found.Add(new Conflict(ConflictKind.NonWorkingDay, dayStart, dayEnd) { What = _calendar.Special(day)?.Name });
            }
        }

        var outside = startDay != endDay
            || TimeOnly.FromDateTime(localStart) < _calendar.WorkStart
            || TimeOnly.FromDateTime(localEnd) > _calendar.WorkEnd;
        if (outside)
        {
            found.Add(new Conflict(
                ConflictKind.OutsideWorkingHours,
                ToInstant(startDay.ToDateTime(_calendar.WorkStart)),
                ToInstant(startDay.ToDateTime(_calendar.WorkEnd))));
        }
    }

    private void AddOverloads(string leader, LeaderLimits limits, DayLoad load, List<BusyEvent> meetings, List<Conflict> found)
    {
        if (load.TooMany(limits))
        {
            found.Add(Overload(OverloadLimit.Count, load.First, load.Last, load.Meetings, load.Time, limits.MaxMeetingTimePerDay, [.. meetings]));
        }

        if (load.TooLong(limits))
        {
            found.Add(Overload(OverloadLimit.Hours, load.First, load.Last, load.Meetings, load.Time, limits.MaxMeetingTimePerDay, [.. meetings]));
        }

        if (load.Unbroken(limits))
        {
            // Every meeting that starts inside the run is part of it (a later start would have ended the run before).
            var chain = meetings.Where(e => e.End > load.ChainStart && e.Start < load.ChainEnd).ToList();
            found.Add(Overload(OverloadLimit.Chain, load.ChainStart, load.ChainEnd, load.ChainMeetings, load.Chain, limits.MaxUnbrokenTime, chain));
        }

        Conflict Overload(OverloadLimit limit, DateTimeOffset start, DateTimeOffset end, int count, TimeSpan time, TimeSpan maxTime, List<BusyEvent> involved) =>
            new(ConflictKind.Overload, TimeZoneInfo.ConvertTime(start, _zone), TimeZoneInfo.ConvertTime(end, _zone))
            {
                Leader = leader,
                Overload = new OverloadDetail(limit, count, time, limits.MaxMeetingsPerDay, maxTime),
                Involved = involved,
            };
    }

    /// <summary>Another department's request that shares a leader or the room (its times are compared by <see cref="Clashes"/>).</summary>
    private static bool MayClash(MeetingProposal proposal, MeetingProposal other) =>
        !string.Equals(other.Id, proposal.Id, StringComparison.Ordinal)
        && !string.Equals(other.Department, proposal.Department, StringComparison.Ordinal)
        && (proposal.Leaders.Any(l => other.Leaders.Contains(l, StringComparer.Ordinal)) || SameRoom(proposal.Room, other.Room));

    /// <summary>The leaders (each with their own buffer) and the room that <paramref name="proposal"/>, held at start–end, shares with <paramref name="other"/> at the same time.</summary>
    private IEnumerable<(string? Leader, string? Room)> Clashes(MeetingProposal proposal, DateTimeOffset start, DateTimeOffset end, MeetingProposal other)
    {
        foreach (var leader in proposal.Leaders.Distinct(StringComparer.Ordinal))
        {
            if (other.Leaders.Contains(leader, StringComparer.Ordinal) && Overlaps(start, end, other.Start, other.End, _rules.For(leader).Buffer))
            {
                yield return (leader, null);
            }
        }

        if (SameRoom(proposal.Room, other.Room) && Overlaps(start, end, other.Start, other.End, _rules.RoomBuffer))
        {
            yield return (null, proposal.Room);
        }
    }

    private static bool SameRoom(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the other span comes closer than <paramref name="buffer"/> to start–end: ending exactly a buffer before is fine.</summary>
    private static bool Overlaps(DateTimeOffset start, DateTimeOffset end, DateTimeOffset otherStart, DateTimeOffset otherEnd, TimeSpan buffer) =>
        otherStart < end + buffer && otherEnd > start - buffer;

    private static string TitleOf(BusyEvent e) => e.Private ? Conflict.PrivateTitle : e.Title;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static void Validate(MeetingProposal proposal)
    {
        if (proposal.End <= proposal.Start)
        {
            throw new ArgumentException($"A meeting must end after it starts ({proposal.Start:O}–{proposal.End:O}).", nameof(proposal));
        }
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    /// <summary>The instant an office-local time names (a time skipped by a clock change is read with the offset before it).</summary>
    private DateTimeOffset ToInstant(DateTime local) => new(local, _zone.GetUtcOffset(local));

    /// <summary>The office-local day as instants: 23 or 25 hours long on a clock-change day.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) =>
        (ToInstant(day.ToDateTime(TimeOnly.MinValue)), ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
