namespace OfficeBot.Cards.Actions;

/// <summary>
/// The verbs of every Action.Execute OfficeBot draws, shared by the card builders and the handlers that answer them.
/// Each action's data carries <see cref="CardActionData"/>; inputs are added by Teams under their ids (<see cref="CardInputs"/>).
/// </summary>
public static class CardVerbs
{
    public const string Refresh = "matter.refresh";
    public const string ShowHistory = "matter.history";

    public const string Instruct = "matter.instruct";
    public const string Acknowledge = "matter.acknowledge";
    public const string Progress = "matter.progress";
    public const string AskCompletion = "matter.askCompletion";
    public const string AskExtension = "matter.askExtension";
    public const string AskTransfer = "matter.askTransfer";
    public const string Urge = "matter.urge";
    public const string Cancel = "matter.cancel";
    public const string Archive = "matter.archive";

    public const string Accept = "coHandling.accept";
    public const string Decline = "coHandling.decline";
    public const string Opinion = "coHandling.opinion";
    public const string PartDone = "coHandling.partDone";

    public const string ApproveCompletion = "review.approveCompletion";
    public const string RejectCompletion = "review.rejectCompletion";
    public const string ApproveExtension = "review.approveExtension";
    public const string RejectExtension = "review.rejectExtension";
    public const string ApproveTransfer = "review.approveTransfer";
    public const string RejectTransfer = "review.rejectTransfer";

    public static IReadOnlyList<string> All { get; } =
    [
        Refresh, ShowHistory, Instruct, Acknowledge, Progress, AskCompletion, AskExtension, AskTransfer, Urge, Cancel, Archive,
        Accept, Decline, Opinion, PartDone,
        ApproveCompletion, RejectCompletion, ApproveExtension, RejectExtension, ApproveTransfer, RejectTransfer,
    ];
}

/// <summary>Ids of the inputs on cards; Teams returns their values in the action's data under these names.</summary>
public static class CardInputs
{
    public const string Text = "text";
    public const string Reason = "reason";
    public const string Due = "due";
    public const string Lead = "lead";
    public const string CoHandlers = "coHandlers";
    public const string To = "to";
}

/// <summary>
/// What every action on a matter card carries: which matter and the revision the card was drawn at (a stale card is
/// detected by comparing it with the stored revision). Serialised camelCase as {"matter":12,"revision":5}.
/// </summary>
public sealed record CardActionData(int Matter, int Revision);

/// <summary>
/// The verbs of the buttons on meeting request cards. Every one carries <see cref="MeetingActionData"/>; the route table
/// picks the meeting handler by the data's kind, and a meeting verb with a matter's data (or the other way round) is
/// not understood.
/// </summary>
public static class MeetingVerbs
{
    public const string Prefix = "meeting.";

    public const string Refresh = "meeting.refresh";
    public const string Approve = "meeting.approve";
    public const string ApproveAnyway = "meeting.approveAnyway";

    /// <summary>Carries the index of the alternative in <see cref="MeetingInputs.Slot"/>.</summary>
    public const string PickAlternative = "meeting.pick";
    public const string SendBack = "meeting.sendBack";
    public const string Reject = "meeting.reject";
    public const string ConfirmUrgent = "meeting.confirmUrgent";
    public const string Keep = "meeting.keep";
    public const string Cancel = "meeting.cancel";
    public const string ChangeTime = "meeting.changeTime";
    public const string RegisterDecision = "meeting.registerDecision";

    public static IReadOnlyList<string> All { get; } =
        [Refresh, Approve, ApproveAnyway, PickAlternative, SendBack, Reject, ConfirmUrgent, Keep, Cancel, ChangeTime, RegisterDecision];
}

/// <summary>Ids of the inputs on meeting cards (besides <see cref="CardInputs.Reason"/>, <see cref="CardInputs.Text"/>, <see cref="CardInputs.Lead"/> and <see cref="CardInputs.Due"/>).</summary>
public static class MeetingInputs
{
    /// <summary>The index (0, 1, 2) of the alternative picked, put in the action's data by the card.</summary>
    public const string Slot = "slot";

    /// <summary>A new time: the day (yyyy-MM-dd), and the start and end (HH:mm) in office time.</summary>
    public const string Date = "date";
    public const string StartTime = "startTime";
    public const string EndTime = "endTime";
}

/// <summary>What every action on a meeting card carries: which meeting and the revision the card was drawn at. Serialised {"meeting":3,"revision":2}.</summary>
public sealed record MeetingActionData(int Meeting, int Revision);
