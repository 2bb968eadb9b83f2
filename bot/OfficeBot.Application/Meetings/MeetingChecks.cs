using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Application.Office;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// What is known of some leaders' time in a window: each leader's calendar as the sources read it, OfficeBot's own
/// meetings holding time there, and both combined for the checker.
/// </summary>
public sealed record CalendarRead(string TenantId, IReadOnlyDictionary<string, LeaderCalendar> Leaders, IReadOnlyList<MeetingSummary> Meetings, MeetingCalendars Calendars)
{
    /// <summary>Why each unavailable leader's calendar could not be read, by leader id.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; } = Leaders.Values.Where(c => !c.IsAvailable)
        .ToDictionary(c => c.LeaderObjectId, c => c.Problem ?? string.Empty, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Checks a meeting against the leaders' calendars from every source, OfficeBot's approved meetings, the rooms'
/// bookings and the other departments' pending requests (SPEC §4), with the office's rules (<c>Office:Meetings</c>).
/// </summary>
public sealed class MeetingChecks(ILeaderCalendarSource sources, MeetingRepository repository, OfficeTime time, IOptionsMonitor<OfficeOptions> office)
{
    /// <summary>Calendar days read for alternatives: 10 working days with a week-long holiday in between still fit.</summary>
    public const int AlternativeWindowDays = 31;

    /// <summary>The proposal of a stored meeting: its id keeps it from colliding with itself.</summary>
    public static MeetingProposal ProposalOf(MeetingState state) =>
        new(Meeting.IdOf(state.Number), state.Title, state.Start, state.End, state.Leaders.Select(l => l.ObjectId).ToList(), DepartmentOf(state.Department, state.Requester),
            state.Room);

    /// <summary>A request without a department stands for its requester, so two people's requests still clash.</summary>
    public static string DepartmentOf(string? department, Domain.Office.Person requester) => department ?? requester.DisplayName;

    /// <summary>The conflicts of <paramref name="proposal"/> now, and — when it has any and <paramref name="withAlternatives"/> — the free slots on offer.</summary>
    public async Task<MeetingCheck> CheckAsync(string tenantId, MeetingProposal proposal, bool withAlternatives, CancellationToken cancellationToken)
    {
        var from = DayStart(proposal.Start);
        var to = from.AddDays(withAlternatives ? AlternativeWindowDays : 2);
        return Check(proposal, await ReadAsync(tenantId, proposal.Leaders, from, to, cancellationToken), withAlternatives);
    }

    /// <summary>
    /// The window a read must cover to check, with alternatives, every meeting starting in [<paramref name="from"/>,
    /// <paramref name="to"/>): from the first one's day to the last one's alternatives.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) WindowFor(DateTimeOffset from, DateTimeOffset to) => (DayStart(from), DayStart(to).AddDays(AlternativeWindowDays + 1));

    /// <summary>
    /// Checks <paramref name="proposal"/> against calendars read once for many checks (the sync reads every leader once
    /// per round, not once per meeting); <paramref name="read"/> must cover the proposal's day and, with alternatives, the
    /// days they are looked for in.
    /// </summary>
    public MeetingCheck Check(MeetingProposal proposal, CalendarRead read, bool withAlternatives)
    {
        var checker = new ConflictChecker(time.Calendar, time.Zone, office.CurrentValue.Meetings.ToRules(read.TenantId));
        var conflicts = checker.Check(proposal, read.Calendars).Select(c => MeetingConflict.From(c, read.Problems, time.Zone)).ToList();
        var alternatives = withAlternatives && conflicts.Count > 0 ? checker.Alternatives(proposal, read.Calendars, time.Now) : [];
        return new MeetingCheck(conflicts, alternatives, time.Now);
    }

    /// <summary>Reads the leaders' calendars and OfficeBot's meetings in [<paramref name="from"/>, <paramref name="to"/>) and combines them.</summary>
    public async Task<CalendarRead> ReadAsync(string tenantId, IReadOnlyCollection<string> leaders, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(leaders.Distinct(StringComparer.OrdinalIgnoreCase).Select(l => sources.ReadAsync(l, from, to, cancellationToken)));
        var meetings = await repository.HoldingTimeAsync(tenantId, from, to, cancellationToken);
        var approved = meetings.Where(m => m.Status == MeetingStatus.Approved).ToList();
        var schedules = read.Select(calendar => new LeaderSchedule(
            calendar.LeaderObjectId,
            calendar.Busy.Select(b => new BusyEvent(b.Id, b.Title, b.Start, b.End, b.Source, Private: b.Private, AllDay: b.AllDay))
                .Concat(approved.Where(m => m.Leaders.Any(l => l.Is(calendar.LeaderObjectId))).Select(EventOf)),
            calendar.UnavailableSince));
        var rooms = new RoomSchedule(approved.Where(m => m.Room is not null).Select(EventOf));
        var pending = meetings.Where(m => m.Status == MeetingStatus.Pending)
            .Select(m => new MeetingProposal(Meeting.IdOf(m.Number), m.Title, m.Start, m.End, m.Leaders.Select(l => l.ObjectId).ToList(), DepartmentOf(m.Department, m.Requester), m.Room))
            .ToList();
        return new CalendarRead(tenantId, read.ToDictionary(c => c.LeaderObjectId, StringComparer.OrdinalIgnoreCase), meetings, new MeetingCalendars(schedules, rooms, pending));
    }

    /// <summary>Office-local midnight of the day <paramref name="instant"/> falls on.</summary>
    public DateTimeOffset DayStart(DateTimeOffset instant)
    {
        var day = time.ToLocal(instant).Date;
        return new DateTimeOffset(day, time.Zone.GetUtcOffset(day));
    }

    private static BusyEvent EventOf(MeetingSummary meeting) =>
        new(Meeting.IdOf(meeting.Number), meeting.Title, meeting.Start, meeting.End, "officebot", meeting.Room);
}
