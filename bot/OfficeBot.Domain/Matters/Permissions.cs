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

    public static MatterRole RolesFor(MatterAction action) => Rules[action].Roles;

    public static IReadOnlyList<MatterStatus> StatusesFor(MatterAction action) => Rules[action].Statuses;

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
}
