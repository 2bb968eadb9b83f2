using OfficeBot.Domain.Limits;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class ErrorTests
{
    [Theory]
    [InlineData("新事項")]
    [InlineData("新事项 ")]
    [InlineData("new")]
    [InlineData("新事項 主辦 <at>王小明</at> 急件")]
    [InlineData("new due tomorrow")]
    [InlineData("新事項 期限 明天")]
    [InlineData("新事項 明天")]
    public void Parse_NewWithoutTitle_IsMissingTitle(string text)
    {
        Parse(text, Wang).Error(ParseErrorKind.MissingTitle);
    }

    [Theory]
    [InlineData("新事項 ", '報')]
    [InlineData("new ", 'a')]
    public void Parse_TitleOverMaxLength_IsTitleTooLongWithItsLength(string command, char letter)
    {
        var error = Parse(command + new string(letter, InputLimits.Title + 1)).Error(ParseErrorKind.TitleTooLong);

        Assert.Equal("201", error.Detail);
    }

    [Theory]
    [InlineData("新事項 報告 期限 昨天", "昨天")]
    [InlineData("新事項 報告 期限 11月20日", "11月20日")]
    [InlineData("新事項 報告 期限 今天上午九點", "今天上午九點")]
    [InlineData("新事項 報告 上週五前", "上週五前")]
    [InlineData("new Report due yesterday", "yesterday")]
    [InlineData("new Report due Nov 20", "Nov 20")]
    [InlineData("延期 #3 11月20日", "11月20日")]
    public void Parse_DueBeforeNow_IsDueInPast(string text, string detail)
    {
        Assert.Equal(detail, Parse(text).Error(ParseErrorKind.DueInPast).Detail);
    }

    [Theory]
    [InlineData("新事項 報告 期限 盡快", "盡快")]
    [InlineData("新事項 報告 期限：越快越好 急件", "越快越好")]
    [InlineData("new Report due someday", "someday")]
    [InlineData("延期 #3 等通知", "等通知")]
    [InlineData("extend #3 whenever possible", "whenever possible")]
    public void Parse_DateTextThatIsNoDate_IsUnrecognisedDate(string text, string detail)
    {
        Assert.Equal(detail, Parse(text).Error(ParseErrorKind.UnrecognisedDate).Detail);
    }

    [Theory]
    [InlineData("查看", "查看")]
    [InlineData("簽收", "簽收")]
    [InlineData("签收 ", "签收")]
    [InlineData("進度", "進度")]
    [InlineData("辦結", "辦結")]
    [InlineData("催辦", "催辦")]
    [InlineData("延期", "延期")]
    [InlineData("轉辦", "轉辦")]
    [InlineData("show", "show")]
    [InlineData("Ack", "ack")]
    [InlineData("transfer", "transfer")]
    [InlineData("查看 #0", "查看")]
    public void Parse_CommandWithoutMatterNumber_IsMissingMatterNumber(string text, string commandWord)
    {
        Assert.Equal(commandWord, Parse(text).Error(ParseErrorKind.MissingMatterNumber).CommandWord);
    }

    [Fact]
    public void Parse_CommandWithTextInsteadOfNumber_ReportsThatText()
    {
        Assert.Equal("me the budget", Parse("show me the budget").Error(ParseErrorKind.MissingMatterNumber).Detail);
        Parse("延期 12月5日").Error(ParseErrorKind.MissingMatterNumber);
    }

    [Theory]
    [InlineData("進度 #3")]
    [InlineData("进度 #3：")]
    [InlineData("progress 3")]
    [InlineData("延期 #3")]
    [InlineData("extend #3")]
    public void Parse_CommandWithNumberButNoRequiredText_IsMissingText(string text)
    {
        Parse(text).Error(ParseErrorKind.MissingText);
    }

    [Theory]
    [InlineData("轉辦 #3")]
    [InlineData("转办 #3 非本部门业务")]
    [InlineData("transfer #3 wrong department")]
    public void Parse_TransferWithoutPerson_IsMissingPerson(string text)
    {
        Parse(text).Error(ParseErrorKind.MissingPerson);
    }
}
