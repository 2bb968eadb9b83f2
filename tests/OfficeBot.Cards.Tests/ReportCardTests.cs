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
        var leads = Enumerable.Range(1, matters / 5).Select(i => new ReportGroup(Samples.Repeat(Samples.Awkward + i, 64), 5, i % 3, 12, 7, 3, 2, 14, 5)).ToList();
        var depts = Enumerable.Range(1, departments)
            .Select(i => new ReportGroup(Samples.Repeat(Samples.Awkward + i, 100), matters / departments, i % 7, 1234, 1001, 123, 45, 678, 90))
            .ToList();
        return new ReportView
        {
            Heading = Samples.Repeat(Samples.Awkward, 100),
            ByStatus = [new(MatterStatus.Registered, matters / 5), new(MatterStatus.InProgress, matters * 3 / 5), new(MatterStatus.AwaitingReview, matters / 5)],
            ByLight = [new(TrafficLight.Green, matters / 3), new(TrafficLight.Yellow, matters - 2 * (matters / 3)), new(TrafficLight.Red, matters / 3)],
            Overdue = overdue,
            ByLead = leads,
            ByDepartment = depts,
            Weeks = new WeekOnWeek(new ReportWeek(12345, 23456, 12345, 3456, 4567, 56789, 6789), new ReportWeek(12346, 23457, 12346, 3457, 4568, 56790, 6790)),
        };
    }

    /// <summary>An office of 200 departments and 1,000 leads, with thousands overdue and every column counted.</summary>
    public static ReportView PlainHuge() => Huge() with
    {
        Overdue = Enumerable.Range(1, 2000).Select(i => new OverdueMatter(i, "年度預算審核", "王大明", 10)).ToList(),
        ByLead = Enumerable.Range(1, 1000).Select(i => new ReportGroup($"承辦人{i}", 5, 1, 4, 3, 1, 1, 2, 1)).ToList(),
        ByDepartment = Enumerable.Range(1, 200).Select(i => new ReportGroup($"部門{i}", 25, 2, 20, 15, 3, 2, 9, 4)).ToList(),
    };

    private static ReportView Small() => new()
    {
        Heading = "督辦通報",
        ByStatus = [new(MatterStatus.Registered, 1), new(MatterStatus.InProgress, 4), new(MatterStatus.AwaitingReview, 0)],
        ByLight = [new(TrafficLight.Green, 2), new(TrafficLight.Yellow, 1), new(TrafficLight.Red, 2)],
        Overdue = [new(7, "年度預算", "王大明", 5), new(3, "**urgent** [link](https://evil.example)", null, 1)],
        ByLead = [new("王大明", 3, 1, Completed: 4, CompletedOnTime: 3, SendBacks: 1, Extensions: 2, Urges: 5, LateReceipts: 1), new(null, 2, 1)],
    };

    private static ReportView WithWeeks() => Small() with
    {
        Weeks = new WeekOnWeek(
            new ReportWeek(Registered: 6, Completed: 4, CompletedOnTime: 3, SendBacks: 1, Extensions: 2, Urges: 5, LateReceipts: 1),
            new ReportWeek(Registered: 8, Completed: 5, CompletedOnTime: 2, SendBacks: 1, Extensions: 0, Urges: 7, LateReceipts: 0)),
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

    [Theory]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    [InlineData(Language.English)]
    public void Build_200DepartmentsAnd1000LeadsWithEveryColumn_ValidAndUnder28KB(Language language)
    {
        var card = ReportCard.Build(PlainHuge(), language);

        CardSchema.AssertValid(card);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJson()) < CardSchema.MaxCardBytes);
    }

    [Fact]
    public void Build_PlainNamesInAHugeOffice_KeepsTheFullCaps()
    {
        var card = ReportCard.Build(PlainHuge(), Language.Traditional);
        var texts = Rendered.Of(card).Texts;

        Assert.Contains($"#{ReportCard.MaxOverdueRows}", texts);
        Assert.DoesNotContain("#16", texts);
        Assert.Contains("另有 1985 項未列出", texts);
        Assert.Contains("承辦人11", texts);
        Assert.DoesNotContain("承辦人12", texts);
        Assert.Contains("其餘 989 個", texts);
        Assert.Contains("部門11", texts);
        Assert.Contains("其餘 189 個", texts);
    }

    [Fact]
    public void Build_OthersRow_SumsEveryColumnOfTheRowsLeftOut()
    {
        var rows = Rendered.Blocks(Rendered.Of(ReportCard.Build(PlainHuge(), Language.English)).Json)
            .Where(b => b["cells"] is not null)
            .Select(r => r["cells"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>()).ToList())
            .ToList();

        // 189 departments of 25 open, 2 overdue, 15 of 20 completed on time, 3 sent back, 2 extended, 9 urged, 4 late receipts.
        Assert.Contains(["189 others", "4725", "378", "75%", "567", "378", "1701", "756"], rows);
        Assert.Contains(["989 others", "4945", "989", "75%", "989", "989", "1978", "989"], rows);
    }

    [Theory]
    [InlineData(Language.Traditional, "按主辦人", "準時率", "退辦", "延期", "催辦", "逾時簽收")]
    [InlineData(Language.Simplified, "按主办人", "按时率", "退办", "延期", "催办", "超时签收")]
    [InlineData(Language.English, "By lead", "On time", "Sent back", "Extended", "Urged", "Late receipt")]
    public void Build_GroupTables_HaveTheWeeksColumnsInTheViewersLanguage(Language language, string byLead, string onTime, string sentBack, string extended, string urged,
        string lateReceipt)
    {
        var json = Rendered.Of(ReportCard.Build(WithWeeks(), language)).Json;
        var rows = Rendered.Blocks(json)
            .Where(b => b["cells"] is not null)
            .Select(r => r["cells"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>()).ToList())
            .ToList();

        Assert.Contains(byLead, Rendered.Of(ReportCard.Build(WithWeeks(), language)).Texts);
        var header = rows.First(r => r.Count == 8);
        Assert.Equal([onTime, sentBack, extended, urged, lateReceipt], header[3..]);
        Assert.Contains(["王大明", "3", "1", "75%", "1", "2", "5", "1"], rows);
        Assert.Contains(rows, r => r.Count == 8 && r[3] == ReportCard.NoRate);
    }

    [Fact]
    public void Build_WeekOnWeek_ShowsBothWeeksAndTheChangeWithArrows()
    {
        var rows = Rendered.Blocks(Rendered.Of(ReportCard.Build(WithWeeks(), Language.Traditional)).Json)
            .Where(b => b["cells"] is not null)
            .Select(r => r["cells"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>()).ToList())
            .Where(r => r.Count == 4)
            .ToList();

        Assert.Equal(
        [
            ["項目", "近 7 日", "前 7 日", "增減"],
            ["新登記", "6", "8", "▼2"],
            ["辦結", "4", "5", "▼1"],
            ["準時率", "75%", "40%", "▲35"],
            ["退辦", "1", "1", "0"],
            ["延期", "2", "0", "▲2"],
            ["催辦", "5", "7", "▼2"],
            ["逾時簽收", "1", "0", "▲1"],
        ], rows);
    }

    [Fact]
    public void Build_OnTimeRates_AreBarsOfTheWholeWidth()
    {
        var json = Rendered.Of(ReportCard.Build(WithWeeks(), Language.English)).Json;

        var bars = Rendered.Blocks(json)
            .Where(b => b["type"]?.GetValue<string>() == "Column" && b["style"] is not null)
            .Select(b => (Style: b["style"]!.GetValue<string>(), Width: b["width"]!.GetValue<string>()))
            .Take(2)
            .ToList();

        // 3 of 4 on time (under the 80 % mark: a warning), 2 of 5 the week before.
        Assert.Equal([("warning", "75"), ("warning", "40")], bars);
        Assert.Contains("Completed on time (original due date)", Rendered.Of(ReportCard.Build(WithWeeks(), Language.English)).Texts);
    }

    [Fact]
    public void Build_GroupNames_AreShownAsTyped_MarkdownEscaped()
    {
        var view = WithWeeks() with { ByLead = [new("**boss** [x](https://evil.example)", 1, 0, Completed: 1, CompletedOnTime: 1)] };

        var texts = Rendered.Of(ReportCard.Build(view, Language.English)).Texts;

        Assert.Contains(@"\*\*boss\*\* \[x\](https://evil.example)", texts);
        Assert.DoesNotContain("**boss** [x](https://evil.example)", texts);
    }

    [Fact]
    public void Build_NoWeeksCounted_HasNoWeekBlock()
    {
        var texts = Rendered.Of(ReportCard.Build(Small(), Language.English)).Texts;

        Assert.DoesNotContain("Last 7 days and the 7 before", texts);
        Assert.Contains(texts, t => t.StartsWith("Open and overdue are as of now", StringComparison.Ordinal));
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
