using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>批辦: a registered matter with the director's form (lead, co-handlers, due date, instruction) open on the card.</summary>
public static class InstructionCard
{
    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            card.Body.Add(Header(matter));
            card.Body.Add(StatusLine(matter, text));
            card.Body.Add(Facts(matter, text, limits));
            AddDescription(card.Body, matter, limits);

            // The form's inputs sit in the body, so the card carries no other button that would gather (and require) them.
            // This card is the first instruction of a registered matter; a director re-instructs later from the matter card.
            if (context.Actions.Contains(MatterAction.Instruct) && matter.Status == MatterStatus.Registered)
            {
                var kit = new ActionKit(matter, text, context, limits);
                var form = new Container { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
                form.Items.Add(new TextBlock(text.InstructionForm) { Weight = FontWeight.Bolder, Wrap = true });
                form.Items.AddRange(kit.InstructInputs());
                card.Body.Add(form);
                card.Actions = [kit.Send(CardVerbs.Instruct, style: ActionStyle.Positive)];
            }
            else
            {
                AddInstruction(card.Body, matter, text, limits);
                if (matter.Status == MatterStatus.Registered)
                {
                    card.Body.Add(new TextBlock(text.AwaitingInstruction) { IsSubtle = true, Wrap = true, Separator = true });
                }
            }

            return card;
        });
}
