using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// A leader's day or week as a timeline a director reads at a glance: one block per day, each item a line with its
/// time, a coloured marker for where it comes from (calendar, approved through OfficeBot, pending request), its title
/// and conflicts in attention colours; free time within working hours between them. Calendars that could not be read
/// come first, in warning colours, and then no time is called free.
/// </summary>
public static class AgendaCard
{
    /// <summary>A gap shorter than this is not worth a line.</summary>
    private static readonly TimeSpan ShortestGap = TimeSpan.FromMinutes(30);

    /// <summary>How much a day shows, from generous to tight; the first that fits Teams' size limit is drawn.</summary>
    private sealed record Detail(int ItemsPerDay, bool Gaps, int Title);

    private static readonly Detail[] Steps = [new(40, true, 100), new(15, true, 60), new(12, false, 40), new(10, false, 40), new(6, false, 30), new(3, false, 20)];

    public static AdaptiveCard Build(AgendaView view, Language language)
    {
        var text = CardText.For(language);
        return CardLimits.Fit(Steps, detail => Draw(view, text, detail));
    }

    private static AdaptiveCard Draw(AgendaView view, CardText text, Detail detail)
    {
        var card = FullWidthCard();
        card.Body.Add(new TextBlock(text.AgendaOf(Plain(view.Leader.DisplayName, CardLimits.Normal.Name)))
        {
            Size = FontSize.Large,
            Weight = FontWeight.Bolder,
            Wrap = true,
            Style = TextBlockStyle.Heading,
        });
        card.Body.Add(new TextBlock(view.To == view.From ? Day(view.From, text) : Day(view.From, text) + " – " + Day(view.To, text))
        {
            IsSubtle = true,
            Wrap = true,
            Spacing = Spacing.None,
        });
        AddUnavailable(card.Body, view, text);
        card.Body.Add(Legend(text));

        for (var day = view.From; day <= view.To; day = day.AddDays(1))
        {
            card.Body.Add(DayBlock(view, day, text, detail));
        }

        return card;
    }

    private static void AddUnavailable(List<CardElement> body, AgendaView view, CardText text)
    {
        if (view.Unavailable.Count == 0)
        {
            return;
        }

        var items = new List<CardElement> { new TextBlock("⚠ " + text.CalendarsUnavailable) { Weight = FontWeight.Bolder, Wrap = true, Color = TextColor.Warning } };
        items.AddRange(view.Unavailable.Select(name => new TextBlock("• " + Plain(name, CardLimits.Normal.Note)) { Wrap = true, Spacing = Spacing.Small }));
        body.Add(new Container { Style = ContainerStyle.Warning, Spacing = Spacing.Medium, Items = items });
    }

    /// <summary>What the three markers mean, in the markers' own colours.</summary>
    private static RichTextBlock Legend(CardText text) => new()
    {
        Spacing = Spacing.Small,
        Inlines = Enum.GetValues<AgendaItemKind>()
            .SelectMany(kind => new[]
            {
                new TextRun(Marker) { Color = MarkerColor(kind), Size = FontSize.Small },
                new TextRun(text.AgendaKindName(kind) + "   ") { IsSubtle = true, Size = FontSize.Small },
            })
            .ToList(),
    };

    private const string Marker = "● ";

    private static TextColor MarkerColor(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Approved => TextColor.Good,
        AgendaItemKind.Pending => TextColor.Warning,
        _ => TextColor.Accent,
    };

    private static Container DayBlock(AgendaView view, DateOnly day, CardText text, Detail detail)
    {
        // An office that gave no working days marks no day off rather than every day.
        var working = view.WorkingDays.Count == 0 || view.WorkingDays.Contains(day);
        var items = new List<CardElement>
        {
            new TextBlock(working ? Day(day, text) : Day(day, text) + Dot + text.DayOff)
            {
                Weight = FontWeight.Bolder,
                Wrap = true,
                Color = working ? null : TextColor.Warning,
            },
        };

        var onDay = view.Items.Where(item => Covers(item, day)).ToList();
        if (onDay.Count == 0)
        {
            items.Add(new TextBlock(text.NoMeetings) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small });
            return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
        }

        // When a day holds more than fits, conflicts and pending requests are what a director must not miss.
        var shown = onDay
            .OrderByDescending(item => item.Conflict)
            .ThenByDescending(item => item.Kind == AgendaItemKind.Pending)
            .ThenBy(item => item.Start)
            .Take(detail.ItemsPerDay)
            .ToList();
        var rows = shown.Select(item => (Order: Order(item), Element: (CardElement)Row(item, text, detail))).ToList();
        if (detail.Gaps && working && view.Unavailable.Count == 0)
        {
            rows.AddRange(Gaps(view, day, onDay).Select(gap => (gap.Start, (CardElement)new TextBlock(text.Free(Range(gap.Start, gap.End)))
            {
                IsSubtle = true,
                Size = FontSize.Small,
                Spacing = Spacing.Small,
            })));
        }

        items.AddRange(rows.OrderBy(row => row.Order).Select(row => row.Element));
        if (onDay.Count > shown.Count)
        {
            items.Add(new TextBlock(text.MoreMatters(onDay.Count - shown.Count)) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small });
        }

        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }

    /// <summary>All-day items first, then by the time they start.</summary>
    private static DateTime Order(AgendaItem item) => item.AllDay ? DateTime.MinValue : item.Start.DateTime;

    /// <summary>
    /// "● 14:00–15:00  ⚠ M3 預算審查 · 待審批 · 秘書處 · ⚠ 衝突": marker, time, title (a private one as busy), and for a
    /// pending request its department. Text runs render no Markdown, so titles are clipped but not escaped.
    /// </summary>
    private static RichTextBlock Row(AgendaItem item, CardText text, Detail detail)
    {
        var title = Clip(item.Title is { Length: > 0 } t ? t : text.Busy, detail.Title);
        if (item.Meeting is { } number)
        {
            title = MeetingCard.Name(number) + " " + title;
        }

        var inlines = new List<TextRun>
        {
            new(Marker) { Color = MarkerColor(item.Kind) },
            new((item.AllDay ? text.AllDay : Range(item.Start.DateTime, item.End.DateTime)) + "  ") { Weight = FontWeight.Bolder },
            new(title) { Color = item.Conflict ? TextColor.Attention : null },
        };

        if (item.Kind == AgendaItemKind.Pending)
        {
            var meta = Dot + text.AgendaKindName(item.Kind);
            if (item.Department is { Length: > 0 } department)
            {
                meta += Dot + Clip(department, CardLimits.Minimal.Name);
            }

            inlines.Add(new TextRun(meta) { IsSubtle = true, Size = FontSize.Small });
        }

        if (item.Conflict)
        {
            inlines.Add(new TextRun("  " + text.ConflictMark) { Color = TextColor.Attention, Weight = FontWeight.Bolder, Size = FontSize.Small });
        }

        return new RichTextBlock { Spacing = Spacing.Small, Inlines = inlines };
    }

    /// <summary>Whether the item falls on <paramref name="day"/> (in its own office time); an item ending at midnight does not reach the next day.</summary>
    private static bool Covers(AgendaItem item, DateOnly day)
    {
        var first = DateOnly.FromDateTime(item.Start.DateTime);
        var last = DateOnly.FromDateTime(item.End.DateTime);
        if (item.End.TimeOfDay == TimeSpan.Zero && last > first)
        {
            last = last.AddDays(-1);
        }

        return first <= day && day <= last;
    }

    /// <summary>The free stretches of the working day not taken by any item; none on a day an all-day item fills.</summary>
    private static IEnumerable<(DateTime Start, DateTime End)> Gaps(AgendaView view, DateOnly day, List<AgendaItem> onDay)
    {
        if (onDay.Any(item => item.AllDay))
        {
            yield break;
        }

        var free = day.ToDateTime(view.WorkStart);
        var close = day.ToDateTime(view.WorkEnd);
        foreach (var item in onDay.OrderBy(item => item.Start))
        {
            var until = item.Start.DateTime < close ? item.Start.DateTime : close;
            if (until - free >= ShortestGap)
            {
                yield return (free, until);
            }

            if (item.End.DateTime > free)
            {
                free = item.End.DateTime;
            }
        }

        if (close - free >= ShortestGap)
        {
            yield return (free, close);
        }
    }

    private static string Range(DateTime start, DateTime end) =>
        CardText.FormatTimeRange(new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(end, TimeSpan.Zero));

    private static string Day(DateOnly day, CardText text) =>
        text.FormatDate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
