using System.Globalization;
using System.Text.Json.Serialization;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// The buttons and forms of a meeting card. Which actions are drawn is the domain's answer alone
/// (<see cref="MeetingCardContext.Actions"/>); every Action.Execute carries <see cref="MeetingActionData"/>, a "move to"
/// button also the alternative's index under <see cref="MeetingInputs.Slot"/>.
/// </summary>
internal sealed class MeetingActions(MeetingView view, CardText text, MeetingCardContext context, CardLimits limits)
{
    /// <summary>Every action that has a button, most pressing first: the director's answers, then the requester's, cancel last.</summary>
    private static readonly (MeetingAction Action, Func<MeetingActions, IEnumerable<CardAction>> Draw)[] Drawn =
    [
        (MeetingAction.Approve, kit => [kit.Execute(MeetingVerbs.Approve, kit.Text.ActMeetingApprove, ActionStyle.Positive)]),
        (MeetingAction.ApproveAnyway, kit => [kit.ApproveAnyway()]),
        (MeetingAction.PickAlternative, kit => kit.PickAlternatives()),
        (MeetingAction.SendBack, kit => [kit.Form(MeetingVerbs.SendBack, kit.Text.ActSendBack, [kit.Reason(kit.Text.InSendBackReason, required: true)])]),
        (MeetingAction.Reject, kit => [kit.Form(MeetingVerbs.Reject, kit.Text.ActMeetingReject, [kit.Reason(kit.Text.InMeetingRejectReason, required: true)],
            sendStyle: ActionStyle.Destructive)]),
        (MeetingAction.ConfirmUrgent, kit => [kit.Execute(MeetingVerbs.ConfirmUrgent, kit.Text.ActConfirmUrgent)]),
        (MeetingAction.Keep, kit => [kit.Execute(MeetingVerbs.Keep, kit.Text.ActKeep)]),
        (MeetingAction.ChangeTime, kit => [kit.Form(MeetingVerbs.ChangeTime, kit.Text.ActChangeTime, kit.TimeInputs())]),
        (MeetingAction.RegisterDecision, kit => [kit.Form(MeetingVerbs.RegisterDecision, kit.Text.ActRegisterDecision, kit.DecisionInputs())]),
        (MeetingAction.Cancel, kit => [kit.Form(MeetingVerbs.Cancel, kit.Text.ActCancelMeeting, [kit.Reason(kit.Text.InReasonOptional, required: false)],
            kit.Text.ActConfirmCancelMeeting, ActionStyle.Destructive)]),
    ];

    private CardText Text => text;

    public List<CardAction> Draw() => Drawn.Where(d => context.Actions.Contains(d.Action)).SelectMany(d => d.Draw(this)).ToList();

    private ExecuteAction Execute(string verb, string title, ActionStyle? style = null, object? data = null, string? tooltip = null) => new()
    {
        Verb = verb,
        Title = title,
        Style = style,
        Tooltip = tooltip,
        Data = data ?? MeetingCard.Data(view),
        AssociatedInputs = AssociatedInputs.None,
    };

    private ShowCardAction Form(string verb, string title, List<CardElement> inputs, string? sendTitle = null, ActionStyle? sendStyle = null)
    {
        var card = AdaptiveCard.Nested();
        card.Body.AddRange(inputs);
        card.Actions =
        [
            new ExecuteAction
            {
                Verb = verb,
                Title = sendTitle ?? text.ActSend,
                Style = sendStyle,
                Data = MeetingCard.Data(view),
                AssociatedInputs = AssociatedInputs.Auto,
            },
        ];
        return new ShowCardAction { Title = title, Card = card };
    }

    private ExecuteAction ApproveAnyway() =>
        Execute(MeetingVerbs.ApproveAnyway, text.ActApproveAnyway, tooltip: text.ApproveAnywayTip(view.Conflicts.Count));

    /// <summary>One button per alternative listed on the card, in the same order, each naming its day and time.</summary>
    private IEnumerable<CardAction> PickAlternatives() =>
        MeetingCard.ShownAlternatives(view).Select((slot, index) => Execute(MeetingVerbs.PickAlternative,
            text.MoveTo(MeetingCard.SlotLabel(slot, text)), data: new MeetingSlotData(view.Number, view.Revision, index)));

    private TextInput Reason(string label, bool required) => ActionKit.TextArea(CardInputs.Reason, label, required, text);

    /// <summary>The day, start and end, prefilled with the meeting's own.</summary>
    private List<CardElement> TimeInputs() =>
    [
        new DateInput
        {
            Id = MeetingInputs.Date,
            Label = text.InDate,
            IsRequired = true,
            ErrorMessage = text.InRequired,
            Value = view.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        Time(MeetingInputs.StartTime, text.InStartTime, view.Start),
        Time(MeetingInputs.EndTime, text.InEndTime, view.End),
    ];

    private TimeInput Time(string id, string label, DateTimeOffset value) => new()
    {
        Id = id,
        Label = label,
        IsRequired = true,
        ErrorMessage = text.InRequired,
        Value = value.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>What was decided, who leads it (the same people picker as a matter's instruction) and by when.</summary>
    private List<CardElement> DecisionInputs() =>
    [
        ActionKit.TextArea(CardInputs.Text, text.InDecision, required: true, text),
        ActionKit.PeoplePicker(CardInputs.Lead, text.Lead, Candidates(), required: false, text, limits),
        new DateInput { Id = CardInputs.Due, Label = text.Due },
    ];

    private IEnumerable<PersonView> Candidates() =>
        context.Candidates
            .Where(p => !string.IsNullOrWhiteSpace(p.ObjectId))
            .DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase)
            .Take(limits.Candidates);
}

/// <summary>A "move to" button's data: the meeting, the revision and the alternative's index, {"meeting":3,"revision":2,"slot":0}.</summary>
/// <remarks>The first alternative's index is 0, which the card's JSON options would leave out as a default: it is always written.</remarks>
internal sealed record MeetingSlotData(int Meeting, int Revision, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int Slot);
