using OfficeBot.Cards.Views;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Cards.Tests;

/// <summary>Meeting requests and agendas as the application hands them to the cards, from plain to as heavy as a card must bear.</summary>
internal static class MeetingSamples
{
    public static readonly PersonView Requester = new("00000000-0000-0000-0000-000000000003", "李小華", "秘書處");

    /// <summary>M3 部務會議 on Tuesday 8 December 2026, 14:00–16:00 office time, with 王大明 in 第一會議室, pending.</summary>
    public static MeetingView Plain() => new()
    {
        Number = 3,
        Title = "部務會議",
        Start = Samples.Office(2026, 12, 8, 14),
        End = Samples.Office(2026, 12, 8, 16),
        Leaders = [Samples.Wang],
        Room = "第一會議室",
        Requester = Requester,
        Status = MeetingStatus.Pending,
        Revision = 2,
        CheckedAt = Samples.Office(2026, 12, 3, 9, 30),
        Alternatives = [Slot(9, 10, 12), Slot(10, 14, 16), Slot(11, 9, 11)],
    };

    /// <summary>A slot in December 2026, office time.</summary>
    public static Slot Slot(int day, int from, int to) => new(Samples.Office(2026, 12, day, from), Samples.Office(2026, 12, day, to));

    /// <summary>14:00–15:00 on the meeting's day.</summary>
    public static MeetingConflictView Conflict(ConflictKind kind) => kind switch
    {
        ConflictKind.Overlap => new(kind, At(14), At(15), Leader: "王大明", What: "預算審查會"),
        ConflictKind.Room => new(kind, At(14), At(15), Room: "第一會議室", What: "新春團拜籌備"),
        ConflictKind.Overload => new(kind, At(9), At(18), Leader: "王大明",
            Overload: new OverloadDetail(OverloadLimit.Count, 5, TimeSpan.FromHours(4), 4, TimeSpan.FromHours(5))),
        ConflictKind.DepartmentClash => new(kind, At(14), At(15), Leader: "王大明", What: "預算說明會", OtherMeeting: 7, Department: "秘書處", OtherDepartment: "財務處"),
        ConflictKind.OutsideWorkingHours => new(kind, At(9), At(18)),
        ConflictKind.NonWorkingDay => new(kind, At(0), At(0).AddDays(1), What: "行憲紀念日"),
        ConflictKind.CalendarUnavailable => new(kind, Samples.Office(2026, 12, 7, 8), At(16), Leader: "王大明", Problem: "行事曆來源回應 500"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MeetingConflictView Overload(OverloadLimit limit, TimeSpan time, int meetings = 3) =>
        new(ConflictKind.Overload, At(12, 30), At(16), Leader: "王大明",
            Overload: new OverloadDetail(limit, meetings, time, 4, limit == OverloadLimit.Chain ? TimeSpan.FromHours(3) : TimeSpan.FromHours(5)));

    public static DateTimeOffset At(int hour, int minute = 0) => Samples.Office(2026, 12, 8, hour, minute);

    public static IReadOnlySet<MeetingAction> Actions(params MeetingAction[] actions) => actions.ToHashSet();

    public static MeetingCardContext For(params MeetingAction[] actions) => new(Actions(actions), []);

    /// <summary>40 conflicts of every kind, long awkward names everywhere, every list full, every action open, 200 candidates.</summary>
    public static (MeetingView View, MeetingCardContext Context) Heavy()
    {
        var awkward = Samples.Awkward;
        var conflicts = Enumerable.Range(0, 40)
            .Select(i => new MeetingConflictView((ConflictKind)(i % 7), At(9).AddMinutes(i * 10), At(10).AddMinutes(i * 10),
                Leader: Samples.Repeat("領導" + i + awkward, 64), Room: Samples.Repeat(awkward, 64), What: Samples.Repeat("會議" + i + awkward, 300),
                OtherMeeting: i, Department: Samples.Repeat(awkward, 64), OtherDepartment: Samples.Repeat(awkward, 64),
                Overload: new OverloadDetail((OverloadLimit)(i % 3), 9, TimeSpan.FromMinutes(555), 4, TimeSpan.FromHours(5)),
                Problem: Samples.Repeat(awkward, 500)))
            .ToList();
        var view = Plain() with
        {
            Title = Samples.Repeat(awkward, 300),
            Leaders = Enumerable.Range(1, 10).Select(i => new PersonView($"l-{i}", Samples.Repeat("領導" + i + awkward, 64))).ToList(),
            Room = Samples.Repeat(awkward, 100),
            Requester = new PersonView("r", Samples.Repeat(awkward, 64), Samples.Repeat(awkward, 64)),
            Department = Samples.Repeat(awkward, 64),
            Urgent = true,
            UrgentConfirmedBy = new PersonView("d", Samples.Repeat(awkward, 64)),
            Conflicts = conflicts,
            NewConflicts = true,
            Resolved = conflicts.Take(20).ToList(),
            Overridden = conflicts.Take(20).ToList(),
            Alternatives = Enumerable.Range(1, 10).Select(i => Slot(10 + i % 5, 9, 10)).ToList(),
            DecidedBy = new PersonView("d", Samples.Repeat(awkward, 64)),
            DecidedAt = At(10),
            Reason = Samples.Repeat(awkward, 2000),
            DecisionMatters = Enumerable.Range(1, 50).ToList(),
            RecentHistory = Enumerable.Range(1, 50).Select(i => new HistoryLineView(At(9).AddMinutes(i), Samples.Repeat(awkward, 64), Samples.Repeat(awkward, 300))).ToList(),
        };
        var context = new MeetingCardContext(Enum.GetValues<MeetingAction>().ToHashSet(), Enumerable.Range(1, 100).Select(i => $"user-{i}").ToList(),
            Samples.Repeat(awkward, 5000))
        {
            Candidates = Roles.Candidates(200),
        };
        return (view, context);
    }

    /// <summary>A week from Monday 7 December 2026, Saturday and Sunday off, <paramref name="perDay"/> items a day of every kind, some in conflict.</summary>
    public static AgendaView Week(int perDay = 15, string? title = null) => new()
    {
        Leader = Samples.Wang,
        From = new DateOnly(2026, 12, 7),
        To = new DateOnly(2026, 12, 13),
        WorkingDays = Enumerable.Range(7, 5).Select(d => new DateOnly(2026, 12, d)).ToList(),
        Items = Enumerable.Range(7, 7)
            .SelectMany(day => Enumerable.Range(0, perDay).Select(i => new AgendaItem(
                Samples.Office(2026, 12, day, 8).AddMinutes(i * 40),
                Samples.Office(2026, 12, day, 8).AddMinutes(i * 40 + 30),
                i % 5 == 4 ? null : title ?? Samples.Repeat(Samples.Awkward, 100),
                (AgendaItemKind)(i % 3),
                Meeting: i % 3 == 0 ? null : 100 + i,
                Conflict: i % 4 == 1,
                Department: i % 3 == 2 ? Samples.Repeat(Samples.Awkward, 64) : null)))
            .ToList(),
    };
}
