using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Builders;

/// <summary>Says what was wrong with a command and shows the right form; nothing was created or changed.</summary>
public static class ErrorCard
{
    /// <param name="problem">Already localised by the caller.</param>
    public static AdaptiveCard Build(Language language, string problem, string? rightForm, string? example)
    {
        var text = CardText.For(language);
        var card = new AdaptiveCard();
        card.Body.Add(new Container
        {
            Style = ContainerStyle.Attention,
            Items =
            [
                new TextBlock(text.ErrorTitle) { Weight = FontWeight.Bolder, Color = TextColor.Attention, Wrap = true },
                new TextBlock(CardParts.Plain(problem, CardParts.MaxDescriptionLength)) { Wrap = true, Spacing = Spacing.Small },
            ],
        });

        AddForm(card.Body, text.RightForm, rightForm);
        AddForm(card.Body, text.Example, example);
        return card;
    }

    private static void AddForm(List<CardElement> body, string label, string? form)
    {
        if (string.IsNullOrWhiteSpace(form))
        {
            return;
        }

        body.Add(new TextBlock(label) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Medium });
        body.Add(new TextBlock(CardParts.Clip(form, CardParts.MaxDescriptionLength)) { FontType = FontType.Monospace, Wrap = true, Spacing = Spacing.None });
    }
}
