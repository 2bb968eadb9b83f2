using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>The card of one matter: what it is, who handles it, when it is due, what happened last, and the viewer's buttons.</summary>
public static class MatterCard
{
    public const int MaxHistoryLines = 5;

    /// <param name="actions">The buttons for the viewer's role, drawn at the foot of the card.</param>
    /// <param name="refresh">Lets Teams fetch each listed user's own view.</param>
    public static AdaptiveCard Build(
        MatterView matter,
        Language language,
        IReadOnlyList<CardAction>? actions = null,
        CardRefresh? refresh = null) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, null);
            card.Refresh = refresh;
            AddContent(card.Body, matter, text, limits);
            if (actions is { Count: > 0 })
            {
                card.Actions = [.. actions];
            }

            return card;
        });

    /// <summary>The matter as <paramref name="context"/>'s viewer sees it: their buttons, the notice, and a refresh for everyone listed.</summary>
    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            var hidden = AddContent(card.Body, matter, text, limits);
            var kit = new ActionKit(matter, text, context, limits);
            card.Actions = RoleActions.Arrange(RoleActions.ForMatterCard(context, kit, hidden > 0), text.ActMore);
            return card;
        });

    /// <returns>How many history entries the card leaves out.</returns>
    private static int AddContent(List<CardElement> body, MatterView matter, CardText text, CardLimits limits)
    {
        body.Add(Header(matter));
        body.Add(StatusLine(matter, text));
        AddPending(body, matter, text, limits);
        body.Add(Facts(matter, text, limits));
        if (matter.Meeting is { } meeting)
        {
            // The way back to the meeting the matter was decided in: a message, so its card comes into the chat.
            body.Add(new ActionSet { Actions = [SubmitAction.MessageBack($"{text.ActShowMeeting} M{meeting}", $"{text.ShowMeetingCommand} M{meeting}")] });
        }

        AddDescription(body, matter, limits);
        AddInstruction(body, matter, text, limits);
        AddCoHandlerNotes(body, matter, text, limits);
        return AddHistory(body, matter, text, limits, MaxHistoryLines, text.RecentHistory);
    }
}
