using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.CardActions;

/// <summary>
/// A press of an Action.Execute button: who, which verb, on which matter at which revision, with the form's inputs;
/// <paramref name="PressedCard"/> is the card's message (<c>conversation|activity</c>) when Teams says which it was.
/// <paramref name="Members"/> is the roster of the conversation where the card was pressed: it names a person picked
/// from the organisation's directory whom OfficeBot has not met yet (without it, only people already met are accepted).
/// <paramref name="Remembered"/> is the language the presser last wrote in (a press carries no text of its own).
/// </summary>
public sealed record CardActionRequest(
    string TenantId,
    Person Sender,
    string Verb,
    CardActionData? Data,
    IReadOnlyDictionary<string, string?> Inputs,
    string? Locale,
    string? PressedCard = null,
    IMemberDirectory? Members = null,
    Language? Remembered = null);

/// <summary>The card for the presser, and — when the matter changed — what changed, for the follow-up (notifications, updates in place).</summary>
public sealed record CardActionResult(Reply Reply, Matter? Changed, IReadOnlyList<HistoryEntry> Appended, Actor Actor, bool Refused);

/// <summary>
/// The route table of card verbs (the card-side twin of <see cref="Commands.CommandDispatcher"/>). A press on a card that
/// is out of date never overwrites the newer state: it answers with the fresh card and what changed. A refused press
/// answers with the unchanged card and the reason.
/// </summary>
public sealed partial class CardActionDispatcher
{
    /// <summary>How many of the latest history lines are searched for what made a card out of date.</summary>
    private const int StaleReasonLookBack = 30;

    private delegate Outcome Operation(Matter matter, Actor actor, Inputs inputs);

    private readonly Dictionary<string, Operation> _routes = new(StringComparer.Ordinal);
    private readonly MatterService _matters;
    private readonly MatterPresenter _presenter;
    private readonly CardContexts _contexts;
    private readonly MatterCards _cards;
    private readonly RoleDirectory _roles;
    private readonly PeopleStore _people;
    private readonly OfficeTime _time;
    private readonly Language _defaultLanguage;
    private readonly ILogger<CardActionDispatcher> _logger;

    public CardActionDispatcher(MatterService matters, MatterPresenter presenter, CardContexts contexts, MatterCards cards, RoleDirectory roles, PeopleStore people,
        OfficeTime time, IOptions<OfficeOptions> options, ILogger<CardActionDispatcher> logger)
    {
        _cards = cards;
        _matters = matters;
        _presenter = presenter;
        _contexts = contexts;
        _roles = roles;
        _people = people;
        _time = time;
        _logger = logger;
        _defaultLanguage = Languages.FromLocale(options.Value.DefaultLocale);

        Route(CardVerbs.Acknowledge, (m, a, _) => m.Acknowledge(a, _time.Now));
        Route(CardVerbs.Progress, (m, a, i) => m.ReportProgress(a, _time.Now, i.Text ?? string.Empty));
        Route(CardVerbs.AskCompletion, (m, a, i) => m.AskCompletion(a, _time.Now, i.Text));
        Route(CardVerbs.AskExtension, (m, a, i) => i.Due is { } due ? m.AskExtension(a, _time.Now, due, i.Reason, _time.Zone) : Outcome.Refused(Domain.Matters.Refusal.DueInPast));
        Route(CardVerbs.AskTransfer, (m, a, i) => i.To is { } to ? m.AskTransfer(a, _time.Now, to, i.Reason, _time.Zone, _time.Calendar) : Outcome.Refused(Domain.Matters.Refusal.LeadRequired));
        Route(CardVerbs.Urge, (m, a, i) => m.Urge(a, _time.Now, i.Text));
        Route(CardVerbs.Cancel, (m, a, i) => string.IsNullOrWhiteSpace(i.Reason) && m.Check(MatterAction.Cancel, a) is null
            ? Outcome.Refused(Domain.Matters.Refusal.ReasonRequired)
            : m.Cancel(a, _time.Now, i.Reason));
        Route(CardVerbs.Archive, (m, a, _) => m.Archive(a, _time.Now));
        Route(CardVerbs.Instruct, (m, a, i) => m.Instruct(a, _time.Now, i.Lead, i.CoHandlers, i.Due, i.Text, _time.Zone));
        Route(CardVerbs.Accept, (m, a, _) => m.AcceptCoHandling(a, _time.Now));
        Route(CardVerbs.Decline, (m, a, i) => m.DeclineCoHandling(a, _time.Now, i.Reason ?? string.Empty));
        Route(CardVerbs.Opinion, (m, a, i) => m.GiveOpinion(a, _time.Now, i.Text ?? string.Empty));
        Route(CardVerbs.PartDone, (m, a, i) => m.MarkPartDone(a, _time.Now, i.Text));
        Route(CardVerbs.ApproveCompletion, (m, a, i) => m.ApproveCompletion(a, _time.Now, i.Text));
        Route(CardVerbs.RejectCompletion, (m, a, i) => m.RejectCompletion(a, _time.Now, i.Reason ?? string.Empty));
        Route(CardVerbs.ApproveExtension, (m, a, _) => m.ApproveExtension(a, _time.Now));
        Route(CardVerbs.RejectExtension, (m, a, i) => m.RejectExtension(a, _time.Now, i.Reason ?? string.Empty));
        Route(CardVerbs.ApproveTransfer, (m, a, _) => m.ApproveTransfer(a, _time.Now));
        Route(CardVerbs.RejectTransfer, (m, a, i) => m.RejectTransfer(a, _time.Now, i.Reason ?? string.Empty));
    }

    public async Task<CardActionResult> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.Choose(TextScript.Unclear, request.Locale, request.Remembered, _defaultLanguage);
        var say = new Messages(language);
        var actor = _roles.ActorFor(request.Sender);
        if (request.Data is not { } data)
        {
            return Refused(actor, new Reply(say.NotAMatterCard, NoticeCard.Build(language, say.NotAMatterCard)));
        }

        if (request.Verb.Length > InputLimits.Verb)
        {
            LogVerbTooLong(request.Verb.Length);
            return Refused(actor, new Reply(say.UnknownAction, NoticeCard.Build(language, say.UnknownAction)));
        }

        if (request.Verb is CardVerbs.Refresh or CardVerbs.ShowHistory)
        {
            return await ViewAsync(request, data, actor, language, cancellationToken);
        }

        if (!_routes.TryGetValue(request.Verb, out var operation))
        {
            LogUnknownVerb(LogValue.Clean(request.Verb));
            return Refused(actor, new Reply(say.UnknownAction, NoticeCard.Build(language, say.UnknownAction)));
        }

        var inputs = await Inputs.ReadAsync(request.TenantId, request.Inputs, _people, request.Members, cancellationToken);
        if (inputs.Problem is { } problem)
        {
            var current = await _matters.FindVisibleAsync(request.TenantId, data.Matter, actor, cancellationToken);
            return current is null
                ? Refused(actor, UnknownMatter(say, language, data.Matter))
                : Refused(actor, await MatterReplyAsync(current, actor, language, problem.Describe(say), cancellationToken));
        }

        var stale = false;
        ChangeResult result;
        try
        {
            result = await _matters.ChangeAsync(request.TenantId, data.Matter, actor, matter =>
            {
                // Decided on the state the card showed: if what this press depends on moved on since, it is not applied
                // blindly. Another co-handler's answer does not count; the presser's own earlier press does.
                stale = matter.IsStaleFor(data.Revision, actor.Person);
                return stale ? Outcome.Unchanged : operation(matter, actor, inputs);
            }, request.PressedCard, cancellationToken);
        }
        catch (Storage.ConcurrencyException)
        {
            var current = await _matters.FindVisibleAsync(request.TenantId, data.Matter, actor, cancellationToken);
            return current is null
                ? Refused(actor, UnknownMatter(say, language, data.Matter))
                : Refused(actor, await MatterReplyAsync(current, actor, language, say.Busy, cancellationToken));
        }

        if (result.Matter is not { } changed)
        {
            return Refused(actor, UnknownMatter(say, language, data.Matter));
        }

        if (stale)
        {
            // What made it out of date: the latest change that concerns everyone, or the presser's own earlier press.
            var recent = await _matters.RecentHistoryAsync(changed, StaleReasonLookBack, cancellationToken);
            var cause = recent.LastOrDefault(e => !e.IsPersonalAnswer || e.Actor.Is(actor.Person)) ?? recent.LastOrDefault();
            var notice = say.StaleCard(cause, id => changed.People().FirstOrDefault(p => p.Is(id))?.DisplayName ?? id, _time);
            return Refused(actor, await MatterReplyAsync(changed, actor, language, notice, cancellationToken));
        }

        if (result.Outcome.Refusal is { } refusal)
        {
            LogRefused(LogValue.Clean(request.TenantId), data.Matter, LogValue.Clean(request.Verb), refusal);
            return Refused(actor, await MatterReplyAsync(changed, actor, language, say.Refused(refusal, changed.Status), cancellationToken));
        }

        if (!result.Outcome.IsChanged)
        {
            return new CardActionResult(await MatterReplyAsync(changed, actor, language, say.NothingChanged(changed.Number), cancellationToken), null, [], actor, false);
        }

        // A date picked on a form (instruction, extension) that falls on a day off is taken, with a word about it.
        var reply = await _cards.ForViewerAsync(changed, actor, language, null, cancellationToken, tone: NoticeTone.Information, note: say.DayOffNote(inputs.Due, _time.Calendar));
        return new CardActionResult(reply, changed, result.Appended, actor, false);
    }

    private Task<Reply> MatterReplyAsync(Matter matter, Actor viewer, Language language, string? notice, CancellationToken cancellationToken) =>
        _cards.ForViewerAsync(matter, viewer, language, notice, cancellationToken);

    private async Task<CardActionResult> ViewAsync(CardActionRequest request, CardActionData data, Actor actor, Language language, CancellationToken cancellationToken)
    {
        var say = new Messages(language);
        var matter = await _matters.FindVisibleAsync(request.TenantId, data.Matter, actor, cancellationToken);
        if (matter is null)
        {
            return Refused(actor, UnknownMatter(say, language, data.Matter));
        }

        if (request.Verb == CardVerbs.ShowHistory)
        {
            var all = await _matters.RecentHistoryAsync(matter, matter.State.HistoryCount, cancellationToken);
            var view = _presenter.View(matter, all, language);
            return new CardActionResult(new Reply($"#{matter.Number}", HistoryCard.Build(view, language, await _contexts.ForAsync(matter, actor, null, cancellationToken)), matter.Number), null, [], actor, false);
        }

        return new CardActionResult(await MatterReplyAsync(matter, actor, language, null, cancellationToken), null, [], actor, false);
    }

    private static CardActionResult Refused(Actor actor, Reply reply) => new(reply, null, [], actor, true);

    private static Reply UnknownMatter(Messages say, Language language, int number) =>
        new(say.UnknownMatter(number), NoticeCard.Build(language, say.UnknownMatter(number)));

    private void Route(string verb, Operation operation) => _routes[verb] = operation;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action with a verb of {Length} characters refused unread")]
    private partial void LogVerbTooLong(int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action with unknown verb {Verb}")]
    private partial void LogUnknownVerb(string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} on {TenantId}#{MatterNumber} refused: {Refusal}")]
    private partial void LogRefused(string tenantId, int matterNumber, string verb, Refusal refusal);

    /// <summary>
    /// The form's inputs, read strictly and checked before anything changes: a value that is not exactly what the card
    /// asks for (a date other than yyyy-MM-dd, a person who can be found neither among the people OfficeBot has met nor
    /// in the roster of the conversation, more co-handlers than a matter may have, a value over
    /// <see cref="InputLimits.CardInput"/>) refuses the whole press rather than being cut, guessed or dropped.
    /// </summary>
    private sealed record Inputs(string? Text, string? Reason, DueDate? Due, Person? Lead, IReadOnlyList<Person>? CoHandlers, Person? To, InputProblem? Problem)
    {
        public static async Task<Inputs> ReadAsync(string tenantId, IReadOnlyDictionary<string, string?> raw, PeopleStore people, IMemberDirectory? members,
            CancellationToken cancellationToken)
        {
            string? Value(string key) => raw.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            static Inputs Refuse(InputProblem problem) => new(null, null, null, null, null, null, problem);

            foreach (var key in (string[])[CardInputs.Text, CardInputs.Reason, CardInputs.Due, CardInputs.Lead, CardInputs.To])
            {
                if (Value(key) is { Length: > InputLimits.CardInput } tooLong)
                {
                    return Refuse(new InputProblem(InputProblemKind.TooLong, tooLong.Length));
                }
            }

            DueDate? due = null;
            if (Value(CardInputs.Due) is { } dueText)
            {
                // Input.Date answers yyyy-MM-dd and nothing else; "2031-01-01garbage" is not a date with a comment.
                if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Refuse(new InputProblem(InputProblemKind.NotADate, 0, dueText));
                }

                due = new DueDate(date);
            }

            var coHandlerIds = Value(CardInputs.CoHandlers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (coHandlerIds is { Count: > InputLimits.CoHandlers })
            {
                // Refused before a single lookup: twenty thousand ids must not cost twenty thousand reads.
                return Refuse(new InputProblem(InputProblemKind.TooManyPeople, coHandlerIds.Count));
            }

            // People picked from the directory whom OfficeBot meets now; saved only once every id on the form is good.
            var newcomers = new List<ConversationMember>();

            async Task<(Person? Person, bool Unknown)> PersonAsync(string? objectId)
            {
                if (objectId is null)
                {
                    return (null, false);
                }

                if (objectId.Length > InputLimits.Id)
                {
                    return (null, true);
                }

                if (await people.FindAsync(tenantId, objectId, cancellationToken) is { } known)
                {
                    return (known.Person, false);
                }

                if (newcomers.Find(n => n.Person.Is(objectId)) is { } again)
                {
                    return (again.Person, false);
                }

                // Teams' people picker answers Entra object ids, which are GUIDs: anything else is not asked about.
                if (members is null || !Guid.TryParseExact(objectId, "D", out _) || await members.FindAsync(objectId, cancellationToken) is not { } member
                    || !member.Person.Is(objectId))
                {
                    return (null, true);
                }

                newcomers.Add(member);
                return (member.Person, false);
            }

            var coHandlers = new List<Person>();
            foreach (var id in coHandlerIds ?? [])
            {
                var (person, unknown) = await PersonAsync(id);
                if (unknown)
                {
                    return Refuse(new InputProblem(InputProblemKind.UnknownPerson, 0));
                }

                coHandlers.Add(person!);
            }

            var (lead, unknownLead) = await PersonAsync(Value(CardInputs.Lead));
            var (to, unknownTo) = await PersonAsync(Value(CardInputs.To));
            if (unknownLead || unknownTo)
            {
                return Refuse(new InputProblem(InputProblemKind.UnknownPerson, 0));
            }

            // Saved before the change, so the notifications that follow it can find their Teams id and open a chat.
            foreach (var newcomer in newcomers)
            {
                await people.SaveAsync(tenantId, new KnownPerson(newcomer.Person.ObjectId, newcomer.Person.DisplayName, null, newcomer.TeamsUserId), cancellationToken);
            }

            return new Inputs(Value(CardInputs.Text), Value(CardInputs.Reason), due, lead, coHandlerIds is null ? null : coHandlers, to, null);
        }
    }

    private enum InputProblemKind
    {
        NotADate,
        TooLong,
        UnknownPerson,
        TooManyPeople,
    }

    /// <summary>Why a card's inputs were refused, said in the presser's language with the limit it broke.</summary>
    private sealed record InputProblem(InputProblemKind Kind, int Length, string? Value = null)
    {
        public string Describe(Messages say) => Kind switch
        {
            InputProblemKind.NotADate => say.InputProblem(Value ?? string.Empty),
            InputProblemKind.TooLong => say.CardInputTooLong(Length),
            InputProblemKind.TooManyPeople => say.TooManyPeople,
            _ => say.UnknownPeople,
        };
    }
}
