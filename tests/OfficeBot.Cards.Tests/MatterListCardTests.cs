using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class MatterListCardTests
{
    [Fact]
    public void Build_Rows_ShowLightNumberTitleStatusAndDue()
    {
        var overdue = Samples.Plain(7) with { Light = TrafficLight.Red, Due = Samples.Office(2025, 12, 1, 23, 59) };

        var card = Rendered.Of(MatterListCard.Build("我的事項", [overdue], Language.Traditional, "目前沒有事項"));

        Assert.Equal(["我的事項", "🔴", "#7", "擬定年度工作要點", "辦理中", "12月1日（週一）"], card.Texts);
        Assert.Equal("attention", card.BlockWithText("12月1日（週一）")!["color"]!.GetValue<string>());
    }

    [Fact]
    public void Build_ThirtyMatters_ShowsTwentyFiveAndHowManyMore()
    {
        var items = Enumerable.Range(1, 30).Select(n => Samples.Plain(n)).ToList();

        var card = Rendered.Of(MatterListCard.Build("Overdue", items, Language.English, "Nothing overdue"));

        Assert.Equal(25, card.Texts.Count(t => t.StartsWith('#')));
        Assert.Contains("#25", card.Texts);
        Assert.DoesNotContain("#26", card.Texts);
        Assert.Equal("and 5 more", card.Texts[^1]);
    }

    [Fact]
    public void Build_NoMatters_ShowsEmptyText()
    {
        var card = Rendered.Of(MatterListCard.Build("待审核", [], Language.Simplified, "没有待审核的事项"));

        Assert.Equal(["待审核", "没有待审核的事项"], card.Texts);
    }

    [Fact]
    public void Build_LongTitle_ClippedToKeepRowsCompact()
    {
        var card = Rendered.Of(MatterListCard.Build("x", [Samples.Heavy(1)], Language.English, ""));

        var title = card.Texts.Single(t => t.EndsWith('…'));
        Assert.StartsWith(Samples.Heavy().Title[..10], title, StringComparison.Ordinal);
    }
}
