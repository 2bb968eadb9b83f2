using System.Globalization;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// The supervision report (督辦通報): bars for the lights and the statuses, the overdue list most late first, and the
/// per-lead and per-department tables. Long lists are capped and summarised, so the card fits however large the office.
/// </summary>
public static class ReportCard
{
    public const int MaxOverdueRows = 15;

    public const int MaxGroupRows = 20;

    // Rows drawn generously, then tighter if awkward text would pass the size budget.
    private static readonly Caps[] Steps = [new(MaxOverdueRows, MaxGroupRows, 40, MaxListTitleLength), new(10, 12, 24, 40), new(5, 6, 16, 24)];

    private const int BarScale = 100;

    public static AdaptiveCard Build(ReportView report, Language language)
    {
        var text = CardText.For(language);
        AdaptiveCard card = null!;
        foreach (var caps in Steps)
        {
            card = Build(report, text, caps);
            if (card.Utf8Size() <= CardLimits.BudgetBytes)
            {
                break;
            }
        }

        return card;
    }

    private static AdaptiveCard Build(ReportView report, CardText text, Caps caps)
    {
        var card = FullWidthCard();
        card.Body.Add(new TextBlock(report.Heading) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading });
        card.Body.Add(new TextBlock(text.ReportTotal(report.OpenCount)) { IsSubtle = true, Spacing = Spacing.None });

        card.Body.Add(SectionHeading(text.ReportByLight));
        var mostByLight = Math.Max(1, report.ByLight.Max(l => (int?)l.Count) ?? 0);
        foreach (var light in report.ByLight)
        {
            card.Body.Add(Bar(text.LightName(light.Light), light.Count, mostByLight, BarStyle(light.Light)));
        }

        card.Body.Add(SectionHeading(text.ReportByStatus));
        var mostByStatus = Math.Max(1, report.ByStatus.Max(s => (int?)s.Count) ?? 0);
        foreach (var status in report.ByStatus)
        {
            card.Body.Add(Bar(text.StatusName(status.Status), status.Count, mostByStatus, ContainerStyle.Accent));
        }

        card.Body.Add(SectionHeading($"{text.ReportOverdue} ({report.Overdue.Count})"));
        if (report.Overdue.Count == 0)
        {
            card.Body.Add(new TextBlock(text.ReportNothingOverdue) { IsSubtle = true, Wrap = true });
        }

        foreach (var matter in report.Overdue.Take(caps.OverdueRows))
        {
            card.Body.Add(OverdueRow(matter, text, caps));
        }

        if (report.Overdue.Count > caps.OverdueRows)
        {
            card.Body.Add(new TextBlock(text.MoreMatters(report.Overdue.Count - caps.OverdueRows)) { IsSubtle = true });
        }

        card.Body.Add(SectionHeading(text.ReportByLead));
        card.Body.Add(GroupTable(text.Lead, report.ByLead, text.NotAssigned, text, caps));

        if (report.ByDepartment.Count > 0)
        {
            card.Body.Add(SectionHeading(text.ReportByDepartment));
            card.Body.Add(GroupTable(text.ReportByDepartment, report.ByDepartment, text.ReportNoDepartment, text, caps));
        }

        return card;
    }

    /// <summary>The rows a table shows: the first <paramref name="cap"/> less one, and one row summing the rest, so it never passes the cap.</summary>
    public static IReadOnlyList<ReportGroup> Capped(IReadOnlyList<ReportGroup> groups, int cap, Func<int, string> others)
    {
        if (groups.Count <= cap)
        {
            return groups;
        }

        var rest = groups.Skip(cap - 1).ToList();
        return [.. groups.Take(cap - 1), new ReportGroup(others(rest.Count), rest.Sum(g => g.Open), rest.Sum(g => g.Overdue))];
    }

    private static TextBlock SectionHeading(string title) =>
        new(title) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true };

    // A bar is a coloured column whose weight is the count, beside an empty one for the rest of the largest count:
    // the lengths compare at a glance, and the number stays beside it for anyone who wants it exactly.
    private static ColumnSet Bar(string label, int count, int most, ContainerStyle style)
    {
        var filled = count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * BarScale / most));
        var columns = new List<Column> { new() { Width = "110px", Items = [new TextBlock(label) { Size = FontSize.Small }] } };
        if (filled > 0)
        {
            columns.Add(new Column { Width = Number(filled), Style = style, Items = [new TextBlock(" ") { Size = FontSize.Small }] });
        }

        if (filled < BarScale)
        {
            columns.Add(new Column { Width = Number(BarScale - filled), Items = [new TextBlock(" ") { Size = FontSize.Small }] });
        }

        columns.Add(new Column { Width = "50px", Items = [new TextBlock(Number(count)) { Size = FontSize.Small, Weight = FontWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }] });
        return new ColumnSet { Spacing = Spacing.Small, Columns = columns };
    }

    private static ContainerStyle BarStyle(TrafficLight light) => light switch
    {
        TrafficLight.Red => ContainerStyle.Attention,
        TrafficLight.Yellow => ContainerStyle.Warning,
        _ => ContainerStyle.Good,
    };

    private static ColumnSet OverdueRow(OverdueMatter matter, CardText text, Caps caps) => new()
    {
        Separator = true,
        Spacing = Spacing.Small,
        Columns =
        [
            new Column { Width = Column.Auto, Items = [new TextBlock($"#{matter.Number}") { Weight = FontWeight.Bolder }] },
            new Column { Width = Column.Stretch, Items = [new TextBlock(Plain(matter.Title, caps.TitleLength)) { Wrap = true, MaxLines = 2 }] },
            new Column { Width = Column.Auto, Items = [new TextBlock(matter.LeadName is { } lead ? Plain(lead, caps.NameLength) : text.NotAssigned) { IsSubtle = true }] },
            new Column { Width = Column.Auto, Items = [new TextBlock(text.OverdueBy(matter.WorkingDaysLate)) { Color = TextColor.Attention }] },
        ],
    };

    private static Table GroupTable(string nameHeader, IReadOnlyList<ReportGroup> groups, string unnamed, CardText text, Caps caps)
    {
        var rows = Capped(groups, caps.GroupRows, text.ReportOthers);
        var othersRow = groups.Count > caps.GroupRows;
        var table = new Table
        {
            FirstRowAsHeader = true,
            ShowGridLines = false,
            Columns = [new TableColumnDefinition { Width = 4 }, new TableColumnDefinition { Width = 1 }, new TableColumnDefinition { Width = 1 }],
            Rows = [Row(nameHeader, text.ReportOpen, text.Lateness, bold: true)],
        };

        for (var i = 0; i < rows.Count; i++)
        {
            var group = rows[i];
            var others = othersRow && i == rows.Count - 1;
            var name = others ? group.Name! : group.Name is { } n ? Plain(n, caps.NameLength) : unnamed;
            table.Rows.Add(Row(name, Number(group.Open), Number(group.Overdue), bold: false, late: group.Overdue > 0));
        }

        return table;
    }

    private static TableRow Row(string name, string open, string overdue, bool bold, bool late = false) => new()
    {
        Cells =
        [
            new TableCell { Items = [new TextBlock(name) { Wrap = true, Weight = bold ? FontWeight.Bolder : null }] },
            new TableCell { Items = [new TextBlock(open) { Weight = bold ? FontWeight.Bolder : null }] },
            new TableCell { Items = [new TextBlock(overdue) { Weight = bold ? FontWeight.Bolder : null, Color = late ? TextColor.Attention : null }] },
        ],
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Caps(int OverdueRows, int GroupRows, int NameLength, int TitleLength);
}
