using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class ErrorAndNoticeCardTests
{
    [Fact]
    public void Build_Error_SaysWhatWasWrongAndShowsTheRightForm()
    {
        var built = ErrorCard.Build(Language.Traditional, "找不到事項 #99。", "查看 #<編號>", "查看 #12");
        var card = Rendered.Of(built);

        Assert.Equal(["指令未能執行", "找不到事項 #99。", "正確寫法", "查看 #<編號>", "例如", "查看 #12"], card.Texts);
        Assert.Equal("attention", card.Json["body"]![0]!["style"]!.GetValue<string>());
        Assert.Equal("monospace", card.BlockWithText("查看 #<編號>")!["fontType"]!.GetValue<string>());
        CardSchema.AssertValid(built);
    }

    [Fact]
    public void Build_ErrorWithoutForm_ShowsOnlyTheProblem()
    {
        var card = Rendered.Of(ErrorCard.Build(Language.English, "The date is in the past.", null, " "));

        Assert.Equal(["That didn't work", "The date is in the past."], card.Texts);
    }

    [Fact]
    public void Build_Notice_ShowsTheTextAsGiven()
    {
        var card = Rendered.Of(NoticeCard.Build(Language.Simplified, "已签收 #12。" + Samples.Awkward));

        Assert.Equal(["已签收 #12。" + Samples.Awkward], card.Texts);
    }
}
