using OfficeBot.Domain.Limits;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>The parser refuses text over InputLimits with the length it saw, instead of passing it on or cutting it.</summary>
public class LimitTests
{
    [Theory]
    [InlineData("新事項 ")]
    [InlineData("進度 #3 ")]
    [InlineData("blah ")]
    public void Parse_MessageOverLimit_IsMessageTooLongWithItsLength(string start)
    {
        var text = start + new string('字', InputLimits.Message);

        var error = Parse(text).Error(ParseErrorKind.MessageTooLong);

        Assert.Equal(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail);
    }

    [Theory]
    [InlineData("進度 #3 ")]
    [InlineData("progress #3 ")]
    [InlineData("辦結 #3 ")]
    [InlineData("催辦 #3 ")]
    [InlineData("延期 #3 12月20日 ")]
    [InlineData("轉辦 #3 <at>王小明</at> ")]
    public void Parse_TextOverLimit_IsTextTooLongWithItsLength(string start)
    {
        var error = Parse(start + new string('x', InputLimits.Text + 1), Wang).Error(ParseErrorKind.TextTooLong);

        Assert.Equal((InputLimits.Text + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail);
    }

    [Fact]
    public void Parse_TextOfExactlyLimit_IsAccepted()
    {
        var text = new string('x', InputLimits.Text);

        Assert.Equal(text, Parse("進度 #3 " + text).Command<ProgressCommand>().Text);
    }

    [Fact]
    public void Parse_DocumentNumberOverLimit_IsDocumentNumberTooLong()
    {
        var error = Parse("新事項 報告 文號 " + new string('A', InputLimits.DocumentNumber + 1)).Error(ParseErrorKind.DocumentNumberTooLong);

        Assert.Equal((InputLimits.DocumentNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail);
    }
}
