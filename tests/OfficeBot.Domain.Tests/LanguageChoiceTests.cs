using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Tests;

/// <summary>Which language a person is answered in, from what they typed, their client's locale and what was remembered.</summary>
public sealed class LanguageChoiceTests
{
    [Theory]
    // The script typed wins when the text tells it, whatever the client says.
    [InlineData(TextScript.Traditional, "en-US", Language.Simplified, Language.Traditional)]
    [InlineData(TextScript.Simplified, "en-US", null, Language.Simplified)]
    [InlineData(TextScript.Simplified, "zh-TW", Language.Traditional, Language.Simplified)]
    [InlineData(TextScript.Traditional, null, null, Language.Traditional)]
    // A Chinese client locale comes next: an English command word from a zh-CN client is answered in Simplified.
    [InlineData(TextScript.English, "zh-CN", Language.English, Language.Simplified)]
    [InlineData(TextScript.Unclear, "zh-HK", Language.Simplified, Language.Traditional)]
    [InlineData(TextScript.Chinese, "zh-CN", Language.Traditional, Language.Simplified)]
    // An English command word is English.
    [InlineData(TextScript.English, "en-US", Language.Simplified, Language.English)]
    [InlineData(TextScript.English, null, Language.Traditional, Language.English)]
    // Chinese without a telling character: the remembered script, else the office's.
    [InlineData(TextScript.Chinese, "en-US", Language.Simplified, Language.Simplified)]
    [InlineData(TextScript.Chinese, "en-US", Language.English, Language.Traditional)]
    [InlineData(TextScript.Chinese, "en-US", null, Language.Traditional)]
    // Nothing in the text (a card press): remembered, then the locale, then the office default.
    [InlineData(TextScript.Unclear, "en-US", Language.Simplified, Language.Simplified)]
    [InlineData(TextScript.Unclear, "en-US", null, Language.English)]
    [InlineData(TextScript.Unclear, "fr-FR", null, Language.English)]
    [InlineData(TextScript.Unclear, null, Language.Simplified, Language.Simplified)]
    [InlineData(TextScript.Unclear, null, null, Language.Traditional)]
    [InlineData(TextScript.Unclear, "", null, Language.Traditional)]
    public void Choose_OfficeDefaultTraditional_FollowsTheOrderOfSignals(TextScript text, string? locale, Language? remembered, Language expected) =>
        Assert.Equal(expected, Languages.Choose(text, locale, remembered, Language.Traditional));

    [Fact]
    public void Choose_ChineseWithoutTellingCharacterAndSimplifiedOffice_IsSimplified() =>
        Assert.Equal(Language.Simplified, Languages.Choose(TextScript.Chinese, "en-US", null, Language.Simplified));

    [Theory]
    [InlineData(Language.English, null, "en")]
    [InlineData(Language.Traditional, "en-US", "zh-Hant")]
    [InlineData(Language.Simplified, "en-US", "zh-Hans")]
    [InlineData(Language.Traditional, "zh-HK", "zh-HK")]
    [InlineData(Language.English, "en-GB", "en-GB")]
    public void Tag_ReadsBackAsTheSameLanguage_KeepingTheClientsTagWhenItAgrees(Language language, string? locale, string expected)
    {
        var tag = Languages.Tag(language, locale);

        Assert.Equal(expected, tag);
        Assert.Equal(language, Languages.FromLocale(tag));
    }
}
