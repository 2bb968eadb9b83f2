using System.Globalization;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// The buttons and forms of matter cards. Every Action.Execute carries <see cref="CardActionData"/>; a button without a
/// form sends no inputs, a form's Send sends the inputs of its own sub-card (<c>associatedInputs: auto</c>).
/// </summary>
internal sealed class ActionKit(MatterView matter, CardText text, CardContext context, CardLimits limits)
{
    /// <summary>The same limit the card actions check on the server: the field stops the person before the server has to.</summary>
    private const int MaxInputLength = Domain.Limits.InputLimits.CardInput;

    /// <summary>A button and the verb it finally sends, so one verb is drawn once however many roles grant it.</summary>
    public sealed record Button(string Verb, CardAction Action);

    public CardText Text => text;

    public ExecuteAction Execute(string verb, string title, ActionStyle? style = null) => new()
    {
        Verb = verb,
        Title = title,
        Style = style,
        Data = MatterSections.Data(matter),
        AssociatedInputs = AssociatedInputs.None,
    };

    /// <summary>The Send of an inline form: gathers the inputs of the card it sits on.</summary>
    public ExecuteAction Send(string verb, string? title = null, ActionStyle? style = null) => new()
    {
        Verb = verb,
        Title = title ?? text.ActSend,
        Style = style,
        Data = MatterSections.Data(matter),
        AssociatedInputs = AssociatedInputs.Auto,
    };

    public Button Plain(string verb, string title, ActionStyle? style = null) => new(verb, Execute(verb, title, style));

    public Button Form(string verb, string title, List<CardElement> inputs, string? sendTitle = null, ActionStyle? sendStyle = null)
    {
        var card = AdaptiveCard.Nested();
        card.Body.AddRange(inputs);
        card.Actions = [Send(verb, sendTitle, sendStyle)];
        return new Button(verb, new ShowCardAction { Title = title, Card = card });
    }

    public Button Acknowledge() => Plain(CardVerbs.Acknowledge, text.ActAcknowledge, ActionStyle.Positive);

    public Button ReportProgress() => Form(CardVerbs.Progress, text.ActReportProgress, [TextArea(CardInputs.Text, text.InProgressText, required: true)]);

    public Button AskCompletion() => Form(CardVerbs.AskCompletion, text.ActAskCompletion, [TextArea(CardInputs.Text, text.InCompletionNote, required: false)]);

    public Button AskExtension() => Form(CardVerbs.AskExtension, text.ActAskExtension,
        [new DateInput { Id = CardInputs.Due, Label = text.NewDue, IsRequired = true, ErrorMessage = text.InRequired }, ReasonOptional()]);

    public Button AskTransfer()
    {
        var others = Candidates().Where(p => matter.Lead is null || !SameId(p.ObjectId, matter.Lead.ObjectId));
        return Form(CardVerbs.AskTransfer, text.ActAskTransfer, [Choose(CardInputs.To, text.InTransferTo, others, required: true), ReasonOptional()]);
    }

    public Button Accept() => Plain(CardVerbs.Accept, text.ActAccept, ActionStyle.Positive);

    public Button Decline() => Form(CardVerbs.Decline, text.ActDecline, [TextArea(CardInputs.Reason, text.InDeclineReason, required: true)]);

    public Button GiveOpinion() => Form(CardVerbs.Opinion, text.ActGiveOpinion, [TextArea(CardInputs.Text, text.InOpinion, required: true)]);

    public Button PartDone() => Plain(CardVerbs.PartDone, text.ActPartDone);

    public Button Instruct() => Form(CardVerbs.Instruct, text.ActInstruct, InstructInputs());

    public Button Urge() => Form(CardVerbs.Urge, text.ActUrge, [TextArea(CardInputs.Text, text.InUrgeMessage, required: false)]);

    public Button Cancel() => Form(CardVerbs.Cancel, text.ActCancel, [TextArea(CardInputs.Reason, text.InCancelReason, required: true)],
        text.ActConfirmCancel, ActionStyle.Destructive);

    public Button Approve(string verb) => Plain(verb, text.ActApprove, ActionStyle.Positive);

    public Button Reject(string verb) => Form(verb, text.ActReject, [TextArea(CardInputs.Reason, text.InRejectReason, required: true)]);

    public Button Archive() => Plain(CardVerbs.Archive, text.ActArchive);

    public Button ShowHistory() => Plain(CardVerbs.ShowHistory, text.ActShowHistory);

    /// <summary>
    /// Lead (one, required), co-handlers (several), due date and instruction text, prefilled with the matter's. A prefilled
    /// person is always among their list's choices, whoever else is: the picker shows them by the choice's title, and a
    /// co-handler missing from the value would be dropped by the next Send.
    /// </summary>
    public List<CardElement> InstructInputs()
    {
        List<PersonView> leads = matter.Lead is { ObjectId.Length: > 0 } lead ? [lead] : [];
        var coHandlers = matter.CoHandlers.Select(c => c.Person).Where(p => !string.IsNullOrWhiteSpace(p.ObjectId)).ToList();
        return
        [
            Choose(CardInputs.Lead, text.Lead, WithCandidates(leads), required: true, value: leads.Count > 0 ? leads[0].ObjectId : null),
            Choose(CardInputs.CoHandlers, text.CoHandlers, WithCandidates(coHandlers), required: false, multi: true,
                value: coHandlers.Count > 0 ? string.Join(',', coHandlers.Select(c => c.ObjectId)) : null),
            new DateInput
            {
                Id = CardInputs.Due,
                Label = text.Due,
                Value = matter.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            TextArea(CardInputs.Text, text.InInstruction, required: false, value: matter.Instruction is { } i ? Clip(i, MaxInputLength) : null),
        ];
    }

    private IEnumerable<PersonView> WithCandidates(IEnumerable<PersonView> chosen) =>
        chosen.Concat(Candidates()).DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase);

    private IEnumerable<PersonView> Candidates() =>
        context.Candidates
            .Where(p => !string.IsNullOrWhiteSpace(p.ObjectId))
            .DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase)
            .Take(limits.Candidates);

    private TextInput TextArea(string id, string label, bool required, string? value = null) => TextArea(id, label, required, text, value);

    /// <summary>A multi-line text field held to the server's input limit; every card's forms draw theirs with it.</summary>
    public static TextInput TextArea(string id, string label, bool required, CardText text, string? value = null) => new()
    {
        Id = id,
        Label = label,
        IsMultiline = true,
        IsRequired = required,
        ErrorMessage = required ? text.InRequired : null,
        MaxLength = MaxInputLength,
        Value = value,
    };

    private TextInput ReasonOptional() => TextArea(CardInputs.Reason, text.InReasonOptional, required: false);

    private ChoiceSetInput Choose(string id, string label, IEnumerable<PersonView> people, bool required, bool multi = false, string? value = null) =>
        PeoplePicker(id, label, people, required, text, limits, multi, value);

    /// <summary>Teams' people picker over the whole organisation, with <paramref name="people"/> as the fallback choices; every card's forms draw theirs with it.</summary>
    public static ChoiceSetInput PeoplePicker(string id, string label, IEnumerable<PersonView> people, bool required, CardText text, CardLimits limits,
        bool multi = false, string? value = null) => new()
    {
        Id = id,
        Label = label,
        Choices = people.Select(p => new Choice(Clip(p.DisplayName, limits.Name), p.ObjectId)).ToList(),
        IsRequired = required,
        ErrorMessage = required ? text.InRequired : null,
        IsMultiSelect = multi,
        Style = multi ? null : ChoiceInputStyle.Compact,
        Placeholder = multi ? null : text.InChoose,
        Value = value,
        Wrap = true,

        // The whole organisation, not only the people OfficeBot has met: in an office of hundreds the right person may
        // never have written to the bot. The server resolves a newcomer through the conversation's roster.
        ChoicesData = new DataQuery { Dataset = DataQuery.OrganisationUsers },
    };

    public static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
