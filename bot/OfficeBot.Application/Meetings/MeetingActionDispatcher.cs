using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.CardActions;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.People;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Meetings;

/// <summary>A press on a meeting request's card: who, which verb, on which meeting at which revision, with the form's inputs.</summary>
public sealed record MeetingActionRequest(
    string TenantId,
    Person Sender,
    string Verb,
    MeetingActionData Data,
    IReadOnlyDictionary<string, string?> Inputs,
    string? Locale,
    string? PressedCard = null,
    IMemberDirectory? Members = null,
    Language? Remembered = null);

/// <summary>
/// The route table of meeting card verbs, with the guarantees of the matter cards: a press on a card that is out of date
/// applies nothing and answers with the fresh card; a refused press answers with the unchanged card and the reason; a
/// decision is taken on the calendars as they are now (checked again at the press), never on what the card once showed.
/// </summary>
public sealed partial class MeetingActionDispatcher(
    MeetingService meetings,
    MeetingPresenter presenter,
    MatterService matters,
    RoleDirectory roles,
    PeopleStore people,
    OfficeTime time,
    IOptions<OfficeOptions> options,
    ILogger<MeetingActionDispatcher> logger)
{
    private readonly Language _defaultLanguage = Languages.FromLocale(options.Value.DefaultLocale);

    public async Task<CardActionResult> HandleAsync(MeetingActionRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.Choose(TextScript.Unclear, request.Locale, request.Remembered, _defaultLanguage);
        var say = new MeetingMessages(language);
        var actor = roles.ActorFor(request.Sender);
        if (request.Verb.Length > InputLimits.Verb || !MeetingVerbs.All.Contains(request.Verb))
        {
            LogUnknownVerb(LogValue.Clean(request.Verb));
            var unknown = new Messages(language).UnknownAction;
            return Refused(actor, new Reply(unknown, NoticeCard.Build(language, unknown)));
        }

        var number = request.Data.Meeting;
        if (request.Verb == MeetingVerbs.Refresh)
        {
            var shown = await meetings.FindVisibleAsync(request.TenantId, number, actor, cancellationToken);
            return shown is null
                ? Refused(actor, Unknown(say, language, number))
                : new CardActionResult(await presenter.ForViewerAsync(shown, actor, language, null, cancellationToken), null, [], actor, false);
        }

        var inputs = Inputs.Read(request.Inputs, time);
        if (inputs.Problem is { } problem)
        {
            var current = await meetings.FindVisibleAsync(request.TenantId, number, actor, cancellationToken);
            return current is null
                ? Refused(actor, Unknown(say, language, number))
                : Refused(actor, await presenter.ForViewerAsync(current, actor, language, problem(say), cancellationToken));
        }

        // A decision's form is checked before anything is registered: its title, and its lead among the people known.
        Person? lead = null;
        if (request.Verb == MeetingVerbs.RegisterDecision)
        {
            string? formProblem = null;
            if (string.IsNullOrWhiteSpace(inputs.Text))
            {
                formProblem = say.DecisionTitleRequired;
            }
            else if (inputs.Lead is { } leadId && (lead = await LeadAsync(request, leadId, cancellationToken)) is null)
            {
                formProblem = new Messages(language).UnknownPeople;
            }

            if (formProblem is not null)
            {
                var current = await meetings.FindVisibleAsync(request.TenantId, number, actor, cancellationToken);
                return current is null ? Refused(actor, Unknown(say, language, number)) : Refused(actor, await presenter.ForViewerAsync(current, actor, language, formProblem, cancellationToken));
            }
        }

        var stale = false;
        Meeting? shownInstead = null;
        MeetingChangeResult result;
        try
        {
            result = await meetings.ChangeAsync(request.TenantId, number, actor, async meeting =>
            {
                stale = meeting.IsStaleFor(request.Data.Revision);
                if (stale)
                {
                    return Outcome<MeetingRefusal>.Unchanged;
                }

                var (outcome, instead) = await ApplyAsync(request, meeting, actor, inputs, lead, cancellationToken);
                shownInstead = instead;
                return outcome;
            }, request.PressedCard, cancellationToken);
        }
        catch (Storage.ConcurrencyException)
        {
            var current = await meetings.FindVisibleAsync(request.TenantId, number, actor, cancellationToken);
            return current is null ? Refused(actor, Unknown(say, language, number)) : Refused(actor, await presenter.ForViewerAsync(current, actor, language, say.Busy, cancellationToken));
        }

        if (result.Meeting is not { } changed)
        {
            return Refused(actor, Unknown(say, language, number));
        }

        if (stale)
        {
            return Refused(actor, await presenter.ForViewerAsync(changed, actor, language, say.StaleCard, cancellationToken));
        }

        if (result.Outcome.Refusal is { } refusal)
        {
            LogRefused(LogValue.Clean(request.TenantId), number, LogValue.Clean(request.Verb), refusal);
            return Refused(actor, await presenter.ForViewerAsync(shownInstead ?? changed, actor, language, say.Refused(refusal), cancellationToken));
        }

        if (!result.Outcome.IsChanged)
        {
            return new CardActionResult(await presenter.ForViewerAsync(changed, actor, language, say.NothingChanged(number), cancellationToken, NoticeTone.Information), null, [], actor,
                false);
        }

        var done = result.Appended.FirstOrDefault(e => e.Kind == MeetingHistoryKind.DecisionRegistered) is { NewValue: { } matter }
            ? say.DecisionRegistered(int.Parse(matter, CultureInfo.InvariantCulture), number)
            : say.Done(result.Appended[0].Kind, number);
        return new CardActionResult(await presenter.ForViewerAsync(changed, actor, language, done, cancellationToken, NoticeTone.Good), null, [], actor, false);
    }

    /// <summary>
    /// Applies the verb to the latest state, checking the calendars now where the decision depends on them. A refusal that
    /// found the calendars changed answers with the meeting as checked now (<c>Instead</c>), so the director sees why.
    /// </summary>
    private async Task<(Outcome<MeetingRefusal> Outcome, Meeting? Instead)> ApplyAsync(MeetingActionRequest request, Meeting meeting, Actor actor, Inputs inputs,
        Person? lead, CancellationToken cancellationToken)
    {
        var now = time.Now;
        var state = meeting.State;
        switch (request.Verb)
        {
            case MeetingVerbs.Approve or MeetingVerbs.ApproveAnyway:
            {
                if (meeting.AvailableActions(actor) is var allowed && !allowed.Contains(MeetingAction.Approve) && !allowed.Contains(MeetingAction.ApproveAnyway))
                {
                    return (request.Verb == MeetingVerbs.Approve ? meeting.Approve(actor, now, Empty(now)) : meeting.ApproveAnyway(actor, now, Empty(now)), null);
                }

                var fresh = await meetings.CheckAsync(state, null, withAlternatives: request.Verb == MeetingVerbs.Approve, cancellationToken);
                var outcome = request.Verb == MeetingVerbs.Approve ? meeting.Approve(actor, now, fresh) : meeting.ApproveAnyway(actor, now, fresh);
                return (outcome, outcome.Refusal == MeetingRefusal.HasConflicts ? Checked(state, fresh) : null);
            }

            case MeetingVerbs.PickAlternative:
            {
                if (inputs.Slot is not { } index || index >= state.Alternatives.Count)
                {
                    return (Outcome<MeetingRefusal>.Refused(MeetingRefusal.SlotNotFree), null);
                }

                if (!meeting.AvailableActions(actor).Contains(MeetingAction.PickAlternative))
                {
                    return (meeting.MoveTo(actor, now, state.Alternatives[index], Empty(now)), null);
                }

                var slot = state.Alternatives[index];
                var atSlot = await meetings.CheckAsync(state, slot, withAlternatives: false, cancellationToken);
                var outcome = meeting.MoveTo(actor, now, slot, atSlot);
                return (outcome, outcome.Refusal == MeetingRefusal.SlotNotFree
                    ? Checked(state, await meetings.CheckAsync(state, null, withAlternatives: true, cancellationToken))
                    : null);
            }

            case MeetingVerbs.SendBack:
                return (meeting.SendBack(actor, now, inputs.Reason), null);
            case MeetingVerbs.Reject:
                return (meeting.Reject(actor, now, inputs.Reason), null);
            case MeetingVerbs.ConfirmUrgent:
                return (meeting.ConfirmUrgent(actor, now), null);
            case MeetingVerbs.Keep:
                return (meeting.Keep(actor, now), null);
            case MeetingVerbs.Cancel:
                return (meeting.Cancel(actor, now, inputs.Reason), null);
            case MeetingVerbs.ChangeTime:
            {
                if (inputs.Start is not { } start || inputs.End is not { } end)
                {
                    return (Outcome<MeetingRefusal>.Refused(MeetingRefusal.EndBeforeStart), null);
                }

                if (!meeting.AvailableActions(actor).Contains(MeetingAction.ChangeTime) || Meeting.CheckTime(start, end, now) is not null)
                {
                    return (meeting.ChangeTime(actor, now, start, end, Empty(now)), null);
                }

                var fresh = await meetings.CheckAsync(state with { Start = start, End = end }, null, withAlternatives: true, cancellationToken);
                return (meeting.ChangeTime(actor, now, start, end, fresh), null);
            }

            default:
                return (await RegisterDecisionAsync(request, meeting, actor, inputs.Text!, lead, inputs.Due, cancellationToken), null);
        }
    }

    /// <summary>
    /// Registers a decision taken in the meeting as a matter whose source is the meeting, then records it on the meeting.
    /// The matter is registered under a key of this press (meeting, revision, presser), so a double press or a retry after
    /// a conflict registers it once.
    /// </summary>
    private async Task<Outcome<MeetingRefusal>> RegisterDecisionAsync(MeetingActionRequest request, Meeting meeting, Actor actor, string title, Person? lead, DateOnly? due,
        CancellationToken cancellationToken)
    {
        if (!meeting.AvailableActions(actor).Contains(MeetingAction.RegisterDecision))
        {
            return meeting.RecordDecision(actor, time.Now, 0);
        }

        var registration = new MatterRegistration(title, Source: MatterSource.Meeting, Lead: lead, Due: due is { } d ? new DueDate(d) : null) { Meeting = meeting.Number };
        var key = $"meeting|{meeting.Number}|{meeting.State.Revision}|{actor.Person.ObjectId}";
        var (matter, _) = await matters.RegisterAsync(request.TenantId, registration, actor, key, cancellationToken);
        return matter is null ? Outcome<MeetingRefusal>.Refused(MeetingRefusal.WrongStatus) : meeting.RecordDecision(actor, time.Now, matter.Number);
    }

    /// <summary>
    /// A person picked on the form: one OfficeBot has met, or a member of the chat the card was pressed in — saved then,
    /// so the matter's notice can reach them.
    /// </summary>
    private async Task<Person?> LeadAsync(MeetingActionRequest request, string objectId, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(request.TenantId, objectId, cancellationToken) is { } known)
        {
            return known.Person;
        }

        if (request.Members is null || !Guid.TryParseExact(objectId, "D", out _) || await request.Members.FindAsync(objectId, cancellationToken) is not { } member
            || !member.Person.Is(objectId))
        {
            return null;
        }

        await people.SaveAsync(request.TenantId, new KnownPerson(member.Person.ObjectId, member.Person.DisplayName, null, member.TeamsUserId), cancellationToken);
        return member.Person;
    }

    /// <summary>The meeting as checked now, for the answer to a refused press (not stored).</summary>
    private static Meeting Checked(MeetingState state, MeetingCheck fresh) =>
        Meeting.FromState(state with { Conflicts = fresh.Conflicts, Alternatives = fresh.Alternatives, CheckedAt = fresh.At });

    /// <summary>No check was needed: the operation refuses before it looks at one.</summary>
    private static MeetingCheck Empty(DateTimeOffset now) => new([], [], now);

    private static CardActionResult Refused(Actor actor, Reply reply) => new(reply, null, [], actor, true);

    private static Reply Unknown(MeetingMessages say, Language language, int number) =>
        new(say.UnknownMeeting(number), NoticeCard.Build(language, say.UnknownMeeting(number)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting card action with unknown verb {Verb}")]
    private partial void LogUnknownVerb(string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting card action {Verb} on {TenantId}#M{MeetingNumber} refused: {Refusal}")]
    private partial void LogRefused(string tenantId, int meetingNumber, string verb, MeetingRefusal refusal);

    /// <summary>The form's inputs, read strictly: a value that is not exactly what the card asks for refuses the whole press.</summary>
    private sealed record Inputs(string? Text, string? Reason, string? Lead, DateOnly? Due, int? Slot, DateTimeOffset? Start, DateTimeOffset? End, Func<MeetingMessages, string>? Problem)
    {
        public static Inputs Read(IReadOnlyDictionary<string, string?> raw, OfficeTime time)
        {
            string? Value(string key) => raw.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            static Inputs Refuse(Func<MeetingMessages, string> problem) => new(null, null, null, null, null, null, null, problem);

            foreach (var key in (string[])[CardInputs.Text, CardInputs.Reason, CardInputs.Lead, CardInputs.Due, MeetingInputs.Slot, MeetingInputs.Date, MeetingInputs.StartTime,
                MeetingInputs.EndTime])
            {
                if (Value(key) is { Length: > InputLimits.CardInput } tooLong)
                {
                    return Refuse(say => say.TooLong(tooLong.Length));
                }
            }

            if (Value(CardInputs.Text) is { Length: > InputLimits.Title } title)
            {
                return Refuse(say => say.TooLong(title.Length));
            }

            if (Value(CardInputs.Lead) is { Length: > InputLimits.Id } id)
            {
                return Refuse(say => say.InputProblem(LogValue.Clean(id)));
            }

            DateOnly? due = null;
            if (Value(CardInputs.Due) is { } dueText)
            {
                if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Refuse(say => say.InputProblem(dueText));
                }

                due = d;
            }

            int? slot = null;
            if (Value(MeetingInputs.Slot) is { } slotText)
            {
                if (!int.TryParse(slotText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s > 10)
                {
                    return Refuse(say => say.InputProblem(slotText));
                }

                slot = s;
            }

            DateTimeOffset? start = null, end = null;
            if (Value(MeetingInputs.Date) is { } dayText)
            {
                string[] times = ["HH:mm", "H:mm", "HH:mm:ss"];
                if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    || !TimeOnly.TryParseExact(Value(MeetingInputs.StartTime), times, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                    || !TimeOnly.TryParseExact(Value(MeetingInputs.EndTime), times, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                {
                    var what = $"{dayText} {Value(MeetingInputs.StartTime)}–{Value(MeetingInputs.EndTime)}";
                    return Refuse(say => say.InputProblem(what));
                }

                start = Local(day.ToDateTime(from), time.Zone);
                end = Local(day.ToDateTime(to), time.Zone);
            }

            return new Inputs(Value(CardInputs.Text), Value(CardInputs.Reason), Value(CardInputs.Lead), due, slot, start, end, null);
        }

        private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));
    }
}
