using System.Text;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public sealed class ReportCardTests
{
    /// <summary>An office as large as the report must bear: 200 departments, 5,000 open matters, long awkward names and titles.</summary>
    public static ReportView Huge(int departments = 200, int matters = 5_000)
    {
        var overdue = Enumerable.Range(1, matters / 3)
            .Select(i => new OverdueMatter(i, Samples.Repeat(Samples.Awkward, 200), Samples.Repeat(Samples.Awkward, 64), matters / 3 - i + 1))
            .ToList();
        var leads = Enumerable.Range(1, matters / 5).Select(i => new ReportGroup(Samples.Repeat(Samples.Awkward + i, 64), 5, i % 3)).ToList();
        var depts = Enumerable.Range(1, departments).Select(i => new ReportGroup(Samples.Repeat(Samples.Awkward + i, 100), matters / departments, i % 7)).ToList();
        return new ReportView
        {
            Heading = Samples.Repeat(Samples.Awkward, 100),
            ByStatus = [new(MatterStatus.Registered, matters / 5), new(MatterStatus.InProgress, matters * 3 / 5), new(MatterStatus.AwaitingReview, matters / 5)],
            ByLight = [new(TrafficLight.Green, matters / 3), new(TrafficLight.Yellow, matters - 2 * (matters / 3)), new(TrafficLight.Red, matters / 3)],
            Overdue = overdue,
            ByLead = leads,
            ByDepartment = depts,
        };
    }

    private static ReportView Small() => new()
    {
        Heading = "督辦通報",
        ByStatus = [new(MatterStatus.Registered, 1), new(MatterStatus.InProgress, 4), new(MatterStatus.AwaitingReview, 0)],
        ByLight = [new(TrafficLight.Green, 2), new(TrafficLight.Yellow, 1), new(TrafficLight.Red, 2)],
        Overdue = [new(7, "年度預算", "王大明", 5), new(3, "**urgent** [link](https://evil.example)", null, 1)],
        ByLead = [new("王大明", 3, 1), new(null, 2, 1)],
    };

    [Theory]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    [InlineData(Language.English)]
    public void Build_200DepartmentsAnd5000OpenMatters_ValidAndUnder28KB(Language language)
    {
        var card = ReportCard.Build(Huge(), language);

        CardSchema.AssertValid(card);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJson()) < CardSchema.MaxCardBytes);
    }

    [Fact]
    public void Build_PlainNamesInAHugeOffice_KeepsTheFullCaps()
    {
        var view = Huge() with
        {
            Overdue = Enumerable.Range(1, 2000).Select(i => new OverdueMatter(i, "年度預算審核", "王大明", 10)).ToList(),
            ByLead = Enumerable.Range(1, 1000).Select(i => new ReportGroup($"承辦人{i}", 5, 1)).ToList(),
            ByDepartment = Enumerable.Range(1, 200).Select(i => new ReportGroup($"部門{i}", 25, 2)).ToList(),
        };

        var texts = Rendered.Of(ReportCard.Build(view, Language.Traditional)).Texts;

        Assert.Contains($"#{ReportCard.MaxOverdueRows}", texts);
        Assert.DoesNotContain("#16", texts);
        Assert.Contains("另有 1985 項未列出", texts);
        Assert.Contains("承辦人19", texts);
        Assert.DoesNotContain("承辦人20", texts);
        Assert.Contains("其餘 981 個", texts);
        Assert.Contains("部門19", texts);
        Assert.Contains("其餘 181 個", texts);
    }

    [Fact]
    public void Capped_MoreGroupsThanTheCap_SumsTheRestIntoOneRow()
    {
        var groups = Enumerable.Range(1, 25).Select(i => new ReportGroup($"d{i}", i, 1)).ToList();

        var rows = ReportCard.Capped(groups, 20, n => $"{n} others");

        Assert.Equal(20, rows.Count);
        Assert.Equal(new ReportGroup("6 others", Enumerable.Range(20, 6).Sum(), 6), rows[^1]);
        Assert.Equal(groups.Sum(g => g.Open), rows.Sum(g => g.Open));
    }

    [Fact]
    public void Build_Bars_AreColouredColumnsProportionalToTheCounts()
    {
        var json = Rendered.Of(ReportCard.Build(Small(), Language.English)).Json;

        var bars = Rendered.Blocks(json)
            .Where(b => b["type"]?.GetValue<string>() == "Column" && b["style"] is not null)
            .Select(b => (Style: b["style"]!.GetValue<string>(), Width: b["width"]!.GetValue<string>()))
            .ToList();

        // Lights 2/1/2 of a largest 2, then statuses 1/4/0 of a largest 4 (a zero draws no bar).
        Assert.Equal([("good", "100"), ("warning", "50"), ("attention", "100"), ("accent", "25"), ("accent", "100")], bars);
    }

    [Fact]
    public void Build_OverdueRows_ShowLeadAndWorkingDaysLate_UserTextEscaped()
    {
        var texts = Rendered.Of(ReportCard.Build(Small(), Language.English)).Texts;

        Assert.Contains("5 working days overdue", texts);
        Assert.Contains("王大明", texts);
        Assert.Contains("Not assigned yet", texts);
        Assert.Contains(@"\*\*urgent\*\* \[link\](https://evil.example)", texts);
        Assert.Contains("5 open matters", texts);
        Assert.DoesNotContain("By department", texts);
    }

    [Fact]
    public void Build_NothingOverdue_SaysSo()
    {
        var texts = Rendered.Of(ReportCard.Build(Small() with { Overdue = [] }, Language.Simplified)).Texts;

        Assert.Contains("逾期事项 (0)", texts);
        Assert.Contains("没有逾期事项。", texts);
    }
}
