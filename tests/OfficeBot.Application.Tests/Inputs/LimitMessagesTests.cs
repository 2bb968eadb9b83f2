using OfficeBot.Application.Localization;
using OfficeBot.Commands;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Tests.Inputs;

/// <summary>Every refusal over a limit is said in each language and names the limit it broke, read from <see cref="InputLimits"/>.</summary>
public sealed class LimitMessagesTests
{
    public static TheoryData<Refusal, Language, int> LimitRefusals()
    {
        var data = new TheoryData<Refusal, Language, int>();
        foreach (var language in Enum.GetValues<Language>())
        {
            data.Add(Refusal.TitleTooLong, language, InputLimits.Title);
            data.Add(Refusal.TextTooLong, language, InputLimits.Text);
            data.Add(Refusal.DocumentNumberTooLong, language, InputLimits.DocumentNumber);
            data.Add(Refusal.TooManyCoHandlers, language, InputLimits.CoHandlers);
            data.Add(Refusal.DueTooFar, language, InputLimits.DueHorizonYears);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LimitRefusals))]
    public void Refused_OverALimit_NamesTheLimitInEveryLanguage(Refusal refusal, Language language, int limit)
    {
        var say = new Messages(language);

        var text = say.Refused(refusal, MatterStatus.InProgress);

        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.NotEqual(say.Refused((Refusal)999, MatterStatus.InProgress), text);
    }

    [Fact]
    public void EveryRefusal_HasItsOwnTextInEveryLanguage()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var say = new Messages(language);
            var fallback = say.Refused((Refusal)999, MatterStatus.InProgress);
            Assert.All(Enum.GetValues<Refusal>(), refusal => Assert.NotEqual(fallback, say.Refused(refusal, MatterStatus.InProgress)));
        }
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    public void InputTexts_AreLocalisedAndNameTheirLimits(Language language)
    {
        var say = new Messages(language);
        var english = new Messages(Language.English);

        Assert.Contains(InputLimits.CardInput.ToString(System.Globalization.CultureInfo.InvariantCulture), say.CardInputTooLong(2001));
        Assert.Contains(InputLimits.Message.ToString(System.Globalization.CultureInfo.InvariantCulture), say.ParseProblem(new ParseError(ParseErrorKind.MessageTooLong, "new", "9000")));
        if (language != Language.English)
        {
            Assert.NotEqual(english.TooLarge, say.TooLarge);
            Assert.NotEqual(english.UnknownPeople, say.UnknownPeople);
            Assert.NotEqual(english.ActionFailed, say.ActionFailed);
            Assert.NotEqual(english.ActionNotUnderstood, say.ActionNotUnderstood);
        }
    }
}
