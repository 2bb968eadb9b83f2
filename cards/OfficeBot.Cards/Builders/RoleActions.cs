using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using Button = OfficeBot.Cards.Builders.ActionKit.Button;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// How each action a viewer may take is drawn as a button, and in which order. Which actions those are is the domain's
/// answer alone (<see cref="CardContext.Actions"/>, from <c>Matter.AvailableActions</c>): a card offers exactly what a
/// press would be accepted for, so no rule about roles or statuses is repeated here.
/// </summary>
internal static class RoleActions
{
    /// <summary>Teams shows about six buttons in a row; the rest go under "More…".</summary>
    public const int MaxTopLevelActions = 6;

    /// <summary>The director's answers to a waiting request.</summary>
    public static readonly IReadOnlySet<MatterAction> Decisions = new HashSet<MatterAction>
    {
        MatterAction.ApproveCompletion, MatterAction.RejectCompletion,
        MatterAction.ApproveExtension, MatterAction.RejectExtension,
        MatterAction.ApproveTransfer, MatterAction.RejectTransfer,
    };

    /// <summary>A co-handler's own answers.</summary>
    public static readonly IReadOnlySet<MatterAction> CoHandlerAnswers = new HashSet<MatterAction>
    {
        MatterAction.AcceptCoHandling, MatterAction.DeclineCoHandling, MatterAction.GiveOpinion, MatterAction.MarkPartDone,
    };

    /// <summary>
    /// Every action that has a button, most pressing first: a receipt owed, the director's instruction and decisions, then
    /// the handler's work, a co-handler's answers, and urge and cancel last. View is the card itself; the director's direct
    /// extension and transfer are commands, not buttons.
    /// </summary>
    private static readonly (MatterAction Action, Func<ActionKit, Button> Draw)[] Drawn =
    [
        (MatterAction.Acknowledge, kit => kit.Acknowledge()),
        (MatterAction.Instruct, kit => kit.Instruct()),
        (MatterAction.ApproveCompletion, kit => kit.Approve(CardVerbs.ApproveCompletion)),
        (MatterAction.RejectCompletion, kit => kit.Reject(CardVerbs.RejectCompletion)),
        (MatterAction.ApproveExtension, kit => kit.Approve(CardVerbs.ApproveExtension)),
        (MatterAction.RejectExtension, kit => kit.Reject(CardVerbs.RejectExtension)),
        (MatterAction.ApproveTransfer, kit => kit.Approve(CardVerbs.ApproveTransfer)),
        (MatterAction.RejectTransfer, kit => kit.Reject(CardVerbs.RejectTransfer)),
        (MatterAction.Archive, kit => kit.Archive()),
        (MatterAction.ReportProgress, kit => kit.ReportProgress()),
        (MatterAction.AskCompletion, kit => kit.AskCompletion()),
        (MatterAction.AskExtension, kit => kit.AskExtension()),
        (MatterAction.AskTransfer, kit => kit.AskTransfer()),
        (MatterAction.AcceptCoHandling, kit => kit.Accept()),
        (MatterAction.DeclineCoHandling, kit => kit.Decline()),
        (MatterAction.GiveOpinion, kit => kit.GiveOpinion()),
        (MatterAction.MarkPartDone, kit => kit.PartDone()),
        (MatterAction.Urge, kit => kit.Urge()),
        (MatterAction.Cancel, kit => kit.Cancel()),
    ];

    /// <summary>The buttons for the viewer's open actions, most pressing first; only those in <paramref name="only"/> when given.</summary>
    public static IEnumerable<Button> For(CardContext context, ActionKit kit, IReadOnlySet<MatterAction>? only = null) =>
        Drawn.Where(d => context.Actions.Contains(d.Action) && (only is null || only.Contains(d.Action))).Select(d => d.Draw(kit));

    /// <summary>Every button of the matter card for this viewer, most pressing first, and the full history when some is left out.</summary>
    public static List<Button> ForMatterCard(CardContext context, ActionKit kit, bool historyHidden)
    {
        var buttons = For(context, kit).ToList();
        if (historyHidden)
        {
            buttons.Add(kit.ShowHistory());
        }

        return buttons;
    }

    /// <summary>One button per verb; beyond <see cref="MaxTopLevelActions"/> the rest go under "More…".</summary>
    public static List<CardAction>? Arrange(IEnumerable<Button> buttons, string moreTitle) =>
        Fold(buttons.DistinctBy(b => b.Verb, StringComparer.Ordinal).Select(b => b.Action).ToList(), moreTitle);

    /// <summary>The actions as they are; beyond <see cref="MaxTopLevelActions"/> the rest go under "More…". Null when there are none.</summary>
    public static List<CardAction>? Fold(List<CardAction> actions, string moreTitle)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        if (actions.Count <= MaxTopLevelActions)
        {
            return actions;
        }

        var more = AdaptiveCard.Nested();
        more.Actions = actions.Skip(MaxTopLevelActions - 1).ToList();
        return [.. actions.Take(MaxTopLevelActions - 1), new ShowCardAction { Title = moreTitle, Card = more }];
    }
}
