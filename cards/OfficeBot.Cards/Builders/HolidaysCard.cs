using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>The office calendar's coming holidays and make-up working days, one row per run of days with the same name.</summary>
public static class HolidaysCard
{
    public const int MaxRows = 20;

    public static AdaptiveCard Build(string heading, IReadOnlyList<CalendarDay> days, Language language, string emptyText)
    {
        var text = CardText.For(language);
        var card = FullWidthCard();
        card.Body.Add(new TextBlock(heading) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading });

        var runs = Runs(days);
        if (runs.Count == 0)
        {
            card.Body.Add(new TextBlock(emptyText) { Wrap = true, IsSubtle = true });
            return card;
        }

        foreach (var run in runs.Take(MaxRows))
        {
            card.Body.Add(Row(run, text));
        }

        if (runs.Count > MaxRows)
        {
            card.Body.Add(new TextBlock(text.MoreMatters(runs.Count - MaxRows)) { IsSubtle = true, Separator = true });
        }

        return card;
    }

    /// <summary>Consecutive days of one kind and name (春節 15–23 Feb) read as one row.</summary>
    public static IReadOnlyList<(DateOnly First, DateOnly Last, CalendarDay Day)> Runs(IReadOnlyList<CalendarDay> days)
    {
        var runs = new List<(DateOnly First, DateOnly Last, CalendarDay Day)>();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Last.AddDays(1) == day.Date && last.Day.Kind == day.Kind && last.Day.Name == day.Name)
            {
                runs[^1] = (last.First, day.Date, last.Day);
            }
            else
            {
                runs.Add((day.Date, day.Date, day));
            }
        }

        return runs;
    }

    private static ColumnSet Row((DateOnly First, DateOnly Last, CalendarDay Day) run, CardText text)
    {
        var workday = run.Day.Kind == CalendarDayKind.MakeUpWorkday;
        var kind = workday ? text.MakeUpWorkday : text.DayOff;
        var dates = run.First == run.Last ? Short(run.First, text) : $"{Short(run.First, text)} – {Short(run.Last, text)}";
        return new ColumnSet
        {
            Separator = true,
            Spacing = Spacing.Small,
            Columns =
            [
                new Column { Width = Column.Stretch, Items = [new TextBlock(dates) { Weight = FontWeight.Bolder, Wrap = true }] },
                new Column { Width = Column.Stretch, Items = [new TextBlock(Plain(run.Day.Name is { Length: > 0 } name ? name : kind, MaxListTitleLength)) { Wrap = true, MaxLines = 2 }] },
                new Column { Width = Column.Auto, Items = [new TextBlock(kind) { Color = workday ? TextColor.Warning : TextColor.Good }] },
            ],
        };
    }

    private static string Short(DateOnly day, CardText text) => text.FormatShortDate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
