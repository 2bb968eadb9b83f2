using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>審核: the request waiting for the director (completion, extension old → new due, transfer to a proposed lead), approve or reject with a reason.</summary>
public static class ApprovalCard
{
    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            card.Body.Add(Header(matter));
            card.Body.Add(StatusLine(matter, text));

            if (matter.Pending is not null)
            {
                AddPending(card.Body, matter, text, limits);
            }
            else if (matter.Status == MatterStatus.AwaitingReview)
            {
                // A completion asked before requests were recorded: the status alone says what waits.
                card.Body.Add(new TextBlock(text.PendingRequest + text.Colon + text.RequestName(RequestKind.Completion)) { Weight = FontWeight.Bolder, Wrap = true, Color = TextColor.Warning });
            }
            else
            {
                card.Body.Add(new TextBlock(text.NoPendingRequest) { IsSubtle = true, Wrap = true });
            }

            card.Body.Add(Facts(matter, text, limits));
            AddDescription(card.Body, matter, limits);
            AddInstruction(card.Body, matter, text, limits);
            AddCoHandlerNotes(card.Body, matter, text, limits);

            var kit = new ActionKit(matter, text, context, limits);
            card.Actions = RoleActions.Arrange(RoleActions.For(context, kit, RoleActions.Decisions), text.ActMore);

            return card;
        });
}
