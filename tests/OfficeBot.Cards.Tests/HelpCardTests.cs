using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class HelpCardTests
{
    [Theory]
    [InlineData(Language.Traditional, new[] { "新事項 <標題>", "我的事項", "逾期", "待審核", "查看 #12", "簽收 #12", "進度 #12 <說明>", "辦結 #12 [說明]", "假日", "通報", "幫助" })]
    [InlineData(Language.Simplified, new[] { "新事项 <标题>", "我的事项", "逾期", "待审核", "查看 #12", "签收 #12", "进度 #12 <说明>", "办结 #12 [说明]", "假日", "通报", "帮助" })]
    [InlineData(Language.English, new[] { "new <title>", "my", "overdue", "review", "show #12", "ack #12", "progress #12 <text>", "done #12 [text]", "holidays", "report", "help" })]
    public void Build_ListsEveryCommandInTheUsersScript(Language language, string[] forms)
    {
        var card = Rendered.Of(HelpCard.Build(language));

        foreach (var form in forms)
        {
            var block = card.BlockWithText(form);
            Assert.NotNull(block);
            Assert.Equal("monospace", block["fontType"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(Language.Traditional, "新事項 <標題> 主辦 @人 會辦 @人 期限 <日期> 來源 領導交辦 文號 X 急件")]
    [InlineData(Language.Simplified, "新事项 <标题> 主办 @人 会办 @人 期限 <日期> 来源 领导交办 文号 X 急件")]
    [InlineData(Language.English, "new <title> lead @p co @p due <date> from leader ref X urgent")]
    public void Build_ShowsTheFullNewMatterForm(Language language, string fullForm)
    {
        Assert.Contains(fullForm, Rendered.Of(HelpCard.Build(language)).Texts);
    }

    [Fact]
    public void Build_Examples_ShowHowToReportProgress()
    {
        var texts = Rendered.Of(HelpCard.Build(Language.Traditional)).Texts;

        Assert.Contains("例如：進度 #12 已與財務處聯繫，週三前回覆", texts);
    }
}
