using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class NewMatterTests
{
    [Fact]
    public void Parse_TraditionalWithEveryOption_GivesFullMatter()
    {
        var result = Parse(
            "新事項 年度預算報告 主辦 <at>王小明</at> 會辦 <at>李大華</at> <at>陳美玲</at> 期限 12月5日 來源 領導交辦 文號 府辦字第123號 急件",
            Wang, Lee, Chen);

        Assert.Equal(
            new NewMatterCommand("年度預算報告", Wang, [Lee, Chen], new Deadline(Date("2026-12-05"), null),
                MatterSource.Leader, "府辦字第123號", Urgency.Urgent),
            result.Command<NewMatterCommand>());
    }

    [Fact]
    public void Parse_EnglishWithEveryOption_GivesFullMatter()
    {
        var result = Parse(
            "new Annual budget lead <at>Bob Smith</at> co <at>王小明</at>, <at>李大華</at> due Dec 5 3pm from upper ref GOV-2026-12 extra-urgent",
            Bob, Wang, Lee);

        Assert.Equal(
            new NewMatterCommand("Annual budget", Bob, [Wang, Lee], new Deadline(Date("2026-12-05"), new TimeOnly(15, 0)),
                MatterSource.UpperOffice, "GOV-2026-12", Urgency.ExtraUrgent),
            result.Command<NewMatterCommand>());
    }

    [Fact]
    public void Parse_TitleOnly_GivesSelfSourcedNormalMatterWithoutPeople()
    {
        Assert.Equal(
            new NewMatterCommand("Budget report", null, [], null, MatterSource.Self, null, Urgency.Normal),
            Parse("new Budget report").Command<NewMatterCommand>());
    }

    [Theory]
    [InlineData("新事項 報告 來源 上級交辦", MatterSource.UpperOffice)]
    [InlineData("新事项 报告 来源：部门转办", MatterSource.Department)]
    [InlineData("新事項 報告 領導交辦", MatterSource.Leader)]
    [InlineData("新事項 報告 來源領導", MatterSource.Leader)]
    [InlineData("new Report from department", MatterSource.Department)]
    [InlineData("new Report FROM Leader", MatterSource.Leader)]
    [InlineData("new Letter from the ministry", MatterSource.Self)]
    public void Parse_SourceOption_SetsSource(string text, MatterSource expected)
    {
        Assert.Equal(expected, Parse(text).Command<NewMatterCommand>().Source);
    }

    [Theory]
    [InlineData("新事項 報告 急件", Urgency.Urgent, "報告")]
    [InlineData("新事項 報告 特急", Urgency.ExtraUrgent, "報告")]
    [InlineData("new Report urgent", Urgency.Urgent, "Report")]
    [InlineData("new Report Extra urgent", Urgency.ExtraUrgent, "Report")]
    [InlineData("新事項 急件處理流程修訂", Urgency.Normal, "急件處理流程修訂")]
    public void Parse_UrgencyWord_SetsUrgencyOnlyWhenItStandsAlone(string text, Urgency expected, string title)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(expected, matter.Urgency);
        Assert.Equal(title, matter.Title);
    }

    [Theory]
    [InlineData("new   Budget \u3000  report  ", "Budget report")]
    [InlineData("新事項報告", "報告")]
    [InlineData("新增事項 會辦單位協調會議", "會辦單位協調會議")]
    [InlineData("登記 期限管理制度修訂", "期限管理制度修訂")]
    [InlineData("add Lead the audit", "Lead the audit")]
    [InlineData("new Due diligence review", "Due diligence review")]
    [InlineData("new Meeting with co workers", "Meeting with co workers")]
    [InlineData("new Reply to bob@example.com", "Reply to bob@example.com")]
    [InlineData("<p>新事項 預算報告</p>", "預算報告")]
    [InlineData("新事項&nbsp;預算&nbsp;報告", "預算 報告")]
    [InlineData("new Café meeting in Zürich", "Café meeting in Zürich")]
    public void Parse_Title_IsUnconsumedTextTrimmedAndCollapsed(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).Command<NewMatterCommand>().Title);
    }

    [Fact]
    public void Parse_TitleOfExactlyMaxLength_IsAccepted()
    {
        var title = new string('報', InputLimits.Title);

        Assert.Equal(title, Parse("新事項 " + title).Command<NewMatterCommand>().Title);
    }

    [Fact]
    public void Parse_DueGluedToKeyword_IsRead()
    {
        var matter = Parse("新事項 報告 期限明天 主辦<at>王小明</at>", Wang).Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date("2026-11-27"), null), matter.Due);
        Assert.Equal(Wang, matter.Lead);
        Assert.Equal("報告", matter.Title);
    }
}
