using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Presentation;
using OfficeBot.Application.Reports;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Commands;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Commands;

/// <summary>One chat turn as the handlers see it.</summary>
public sealed record Turn(string TenantId, Actor Actor, Language Language, IMemberDirectory Members, string? RequestKey = null)
{
    public Messages Say { get; } = new(Language);

    /// <summary>A group chat or channel: a matter card shown there carries no one's buttons; each person's view comes by refresh.</summary>
    public bool SharedChat { get; init; }
}

/// <summary>
/// The route table of chat commands: the parser turns text into a typed command, and each command type maps to one
/// handler here. Anything that is not a command falls back to the help card.
/// </summary>
public sealed partial class CommandDispatcher
{
    private readonly Dictionary<Type, Func<Command, Turn, CancellationToken, Task<Reply>>> _routes = [];
    private readonly CommandParser _parser;
    private readonly MatterService _matters;
    private readonly MatterPresenter _presenter;
    private readonly RoleDirectory _roles;
    private readonly OfficeTime _time;
    private readonly Language _defaultLanguage;
    private readonly MatterCards _cards;
    private readonly ReportService _reports;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(CommandParser parser, MatterService matters, MatterPresenter presenter, RoleDirectory roles, OfficeTime time,
        IOptions<OfficeOptions> options, ILogger<CommandDispatcher> logger, MatterCards cards, ReportService reports)
    {
        _reports = reports;
        _cards = cards;
        _parser = parser;
        _matters = matters;
        _presenter = presenter;
        _roles = roles;
        _time = time;
        _logger = logger;
        _defaultLanguage = Languages.FromLocale(options.Value.DefaultLocale);

        Route<NewMatterCommand>(NewMatterAsync);
        Route<ListMattersCommand>(ListAsync);
        Route<ShowMatterCommand>(ShowAsync);
        Route<AcknowledgeCommand>(AcknowledgeAsync);
        Route<ProgressCommand>(ProgressAsync);
        Route<AskCompletionCommand>(AskCompletionAsync);
        Route<TransferCommand>(TransferAsync);
        Route<UrgeCommand>(UrgeAsync);
        Route<ExtendCommand>(ExtendAsync);
        Route<HolidaysCommand>((_, turn, _) => Task.FromResult(Holidays(turn)));
        Route<ReportCommand>(ReportAsync);
        Route<HelpCommand>((_, turn, _) => Task.FromResult(Help(turn)));
    }

    public async Task<Reply> HandleAsync(IncomingMessage message, IMemberDirectory members, CancellationToken cancellationToken)
    {
        var parsed = _parser.Parse(new ParseInput(message.Text, message.Mentions, _time.Now, _time.Zone));
        var language = Languages.Choose(parsed.Written, message.Locale, message.Remembered, _defaultLanguage);
        var turn = new Turn(message.TenantId, _roles.ActorFor(message.Sender), language, members, message.RequestKey) { SharedChat = message.SharedChat };

        if (parsed.Error is { } error)
        {
            LogRejected(message.TenantId, error.Kind);
            return Error(turn, turn.Say.ParseProblem(error), CommandParser.VerbOf(error.CommandWord) ?? CommandVerb.Help) with { Language = language };
        }

        var command = parsed.Command ?? new HelpCommand(false);
        return await _routes[command.GetType()](command, turn, cancellationToken) with { Language = language };
    }

    private void Route<T>(Func<T, Turn, CancellationToken, Task<Reply>> handler)
        where T : Command =>
        _routes[typeof(T)] = (command, turn, cancellationToken) => handler((T)command, turn, cancellationToken);

    private async Task<Reply> NewMatterAsync(NewMatterCommand command, Turn turn, CancellationToken cancellationToken)
    {
        Person? lead = null;
        if (command.Lead is { } leadMention)
        {
            lead = await turn.Members.ResolveAsync(leadMention, cancellationToken);
            if (lead is null)
            {
                return Error(turn, turn.Say.PersonNotInConversation(leadMention.DisplayName), CommandVerb.New);
            }
        }

        var coHandlers = new List<Person>();
        foreach (var mention in command.CoHandlers)
        {
            var person = await turn.Members.ResolveAsync(mention, cancellationToken);
            if (person is null)
            {
                return Error(turn, turn.Say.PersonNotInConversation(mention.DisplayName), CommandVerb.New);
            }

            coHandlers.Add(person);
        }

        var registration = new MatterRegistration(command.Title, null, command.Source, command.DocumentNumber, command.Urgency, lead, coHandlers,
            command.Due is { } due ? new DueDate(due.Date, due.Time) : null);
        var (matter, refusal) = await _matters.RegisterAsync(turn.TenantId, registration, turn.Actor, turn.RequestKey, cancellationToken);
        if (matter is null)
        {
            return Error(turn, turn.Say.Refused(refusal!.Value, MatterStatus.Registered), CommandVerb.New);
        }

        LogRegistered(turn.TenantId, matter.Number, matter.Status);
        var reply = await MatterReplyAsync(matter, turn, turn.Say.Registered(matter.Number, matter.Status == MatterStatus.Registered, turn.Actor.IsDirector), cancellationToken,
            NoticeTone.Good, turn.Say.DayOffNote(matter.State.Due, _time.Calendar));
        return reply with { Committed = turn.Say.RegisteredButNotShown(matter.Number) };
    }

    private async Task<Reply> ListAsync(ListMattersCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var seesAll = turn.Actor.IsDirector || turn.Actor.IsLeader;
        var wholeOffice = seesAll && command.Kind is MatterListKind.Overdue or MatterListKind.AwaitingReview;
        var open = wholeOffice
            ? await _matters.OpenAsync(turn.TenantId, cancellationToken)
            : await _matters.OpenForPersonAsync(turn.TenantId, turn.Actor.Person.ObjectId, cancellationToken);

        IEnumerable<MatterSummary> chosen = command.Kind switch
        {
            MatterListKind.Overdue => open.Where(s => _presenter.Light(s) == TrafficLight.Red),
            MatterListKind.AwaitingReview => open.Where(s => s.Status == MatterStatus.AwaitingReview),
            _ => open,
        };
        var views = chosen
            .OrderBy(s => _presenter.Light(s) switch { TrafficLight.Red => 0, TrafficLight.Yellow => 1, _ => 2 })
            .ThenBy(s => s.Due?.Date ?? DateOnly.MaxValue)
            .ThenBy(s => s.Number)
            .Select(_presenter.View)
            .ToList();

        var heading = turn.Say.ListHeading(command.Kind);
        return new Reply($"{heading} ({views.Count})", MatterListCard.Build(heading, views, turn.Language, turn.Say.ListEmpty(command.Kind)));
    }

    private async Task<Reply> ShowAsync(ShowMatterCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var matter = await _matters.FindVisibleAsync(turn.TenantId, command.Number, turn.Actor, cancellationToken);
        if (matter is null)
        {
            return Error(turn, turn.Say.UnknownMatter(command.Number), CommandVerb.Show);
        }

        return await MatterReplyAsync(matter, turn, notice: null, cancellationToken);
    }

    private Task<Reply> AcknowledgeAsync(AcknowledgeCommand command, Turn turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, command.Number, CommandVerb.Acknowledge, m => m.Acknowledge(turn.Actor, _time.Now), turn.Say.Acknowledged(command.Number), cancellationToken,
            unchanged: turn.Say.AlreadyAcknowledged(command.Number));

    private Task<Reply> ProgressAsync(ProgressCommand command, Turn turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, command.Number, CommandVerb.Progress, m => m.ReportProgress(turn.Actor, _time.Now, command.Text), turn.Say.ProgressRecorded(command.Number), cancellationToken);

    private Task<Reply> AskCompletionAsync(AskCompletionCommand command, Turn turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, command.Number, CommandVerb.Done, m =>
        {
            var asked = m.AskCompletion(turn.Actor, _time.Now, command.Text);

            // A director who says a matter is done has also reviewed it.
            return asked.IsChanged && turn.Actor.IsDirector ? m.ApproveCompletion(turn.Actor, _time.Now) : asked;
        }, turn.Say.CompletionAsked(command.Number), cancellationToken);

    private Task<Reply> UrgeAsync(UrgeCommand command, Turn turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, command.Number, CommandVerb.Urge, m => m.Urge(turn.Actor, _time.Now, command.Text), turn.Say.Urged(command.Number), cancellationToken);

    private Task<Reply> ExtendAsync(ExtendCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var newDue = new DueDate(command.NewDue.Date, command.NewDue.Time);
        var note = turn.Say.DayOffNote(newDue, _time.Calendar);
        return turn.Actor.IsDirector
            ? ChangeAsync(turn, command.Number, CommandVerb.Extend, m => m.Extend(turn.Actor, _time.Now, newDue, command.Reason, _time.Zone), turn.Say.Extended(command.Number), cancellationToken, note: note)
            : ChangeAsync(turn, command.Number, CommandVerb.Extend, m => m.AskExtension(turn.Actor, _time.Now, newDue, command.Reason, _time.Zone), turn.Say.ExtensionAsked(command.Number), cancellationToken, note: note);
    }

    private async Task<Reply> TransferAsync(TransferCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var to = await turn.Members.ResolveAsync(command.To, cancellationToken);
        if (to is null)
        {
            return Error(turn, turn.Say.PersonNotInConversation(command.To.DisplayName), CommandVerb.Transfer);
        }

        // A director naming a lead for a matter still waiting for instruction is the instruction (批辦) itself.
        return turn.Actor.IsDirector
            ? await ChangeAsync(turn, command.Number, CommandVerb.Transfer, m => m.Status == MatterStatus.Registered
                ? m.Instruct(turn.Actor, _time.Now, to, null, null, command.Reason, _time.Zone)
                : m.Transfer(turn.Actor, _time.Now, to, command.Reason), turn.Say.Transferred(command.Number), cancellationToken)
            : await ChangeAsync(turn, command.Number, CommandVerb.Transfer, m => m.AskTransfer(turn.Actor, _time.Now, to, command.Reason, _time.Zone, _time.Calendar), turn.Say.TransferAsked(command.Number), cancellationToken);
    }

    /// <param name="note">A line under the confirmation when the change went through (a due date on a day off).</param>
    private async Task<Reply> ChangeAsync(Turn turn, int number, CommandVerb verb, Func<Matter, Outcome> operation, string done, CancellationToken cancellationToken, string? unchanged = null,
        string? note = null)
    {
        ChangeResult result;
        try
        {
            result = await _matters.ChangeAsync(turn.TenantId, number, turn.Actor, operation, cancellationToken);
        }
        catch (Storage.ConcurrencyException)
        {
            return Error(turn, turn.Say.Busy, verb);
        }

        if (result.Matter is not { } matter)
        {
            return Error(turn, turn.Say.UnknownMatter(number), verb);
        }

        if (result.Outcome.Refusal is { } refusal)
        {
            return Error(turn, turn.Say.Refused(refusal, matter.Status), verb);
        }

        if (!result.Outcome.IsChanged)
        {
            return await MatterReplyAsync(matter, turn, unchanged ?? turn.Say.NothingChanged(number), cancellationToken, NoticeTone.Information);
        }

        var reply = await MatterReplyAsync(matter, turn, done, cancellationToken, NoticeTone.Good, note);
        return reply with { Committed = turn.Say.ChangedButNotShown(number) };
    }

    /// <summary>The matter card for the person who wrote — or, in a shared chat, the neutral card everyone there sees.</summary>
    private Task<Reply> MatterReplyAsync(Matter matter, Turn turn, string? notice, CancellationToken cancellationToken,
        NoticeTone tone = NoticeTone.Attention, string? note = null) =>
        turn.SharedChat
            ? _cards.ForSharedChatAsync(matter, turn.Language, notice, cancellationToken, tone, note)
            : _cards.ForViewerAsync(matter, turn.Actor, turn.Language, notice, cancellationToken, tone: tone, note: note);

    /// <summary>How far ahead the 假日 command looks: long enough to cover the next long holiday and its make-up days.</summary>
    public const int HolidaysAheadDays = 60;

    private Reply Holidays(Turn turn)
    {
        var today = DateOnly.FromDateTime(_time.LocalNow.DateTime);
        var days = _time.Calendar.SpecialDays(today, today.AddDays(HolidaysAheadDays - 1));
        var heading = turn.Say.HolidaysHeading(HolidaysAheadDays);
        var card = HolidaysCard.Build(heading, days, turn.Language, turn.Say.HolidaysEmpty(HolidaysAheadDays));
        return new Reply($"{heading} ({HolidaysCard.Runs(days).Count})", card);
    }

    /// <summary>Directors and leaders see the whole office, as they do for 逾期 and 待審核; anyone else their own matters.</summary>
    private async Task<Reply> ReportAsync(ReportCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var report = await _reports.ForAsync(turn.TenantId, turn.Actor, turn.Language, cancellationToken);
        return new Reply($"{report.Heading} ({report.OpenCount})", ReportCard.Build(report, turn.Language));
    }

    private static Reply Help(Turn turn) => new(turn.Say.FormOf(CommandVerb.Help), HelpCard.Build(turn.Language));

    private static Reply Error(Turn turn, string problem, CommandVerb verb) =>
        new(problem, ErrorCard.Build(turn.Language, problem, turn.Say.FormOf(verb), turn.Say.ExampleOf(verb)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered matter {TenantId}#{MatterNumber} as {Status}")]
    private partial void LogRegistered(string tenantId, int matterNumber, MatterStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command in tenant {TenantId} rejected by the parser: {Problem}")]
    private partial void LogRejected(string tenantId, ParseErrorKind problem);
}
