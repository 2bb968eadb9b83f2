using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests.Inputs;

/// <summary>
/// Mentions are carried through parsing as private-use placeholders (U+E000…); a private-use character the person typed
/// must neither crash the parser (it threw IndexOutOfRangeException) nor be taken for somebody's mention.
/// </summary>
public sealed class PrivateUseCharacterTests
{
    [Theory]
    [InlineData("progress #1 \uE000")]
    [InlineData("進度 #1 已送\uE000財務處")]
    [InlineData("urge #1 \uE001\uE0FF")]
    [InlineData("新事項 預算\uE000報告")]
    public void Parse_TypedPrivateUseCharacter_IsAnsweredAsGarbledText(string text)
    {
        var result = Parse(text);

        Assert.Contains("\uFFFD", result.Error(ParseErrorKind.GarbledText).Detail);
    }

    [Fact]
    public void Parse_TypedPlaceholderNextToARealMention_IsNotTakenForThatPerson()
    {
        var result = Parse($"transfer #1 \uE000 {At(Wang)}", Wang);

        Assert.Equal(ParseErrorKind.GarbledText, result.Error?.Kind);
    }

    [Fact]
    public void Parse_PrivateUseBeyondThePlaceholders_IsKeptAsText()
    {
        // U+F000 and above are outside the placeholder block: office fonts use them for user-defined characters (造字).
        var command = Parse("progress #1 已送\uF101處").Command<ProgressCommand>();

        Assert.Contains("\uF101", command.Text);
    }
}
