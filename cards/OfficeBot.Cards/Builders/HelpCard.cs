using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Builders;

/// <summary>The commands a user can type, in the user's script, each with an example.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(Language language)
    {
        var text = CardText.For(language);
        var card = CardParts.FullWidthCard();
        card.Body.Add(new TextBlock(text.HelpTitle) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading });
        card.Body.Add(new TextBlock(text.HelpIntro) { Wrap = true, IsSubtle = true, Spacing = Spacing.Small });

        foreach (var command in text.HelpCommands)
        {
            var items = new List<CardElement>
            {
                new TextBlock(command.Form) { FontType = FontType.Monospace, Weight = FontWeight.Bolder, Wrap = true },
                new TextBlock(command.Meaning) { Wrap = true, Spacing = Spacing.None },
            };
            if (command.Example is not null)
            {
                items.Add(new TextBlock(text.Example + text.Colon + command.Example) { Wrap = true, IsSubtle = true, FontType = FontType.Monospace, Spacing = Spacing.None });
            }

            card.Body.Add(new Container { Items = items, Spacing = Spacing.Medium });
        }

        card.Body.Add(new TextBlock(text.HelpFullNewForm) { Weight = FontWeight.Bolder, Wrap = true, Separator = true, Spacing = Spacing.Large });
        card.Body.Add(new TextBlock(text.NewMatterFullForm) { FontType = FontType.Monospace, Wrap = true, Spacing = Spacing.Small });
        card.Body.Add(new TextBlock(text.HelpNewFormNote) { Wrap = true, IsSubtle = true, Spacing = Spacing.Small });
        return card;
    }
}
