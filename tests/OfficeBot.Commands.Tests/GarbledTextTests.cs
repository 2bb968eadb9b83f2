using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class GarbledTextTests
{
    [Theory]
    [InlineData("新事項 &quot;預算&quot;報告", "&quot;")]
    [InlineData("new Budget &amp; plan", "&amp;")]
    [InlineData("進度 #3 it&#39;s done", "&#39;")]
    [InlineData("new Check a &lt; b", "&lt;")]
    [InlineData("新事項 預算\uFFFD\uFFFD報告", "預算\uFFFD\uFFFD報告")]
    [InlineData("新事項 職責(zé)分工", "責(zé)")]
    [InlineData("新事項 職責（zhí zé）", null)]
    [InlineData("new æ–°äº‹é …", "æ–°äº‹é")]
    [InlineData("new ÄãºÃ report", "ÄãºÃ")]
    [InlineData("new §A¦n report", "§A¦n")]
    [InlineData("新事項 锟斤拷报告", "锟斤拷报告")]
    public void Parse_DamagedText_IsGarbledTextWithFragment(string text, string? detail)
    {
        var result = Parse(text);

        if (detail is null)
        {
            // "（zhí zé）" after a character is a space-separated reading, not a glued annotation: not garbled.
            Assert.NotNull(result.Command);
            return;
        }

        Assert.Equal(detail, result.Error(ParseErrorKind.GarbledText).Detail);
    }

    [Theory]
    [InlineData("<p>查看&nbsp;#12</p>")]
    [InlineData("<div>查看 <b>#12</b><br/></div>")]
    public void Parse_TeamsMarkupAndNbsp_AreRemovedSilently(string text)
    {
        Assert.Equal(new ShowMatterCommand(12), Parse(text).Command<ShowMatterCommand>());
    }
}
