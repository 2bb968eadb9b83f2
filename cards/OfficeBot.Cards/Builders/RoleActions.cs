using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using Button = OfficeBot.Cards.Builders.ActionKit.Button;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// Which buttons a viewer gets on a matter, by every role they hold and the matter's status (SPEC §2–3). The domain's
/// permissions still decide when a button is pressed; these only keep people from seeing buttons they cannot use.
/// </summary>
internal static class RoleActions
{
    /// <summary>Teams shows about six buttons in a row; the rest go under "More…".</summary>
    public const int MaxTopLevelActions = 6;

    public static bool IsWorking(MatterStatus status) => status is MatterStatus.Registered or MatterStatus.InProgress;

    public static bool IsOpen(MatterStatus status) => IsWorking(status) || status == MatterStatus.AwaitingReview;

    /// <summary>The viewer's own co-handling entry, when they are a co-handler.</summary>
    public static CoHandlerView? OwnEntry(MatterView matter, CardContext context) =>
        context.Viewer.HasFlag(MatterRole.CoHandler) && !string.IsNullOrEmpty(context.ViewerObjectId)
            ? matter.CoHandlers.FirstOrDefault(c => ActionKit.SameId(c.Person.ObjectId, context.ViewerObjectId))
            : null;

    /// <summary>The request the director can decide now, if any.</summary>
    public static RequestKind? Decision(MatterView matter) => matter switch
    {
        { Status: MatterStatus.AwaitingReview } => RequestKind.Completion,
        { Pending.Kind: RequestKind.Extension, Status: MatterStatus.InProgress } => RequestKind.Extension,
        { Pending.Kind: RequestKind.Transfer } when IsWorking(matter.Status) => RequestKind.Transfer,
        _ => null,
    };

    public static (string Approve, string Reject) DecisionVerbs(RequestKind kind) => kind switch
    {
        RequestKind.Extension => (CardVerbs.ApproveExtension, CardVerbs.RejectExtension),
        RequestKind.Transfer => (CardVerbs.ApproveTransfer, CardVerbs.RejectTransfer),
        _ => (CardVerbs.ApproveCompletion, CardVerbs.RejectCompletion),
    };

    /// <summary>Every button of the matter card for this viewer, most pressing first.</summary>
    public static List<Button> ForMatterCard(MatterView matter, CardContext context, ActionKit kit, bool historyHidden)
    {
        var roles = context.Viewer;
        var status = matter.Status;
        var director = roles.HasFlag(MatterRole.Director);
        var lead = roles.HasFlag(MatterRole.Lead);
        var own = OwnEntry(matter, context);
        var buttons = new List<Button>();

        if (IsWorking(status) && ((lead && !matter.LeadAcknowledged) || own is { Acknowledged: false }))
        {
            buttons.Add(kit.Acknowledge());
        }

        if (director)
        {
            if (status == MatterStatus.Registered)
            {
                buttons.Add(kit.Instruct());
            }

            if (Decision(matter) is { } kind)
            {
                var (approve, reject) = DecisionVerbs(kind);
                buttons.Add(kit.Approve(approve));
                buttons.Add(kit.Reject(reject));
            }

            if (status == MatterStatus.Completed)
            {
                buttons.Add(kit.Archive());
            }
        }

        if (lead && status == MatterStatus.InProgress && matter.Pending is null)
        {
            buttons.Add(kit.ReportProgress());
            buttons.Add(kit.AskCompletion());
            buttons.Add(kit.AskExtension());
            buttons.Add(kit.AskTransfer());
        }

        if (own is not null && IsWorking(status))
        {
            buttons.AddRange(CoHandlerButtons(own, kit));
        }

        if ((director || roles.HasFlag(MatterRole.Leader) || roles.HasFlag(MatterRole.Registrar)) && IsOpen(status))
        {
            buttons.Add(kit.Urge());
        }

        if (director && IsOpen(status))
        {
            buttons.Add(kit.Cancel());
        }

        if (historyHidden)
        {
            buttons.Add(kit.ShowHistory());
        }

        return buttons;
    }

    public static IEnumerable<Button> CoHandlerButtons(CoHandlerView own, ActionKit kit)
    {
        if (own.State == CoHandlingState.Requested)
        {
            yield return kit.Accept();
        }

        if (own.State is not (CoHandlingState.Declined or CoHandlingState.Done))
        {
            yield return kit.Decline();
        }

        yield return kit.GiveOpinion();
        if (own.State != CoHandlingState.Done)
        {
            yield return kit.PartDone();
        }
    }

    /// <summary>One button per verb; beyond <see cref="MaxTopLevelActions"/> the rest go under "More…".</summary>
    public static List<CardAction>? Arrange(IEnumerable<Button> buttons, string moreTitle)
    {
        var actions = buttons.DistinctBy(b => b.Verb, StringComparer.Ordinal).Select(b => b.Action).ToList();
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
