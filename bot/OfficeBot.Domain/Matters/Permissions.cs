namespace OfficeBot.Domain.Matters;

public enum MatterAction
{
    View,
    Instruct,
    Acknowledge,
    ReportProgress,
    AskCompletion,
    ApproveCompletion,
    RejectCompletion,
    AskExtension,
    ApproveExtension,
    RejectExtension,
    Extend,
    AskTransfer,
    ApproveTransfer,
    RejectTransfer,
    Transfer,
    AcceptCoHandling,
    DeclineCoHandling,
    GiveOpinion,
    MarkPartDone,
    Urge,
    Cancel,
    Archive,
}

/// <summary>The parts a person plays in one matter. A person may hold several (a director who registered it, say).</summary>
[Flags]
public enum MatterRole
{
    None = 0,
    Director = 1,
    Leader = 2,
    Lead = 4,
    CoHandler = 8,
    Registrar = 16,
}

/// <summary>
/// Who may do what, and in which states (SPEC §2–3). The director may do everything a director does; a co-handler's own
/// answer (accept, decline, opinion, part done) and a receipt belong to that person alone, so not even a director gives them.
/// </summary>
public static class Permissions
{
    private const MatterRole Anyone = MatterRole.Director | MatterRole.Leader | MatterRole.Lead | MatterRole.CoHandler | MatterRole.Registrar;

    private static readonly MatterStatus[] Open = [MatterStatus.Registered, MatterStatus.InProgress, MatterStatus.AwaitingReview];
    private static readonly MatterStatus[] Working = [MatterStatus.Registered, MatterStatus.InProgress];
    private static readonly MatterStatus[] InProgressOnly = [MatterStatus.InProgress];
    private static readonly MatterStatus[] AllStatuses = Enum.GetValues<MatterStatus>();

    private static readonly Dictionary<MatterAction, (MatterRole Roles, MatterStatus[] Statuses)> Rules = new()
    {
        [MatterAction.View] = (Anyone, AllStatuses),
        [MatterAction.Instruct] = (MatterRole.Director, Working),
        [MatterAction.Acknowledge] = (MatterRole.Lead | MatterRole.CoHandler, Working),
        [MatterAction.ReportProgress] = (MatterRole.Lead | MatterRole.Director, InProgressOnly),
        [MatterAction.AskCompletion] = (MatterRole.Lead | MatterRole.Director, InProgressOnly),
        [MatterAction.ApproveCompletion] = (MatterRole.Director, [MatterStatus.AwaitingReview]),
        [MatterAction.RejectCompletion] = (MatterRole.Director, [MatterStatus.AwaitingReview]),
        [MatterAction.AskExtension] = (MatterRole.Lead, InProgressOnly),
        [MatterAction.ApproveExtension] = (MatterRole.Director, InProgressOnly),
        [MatterAction.RejectExtension] = (MatterRole.Director, InProgressOnly),
        [MatterAction.Extend] = (MatterRole.Director, Working),
        [MatterAction.AskTransfer] = (MatterRole.Lead, Working),
        [MatterAction.ApproveTransfer] = (MatterRole.Director, Working),
        [MatterAction.RejectTransfer] = (MatterRole.Director, Working),
        [MatterAction.Transfer] = (MatterRole.Director, Working),
        [MatterAction.AcceptCoHandling] = (MatterRole.CoHandler, Working),
        [MatterAction.DeclineCoHandling] = (MatterRole.CoHandler, Working),
        [MatterAction.GiveOpinion] = (MatterRole.CoHandler, Working),
        [MatterAction.MarkPartDone] = (MatterRole.CoHandler, Working),
        [MatterAction.Urge] = (MatterRole.Director | MatterRole.Leader | MatterRole.Registrar, Open),
        [MatterAction.Cancel] = (MatterRole.Director, Open),
        [MatterAction.Archive] = (MatterRole.Director, [MatterStatus.Completed]),
    };

    /// <summary>Checks role first (a stranger learns nothing about the state), then state.</summary>
    public static Refusal? Check(MatterAction action, MatterRole roles, MatterStatus status)
    {
        var rule = Rules[action];
        if ((rule.Roles & roles) == MatterRole.None)
        {
            // The registrar may withdraw a matter nobody has started on yet.
            var registrarWithdraws = action == MatterAction.Cancel && roles.HasFlag(MatterRole.Registrar) && status == MatterStatus.Registered;
            if (!registrarWithdraws)
            {
                return Refusal.NotPermitted;
            }
        }

        return Array.IndexOf(rule.Statuses, status) >= 0 ? null : Refusal.WrongStatus;
    }

    /// <summary>
    /// Whether a press of <paramref name="action"/> by the person described by <paramref name="facts"/> would go ahead:
    /// null when it would, else what the operation answers instead — a refusal (not theirs, wrong status, a request already
    /// waiting or none to decide) or <see cref="Outcome.Unchanged"/> (a receipt already given, an answer already made).
    /// The matter's operations ask this before their inputs are read, and the cards draw a button exactly where it is null,
    /// so the two cannot disagree. What depends on the inputs (a reason, a date) or on the clock (urged within the hour,
    /// the transfer window) is left to the press itself: a card is not redrawn when an hour passes.
    /// </summary>
    public static Outcome? Decide(MatterAction action, ActionFacts facts)
    {
        if (Check(action, facts.Roles, facts.Status) is { } refusal)
        {
            return Outcome.Refused(refusal);
        }

        return action switch
        {
            MatterAction.Acknowledge => facts.OwesReceipt ? null : Outcome.Unchanged,
            MatterAction.AskCompletion or MatterAction.AskExtension or MatterAction.AskTransfer =>
                facts.Pending is null ? null : Outcome.Refused(Refusal.AlreadyPending),
            MatterAction.ApproveExtension or MatterAction.RejectExtension => Waiting(facts, RequestKind.Extension),
            MatterAction.ApproveTransfer or MatterAction.RejectTransfer => Waiting(facts, RequestKind.Transfer),
            MatterAction.AcceptCoHandling or MatterAction.DeclineCoHandling or MatterAction.GiveOpinion or MatterAction.MarkPartDone =>
                facts.OwnCoHandling is { } own && !AnswerChanges(action, own) ? Outcome.Unchanged : null,
            _ => null,
        };
    }

    /// <summary>Every action but <see cref="MatterAction.View"/> (which is not a press) that <see cref="Decide"/> lets go ahead.</summary>
    public static IReadOnlySet<MatterAction> Available(ActionFacts facts) =>
        Enum.GetValues<MatterAction>().Where(a => a != MatterAction.View && Decide(a, facts) is null).ToHashSet();

    private static Outcome? Waiting(ActionFacts facts, RequestKind kind) =>
        facts.Pending == kind ? null : Outcome.Refused(Refusal.NothingPending);

    /// <summary>
    /// Whether a co-handler's answer moves them anywhere from <paramref name="current"/>. Accepting is implied once they
    /// gave an opinion or finished their part; a decline stands with its first reason; a part is done once. A co-handler
    /// who declined may still take the part on, and an opinion may always be added.
    /// </summary>
    private static bool AnswerChanges(MatterAction action, CoHandlingState current) => action switch
    {
        MatterAction.AcceptCoHandling => current is CoHandlingState.Requested or CoHandlingState.Declined,
        MatterAction.DeclineCoHandling => current != CoHandlingState.Declined,
        MatterAction.MarkPartDone => current != CoHandlingState.Done,
        _ => true,
    };
}

/// <summary>
/// What decides which actions one person has on one matter now: every role they hold, the status, the kind of request
/// waiting, and the receipts and co-handling answer still theirs to give.
/// </summary>
/// <param name="LeadAcknowledged">Whether the lead has given the receipt; only read when <paramref name="Roles"/> holds Lead.</param>
/// <param name="OwnCoHandling">The person's own co-handling state, when they are a co-handler.</param>
/// <param name="OwnAcknowledged">Whether the person has given the receipt as a co-handler.</param>
public sealed record ActionFacts(
    MatterRole Roles,
    MatterStatus Status,
    RequestKind? Pending = null,
    bool LeadAcknowledged = false,
    CoHandlingState? OwnCoHandling = null,
    bool OwnAcknowledged = false)
{
    /// <summary>A receipt (簽收) is still theirs to give, as lead or as co-handler.</summary>
    public bool OwesReceipt =>
        (Roles.HasFlag(MatterRole.Lead) && !LeadAcknowledged) || (OwnCoHandling is not null && !OwnAcknowledged);
}
