using System.Globalization;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// The supervision report (督辦通報): the last 7 days against the 7 before (with the on-time rates as bars), bars for the
/// lights and the statuses, the overdue list most late first, and the per-lead and per-department tables (open and
/// overdue now; completions on time, send-backs, extensions, urges and late receipts in the last 7 days). Long lists are
/// capped and summarised, so the card fits however large the office.
/// </summary>
public static class ReportCard
{
    public const int MaxOverdueRows = 15;

    // Eight columns a row: twelve rows (the last summing the rest) in both tables keep an office of 200 departments and
    // 1,000 leads, with 15 overdue rows, under the budget (26 KB measured) at the first try.
    public const int MaxGroupRows = 12;

    // Rows drawn generously, then tighter if awkward text would pass the size budget.
    private static readonly Caps[] Steps = [new(MaxOverdueRows, MaxGroupRows, 40, MaxListTitleLength), new(10, 10, 24, 40), new(5, 6, 16, 24)];

    private const int BarScale = 100;

    /// <summary>Shown for a rate with nothing to count (no completion in the week).</summary>
    public const string NoRate = "—";

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

        if (report.Weeks is { } weeks)
        {
            card.Body.Add(SectionHeading(text.ReportWeekOnWeek));
            card.Body.Add(WeekTable(weeks, text));
            card.Body.Add(SectionHeading(text.ReportOnTimeRate));
            card.Body.Add(RateBar(text.ReportThisWeek, weeks.ThisWeek.OnTimePercent));
            card.Body.Add(RateBar(text.ReportWeekBefore, weeks.WeekBefore.OnTimePercent));
        }

        card.Body.Add(SectionHeading(text.ReportByLight));
        var mostByLight = Math.Max(1, report.ByLight.Max(l => (int?)l.Count) ?? 0);
        foreach (var light in report.ByLight)
        {
            card.Body.Add(Bar(text.LightName(light.Light), Filled(light.Count, mostByLight), Number(light.Count), BarStyle(light.Light)));
        }

        card.Body.Add(SectionHeading(text.ReportByStatus));
        var mostByStatus = Math.Max(1, report.ByStatus.Max(s => (int?)s.Count) ?? 0);
        foreach (var status in report.ByStatus)
        {
            card.Body.Add(Bar(text.StatusName(status.Status), Filled(status.Count, mostByStatus), Number(status.Count), ContainerStyle.Accent));
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

        card.Body.Add(new TextBlock(text.ReportColumnsNote) { IsSubtle = true, Wrap = true, Size = FontSize.Small, Spacing = Spacing.Small });

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
        return
        [
            .. groups.Take(cap - 1),
            new ReportGroup(others(rest.Count), rest.Sum(g => g.Open), rest.Sum(g => g.Overdue), rest.Sum(g => g.Completed), rest.Sum(g => g.CompletedOnTime),
                rest.Sum(g => g.SendBacks), rest.Sum(g => g.Extensions), rest.Sum(g => g.Urges), rest.Sum(g => g.LateReceipts)),
        ];
    }

    private static TextBlock SectionHeading(string title) =>
        new(title) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true };

    // A bar is a coloured column whose weight is the count, beside an empty one for the rest of the largest count:
    // the lengths compare at a glance, and the number stays beside it for anyone who wants it exactly.
    private static ColumnSet Bar(string label, int filled, string value, ContainerStyle style)
    {
        var columns = new List<Column> { new() { Width = "110px", Items = [new TextBlock(label) { Size = FontSize.Small }] } };
        if (filled > 0)
        {
            columns.Add(new Column { Width = Number(filled), Style = style, Items = [new TextBlock(" ") { Size = FontSize.Small }] });
        }

        if (filled < BarScale)
        {
            columns.Add(new Column { Width = Number(BarScale - filled), Items = [new TextBlock(" ") { Size = FontSize.Small }] });
        }

        columns.Add(new Column { Width = "50px", Items = [new TextBlock(value) { Size = FontSize.Small, Weight = FontWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }] });
        return new ColumnSet { Spacing = Spacing.Small, Columns = columns };
    }

    private static int Filled(int count, int most) => count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * BarScale / most));

    // A rate is a bar of the whole width: 100 % fills it. Good when at least four in five were on time, else a warning.
    private static ColumnSet RateBar(string label, int? percent) =>
        Bar(label, percent is { } p ? Filled(p, BarScale) : 0, Percent(percent), percent >= GoodOnTimePercent ? ContainerStyle.Good : ContainerStyle.Warning);

    private const int GoodOnTimePercent = 80;

    /// <summary>"80%", or <see cref="NoRate"/> when nothing was completed.</summary>
    public static string Percent(int? percent) => percent is { } p ? Number(p) + "%" : NoRate;

    /// <summary>"▲3", "▼2", or "0" when nothing changed.</summary>
    public static string Change(int now, int before) => (now - before) switch
    {
        > 0 and var up => "▲" + Number(up),
        < 0 and var down => "▼" + Number(-down),
        _ => "0",
    };

    private static string Change(int? now, int? before) => now is { } n && before is { } b ? Change(n, b) : NoRate;

    private static Table WeekTable(WeekOnWeek weeks, CardText text)
    {
        var (now, before) = (weeks.ThisWeek, weeks.WeekBefore);
        var table = new Table
        {
            FirstRowAsHeader = true,
            ShowGridLines = false,
            Columns = [new TableColumnDefinition { Width = 3 }, new TableColumnDefinition { Width = 2 }, new TableColumnDefinition { Width = 2 }, new TableColumnDefinition { Width = 2 }],
            Rows = [Row(true, text.ReportMeasure, text.ReportThisWeek, text.ReportWeekBefore, text.ReportChange)],
        };

        void Count(string name, int a, int b) => table.Rows.Add(Row(false, name, Number(a), Number(b), Change(a, b)));
        Count(text.ReportRegistered, now.Registered, before.Registered);
        Count(text.ReportCompleted, now.Completed, before.Completed);
        table.Rows.Add(Row(false, text.ReportOnTime, Percent(now.OnTimePercent), Percent(before.OnTimePercent), Change(now.OnTimePercent, before.OnTimePercent)));
        Count(text.ReportSendBacks, now.SendBacks, before.SendBacks);
        Count(text.ReportExtensions, now.Extensions, before.Extensions);
        Count(text.ReportUrges, now.Urges, before.Urges);
        Count(text.ReportLateReceipts, now.LateReceipts, before.LateReceipts);
        return table;
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
            Columns = [new TableColumnDefinition { Width = 3 }, .. Enumerable.Range(0, 7).Select(_ => new TableColumnDefinition { Width = 1 })],
            Rows =
            [
                Row(true, nameHeader, text.ReportOpen, text.Lateness, text.ReportOnTime, text.ReportSendBacks, text.ReportExtensions, text.ReportUrges, text.ReportLateReceipts),
            ],
        };

        for (var i = 0; i < rows.Count; i++)
        {
            var group = rows[i];
            var others = othersRow && i == rows.Count - 1;
            var name = others ? group.Name! : group.Name is { } n ? Plain(n, caps.NameLength) : unnamed;
            var row = Row(false, name, Number(group.Open), Number(group.Overdue), Percent(group.OnTimePercent), Number(group.SendBacks), Number(group.Extensions),
                Number(group.Urges), Number(group.LateReceipts));
            if (group.Overdue > 0)
            {
                row.Cells[2] = Cell(Number(group.Overdue), bold: false, color: TextColor.Attention);
            }

            table.Rows.Add(row);
        }

        return table;
    }

    // Headers and names wrap; numbers are short and go without, as every byte of a cell counts 30 times over.
    private static TableRow Row(bool header, params string[] cells) => new() { Cells = [.. cells.Select((c, i) => Cell(c, header, wrap: header || i == 0))] };

    private static TableCell Cell(string text, bool bold, bool wrap = false, TextColor? color = null) => new()
    {
        Items = [new TextBlock(text) { Wrap = wrap, Weight = bold ? FontWeight.Bolder : null, Color = color }],
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Caps(int OverdueRows, int GroupRows, int NameLength, int TitleLength);
}
