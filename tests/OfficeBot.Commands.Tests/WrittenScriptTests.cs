using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>What the text of a message itself tells about its script (the locale is weighed later, by Languages.Choose).</summary>
public class WrittenScriptTests
{
    private static readonly CommandParser Parser = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    [Theory]
    [InlineData("幫助", TextScript.Traditional)]
    [InlineData("帮助", TextScript.Simplified)]
    [InlineData("help", TextScript.English)]
    [InlineData("新事項 預算報告", TextScript.Traditional)]
    [InlineData("新事项 预算报告 期限 12月12日", TextScript.Simplified)]
    [InlineData("查看 #12", TextScript.Chinese)]
    [InlineData("查看 #12 這個", TextScript.Traditional)]
    [InlineData("逾期", TextScript.Chinese)]
    [InlineData("這是什麼", TextScript.Traditional)]
    [InlineData("这是什么", TextScript.Simplified)]
    [InlineData("你好", TextScript.Chinese)]
    [InlineData("?", TextScript.Unclear)]
    [InlineData("thanks", TextScript.Unclear)]
    [InlineData("#12", TextScript.Unclear)]
    [InlineData("show", TextScript.English)]
    public void Parse_AnyText_ReportsOnlyWhatTheTextTells(string text, TextScript expected) =>
        Assert.Equal(expected, Parser.Parse(new ParseInput(text, [], Now, Zone)).Written);

    [Fact]
    public void Parse_MessageTooLong_StillReportsTheScriptOfItsFirstWords() =>
        Assert.Equal(TextScript.Simplified, Parser.Parse(new ParseInput("帮助 " + new string('字', 9000), [], Now, Zone)).Written);
}
