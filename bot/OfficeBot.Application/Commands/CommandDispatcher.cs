using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Commands.Handlers;
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
/// The route table of chat commands: the parser turns text into a typed command, and each command type maps to its
/// handler (<see cref="ICommandHandler"/>, one class each). Anything that is not a command falls back to the help card.
/// </summary>
public sealed partial class CommandDispatcher
{
    private readonly Dictionary<Type, ICommandHandler> _routes;
    private readonly CommandParser _parser;
    private readonly RoleDirectory _roles;
    private readonly OfficeTime _time;
    private readonly Language _defaultLanguage;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(CommandParser parser, IEnumerable<ICommandHandler> handlers, RoleDirectory roles, OfficeTime time, IOptions<OfficeOptions> options,
        ILogger<CommandDispatcher> logger)
    {
        _parser = parser;
        _routes = handlers.ToDictionary(h => h.CommandType);
        _roles = roles;
        _time = time;
        _logger = logger;
        _defaultLanguage = Languages.FromLocale(options.Value.DefaultLocale);
    }

    public async Task<Reply> HandleAsync(IncomingMessage message, IMemberDirectory members, CancellationToken cancellationToken)
    {
        var parsed = _parser.Parse(new ParseInput(message.Text, message.Mentions, _time.Now, _time.Zone));
        var language = Languages.Choose(parsed.Written, message.Locale, message.Remembered, _defaultLanguage);
        var turn = new Turn(message.TenantId, _roles.ActorFor(message.Sender), language, members, message.RequestKey) { SharedChat = message.SharedChat };

        if (parsed.Error is { } error)
        {
            LogRejected(message.TenantId, error.Kind);
            return CommandReplies.Error(turn, turn.Say.ParseProblem(error), CommandParser.VerbOf(error.CommandWord) ?? CommandVerb.Help) with { Language = language };
        }

        var command = parsed.Command ?? new HelpCommand(false);
        var reply = _routes.TryGetValue(command.GetType(), out var handler)
            ? await handler.HandleAsync(command, turn, cancellationToken)
            : HelpHandler.Help(turn);
        return reply with { Language = language };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command in tenant {TenantId} rejected by the parser: {Problem}")]
    private partial void LogRejected(string tenantId, ParseErrorKind problem);
}
