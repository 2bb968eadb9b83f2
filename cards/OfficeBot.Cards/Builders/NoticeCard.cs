using OfficeBot.Cards.Model;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Builders;

/// <summary>A plain confirmation; <paramref name="text"/> is already localised by the caller.</summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(Language language, string text)
    {
        // The text arrives localised; the language is kept so every builder is called the same way.
        var card = new AdaptiveCard();
        card.Body.Add(new TextBlock(CardParts.Plain(text, CardParts.MaxDescriptionLength)) { Wrap = true });
        return card;
    }
}
