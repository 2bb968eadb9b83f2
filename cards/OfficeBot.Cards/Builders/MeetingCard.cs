using System.Globalization;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// The card of one meeting request: when, who and where, where it stands, every conflict found (who, what, when, why),
/// the free alternatives, and the viewer's buttons. Meetings are numbered M1, M2… so they are not taken for matters (#12).
/// </summary>
public static class MeetingCard
{
    public const int MaxHistoryLines = 5;

    /// <summary>The alternatives listed, each with its own "move to" button.</summary>
    public const int MaxAlternatives = 3;

    /// <summary>
    /// How much the card carries, from generous to tight: user text is clipped harder first, then the conflicts that are
    /// resolved or were overridden are cut to a few, and only as a last resort the current ones.
    /// </summary>
    private sealed record Detail(CardLimits Limits, int Conflicts, int Earlier);

    private static readonly Detail[] Steps =
    [
        new(CardLimits.Normal, int.MaxValue, int.MaxValue),
        new(CardLimits.Compact, int.MaxValue, int.MaxValue),
        new(CardLimits.Minimal, int.MaxValue, int.MaxValue),
        new(CardLimits.Minimal, int.MaxValue, 5),
        new(CardLimits.Minimal, 20, 0),
    ];

    public static AdaptiveCard Build(MeetingView view, Language language, MeetingCardContext context)
    {
        var text = CardText.For(language);
        return CardLimits.Fit(Steps, detail =>
        {
            var card = FullWidthCard();
            card.Refresh = Refresh(view, context);
            MatterSections.AddNotice(card.Body, context.Notice, context.Tone);
            AddContent(card.Body, view, text, detail);
            card.Actions = RoleActions.Fold(new MeetingActions(view, text, context, detail.Limits).Draw(), text.ActMore);
            return card;
        });
    }

    /// <summary>"M3": how a meeting is named on cards and in commands.</summary>
    public static string Name(int number) => "M" + number.ToString(CultureInfo.InvariantCulture);

    internal static MeetingActionData Data(MeetingView view) => new(view.Number, view.Revision);

    /// <summary>"Tue 9 Dec 14:00–16:00": an alternative as its list line and its button name it.</summary>
    internal static string SlotLabel(Slot slot, CardText text) =>
        text.FormatShortDate(DayOf(slot.Start)) + " " + CardText.FormatTimeRange(slot.Start, slot.End);

    internal static IReadOnlyList<Slot> ShownAlternatives(MeetingView view) => view.Alternatives.Take(MaxAlternatives).ToList();

    private static CardRefresh? Refresh(MeetingView view, MeetingCardContext context)
    {
        var users = MatterSections.RefreshUsers(context.RefreshUserIds);
        return users.Count == 0
            ? null
            : new CardRefresh { Action = new ExecuteAction { Verb = MeetingVerbs.Refresh, Data = Data(view) }, UserIds = users };
    }

    private static void AddContent(List<CardElement> body, MeetingView view, CardText text, Detail detail)
    {
        var limits = detail.Limits;
        body.Add(Header(view, text));
        AddStatus(body, view, text, limits);
        body.Add(Facts(view, text, limits));
        AddConflicts(body, view, text, detail);
        AddAlternatives(body, view, text);
        if (view.DecisionMatters.Count > 0)
        {
            body.Add(new TextBlock(text.DecisionsRegistered(view.DecisionMatters)) { Wrap = true, Separator = true });
        }

        MatterSections.AddHistory(body, view.RecentHistory, view.RecentHistory.Count, text, limits, MaxHistoryLines, text.RecentHistory);
    }

    private static ColumnSet Header(MeetingView view, CardText text) => new()
    {
        Columns =
        [
            new Column
            {
                Width = Column.Auto,
                Items = [new TextBlock(text.Meeting + " " + Name(view.Number)) { Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Accent }],
            },
            new Column
            {
                Width = Column.Stretch,
                Items = [new TextBlock(Plain(view.Title, MaxTitleLength)) { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }],
            },
        ],
    };

    /// <summary>Where the request stands, who decided and when, and the reason they gave.</summary>
    private static void AddStatus(List<CardElement> body, MeetingView view, CardText text, CardLimits limits)
    {
        var parts = new List<string> { text.MeetingStatusName(view.Status) };
        if (view.Status != MeetingStatus.Pending && view.DecidedBy is { } who)
        {
            parts.Add(Plain(who.DisplayName, limits.Name));
        }

        if (view.Status != MeetingStatus.Pending && view.DecidedAt is { } at)
        {
            parts.Add(CardText.FormatTimestamp(at));
        }

        body.Add(new TextBlock(string.Join(Dot, parts))
        {
            Size = FontSize.Medium,
            Weight = FontWeight.Bolder,
            Wrap = true,
            Spacing = Spacing.Small,
            Color = view.Status switch
            {
                MeetingStatus.Approved => TextColor.Good,
                MeetingStatus.Pending or MeetingStatus.SentBack => TextColor.Warning,
                MeetingStatus.Rejected => TextColor.Attention,
                _ => null,
            },
        });

        if (!string.IsNullOrWhiteSpace(view.Reason))
        {
            body.Add(new TextBlock(text.Reason + text.Colon + Plain(view.Reason, limits.Note)) { Wrap = true, Spacing = Spacing.Small });
        }
    }

    private static FactSet Facts(MeetingView view, CardText text, CardLimits limits)
    {
        var facts = new List<Fact> { new(text.MeetingTime, TimeOf(view, text)) };
        if (view.Leaders.Count > 0)
        {
            facts.Add(new Fact(text.MeetingLeaders, string.Join(text.ListSeparator, view.Leaders.Select(l => Plain(l.DisplayName, limits.Name)))));
        }

        if (!string.IsNullOrWhiteSpace(view.Room))
        {
            facts.Add(new Fact(text.MeetingRoom, Plain(view.Room, limits.Name)));
        }

        // The department asking for the meeting, which a 撞車 is about, before the requester's own.
        var requester = Plain(view.Requester.DisplayName, limits.Name);
        if ((view.Department ?? view.Requester.Department) is { Length: > 0 } department)
        {
            requester += Dot + Plain(department, limits.Name);
        }

        facts.Add(new Fact(text.Requester, requester));
        facts.Add(new Fact(text.Urgency, !view.Urgent
            ? text.UrgencyName(Urgency.Normal)
            : text.UrgencyName(Urgency.Urgent) + Dot + (view.UrgentConfirmedBy is { } director
                ? text.UrgentConfirmedBy(Plain(director.DisplayName, limits.Name))
                : text.UrgentAwaitingConfirmation)));
        if (view.CheckedAt is { } checkedAt)
        {
            facts.Add(new Fact(text.CheckedAt, CardText.FormatTimestamp(checkedAt)));
        }

        return new FactSet { Facts = facts, Separator = true };
    }

    /// <summary>"2026年12月8日（週二） 14:00–16:00"; a meeting running past midnight names both days.</summary>
    private static string TimeOf(MeetingView view, CardText text) =>
        DateOnly.FromDateTime(view.Start.DateTime) == DateOnly.FromDateTime(view.End.DateTime)
            ? text.FormatDate(DayOf(view.Start)) + " " + CardText.FormatTimeRange(view.Start, view.End)
            : text.FormatDate(view.Start) + " – " + text.FormatDate(view.End);

    private static void AddConflicts(List<CardElement> body, MeetingView view, CardText text, Detail detail)
    {
        var limits = detail.Limits;
        if (view.NewConflicts)
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Attention,
                Spacing = Spacing.Medium,
                Items = [new TextBlock("⚠ " + text.NewConflictsFound) { Weight = FontWeight.Bolder, Wrap = true, Color = TextColor.Attention }],
            });
        }

        if (view.Conflicts.Count > 0)
        {
            body.Add(new TextBlock("⚠ " + text.ConflictCount(view.Conflicts.Count)) { Weight = FontWeight.Bolder, Color = TextColor.Warning, Wrap = true, Separator = true });
            AddLines(body, view.Conflicts, detail.Conflicts, "• ", view, text, limits, TextColor.Warning);
        }
        else if (view.Status is MeetingStatus.Pending or MeetingStatus.Approved)
        {
            body.Add(new TextBlock("✓ " + text.NoConflicts) { Color = TextColor.Good, Wrap = true, Separator = true });
        }

        if (view.Resolved.Count > 0)
        {
            body.Add(new TextBlock(text.ConflictsResolved) { Weight = FontWeight.Bolder, Color = TextColor.Good, Wrap = true, Separator = true });
            AddLines(body, view.Resolved, detail.Earlier, "✓ ", view, text, limits, null, subtle: true);
        }

        if (view.Overridden.Count > 0)
        {
            var director = view.DecidedBy is { } who ? Plain(who.DisplayName, limits.Name) : null;
            body.Add(new TextBlock(text.OverriddenConflicts(view.Overridden.Count, director)) { Weight = FontWeight.Bolder, Wrap = true, Separator = true });
            AddLines(body, view.Overridden, detail.Earlier, "• ", view, text, limits, null, subtle: true);
        }
    }

    /// <summary>The first <paramref name="max"/> conflicts, a line each, and how many more there are.</summary>
    private static void AddLines(List<CardElement> body, IReadOnlyList<MeetingConflictView> conflicts, int max, string bullet, MeetingView view, CardText text,
        CardLimits limits, TextColor? color, bool subtle = false)
    {
        foreach (var conflict in conflicts.Take(max))
        {
            body.Add(new TextBlock(bullet + Describe(conflict, view, text, limits)) { Wrap = true, Spacing = Spacing.Small, Color = color, IsSubtle = subtle });
        }

        if (conflicts.Count > max)
        {
            body.Add(new TextBlock(text.MoreMatters(conflicts.Count - max)) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small });
        }
    }

    private static void AddAlternatives(List<CardElement> body, MeetingView view, CardText text)
    {
        var shown = ShownAlternatives(view);
        if (shown.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(text.Alternatives) { Weight = FontWeight.Bolder, Separator = true });
        body.AddRange(shown.Select(slot => new TextBlock("• " + SlotLabel(slot, text)) { Spacing = Spacing.Small }));
    }

    /// <summary>One conflict as a sentence naming who, what, when and why, every user-written part escaped.</summary>
    internal static string Describe(MeetingConflictView conflict, MeetingView view, CardText text, CardLimits limits)
    {
        var when = When(conflict.Start, conflict.End, view, text);
        var leader = Plain(conflict.Leader ?? "", limits.Name);
        var room = Plain(conflict.Room ?? view.Room ?? "", limits.Name);
        return conflict.Kind switch
        {
            ConflictKind.Overlap => text.ConflictOverlap(leader, What(conflict, limits), when),
            ConflictKind.Room => text.ConflictRoom(room, What(conflict, limits), when),
            ConflictKind.Overload when conflict.Overload is { } load => load.Limit switch
            {
                OverloadLimit.Count => text.OverloadCount(leader, load.Meetings, load.MaxMeetings),
                OverloadLimit.Hours => text.OverloadHours(leader, load.Time, load.MaxTime),
                _ => text.OverloadChain(leader, load.Time, load.MaxTime, when),
            },
            ConflictKind.DepartmentClash => text.DepartmentClash(
                OtherRequest(conflict, text, limits),
                conflict.OtherDepartment is { Length: > 0 } other ? Plain(other, limits.Name) : null,
                conflict.Leader is not null ? text.SameLeader(leader) : text.SameRoom(room),
                when),
            ConflictKind.OutsideWorkingHours => text.OutsideWorkingHours(CardText.FormatTimeRange(conflict.Start, conflict.End)),
            ConflictKind.NonWorkingDay => text.NonWorkingDay(text.FormatDate(DayOf(conflict.Start)), What(conflict, limits)),
            ConflictKind.CalendarUnavailable => text.CalendarUnavailable(leader, text.FormatShortDate(conflict.Start),
                conflict.Problem is { Length: > 0 } problem ? Plain(problem, limits.Note) : null),

            // An overload without its detail still says who is busy when.
            _ => text.ConflictOverlap(leader, null, when),
        };
    }

    /// <summary>The other event's title; null for a private one, which the sentence calls busy.</summary>
    private static string? What(MeetingConflictView conflict, CardLimits limits) =>
        conflict.What is { Length: > 0 } what && what != Conflict.PrivateTitle ? Plain(what, limits.Name) : null;

    /// <summary>"M7 預算審查": the other department's request.</summary>
    private static string OtherRequest(MeetingConflictView conflict, CardText text, CardLimits limits)
    {
        var title = What(conflict, limits) ?? text.Busy;
        return conflict.OtherMeeting is { } number ? Name(number) + " " + title : title;
    }

    /// <summary>"14:00–15:00", with the day in front when it is not the meeting's.</summary>
    private static string When(DateTimeOffset start, DateTimeOffset end, MeetingView view, CardText text)
    {
        var range = CardText.FormatTimeRange(start, end);
        return DateOnly.FromDateTime(start.DateTime) == DateOnly.FromDateTime(view.Start.DateTime)
            ? range
            : text.FormatShortDate(DayOf(start)) + " " + range;
    }

    /// <summary>The start of the day <paramref name="when"/> falls on, in its own offset (so dates show without a time).</summary>
    internal static DateTimeOffset DayOf(DateTimeOffset when) => new(when.Date, when.Offset);
}
