using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>會辦: the matter and what is asked of this co-handler, answered in place (accept, decline with reason, opinion).</summary>
public static class CoHandlingRequestCard
{
    /// <param name="ask">What is asked of the co-handler (already in the user's words); null when nothing beyond the matter.</param>
    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context, string? ask) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            card.Body.Add(new TextBlock(text.CoHandlingAsked) { Weight = FontWeight.Bolder, Color = TextColor.Accent, Wrap = true });
            card.Body.Add(Header(matter));
            card.Body.Add(StatusLine(matter, text));
            AddLabelled(card.Body, text.YourPart, ask, limits.Note, ContainerStyle.Emphasis);
            card.Body.Add(Facts(matter, text, limits));
            AddDescription(card.Body, matter, limits);
            AddInstruction(card.Body, matter, text, limits);
            AddCoHandlerNotes(card.Body, matter, text, limits);

            var kit = new ActionKit(matter, text, context, limits);
            card.Actions = RoleActions.Arrange(RoleActions.For(context, kit, RoleActions.CoHandlerAnswers), text.ActMore);

            return card;
        });
}
