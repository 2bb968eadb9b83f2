using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.CardActions;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Commands.Handlers;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Commands;
using OfficeBot.Domain.Office;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Application.Tests;

/// <summary>
/// The application wired by hand on a fresh SQLite file, as the host wires it, without HTTP: the command and card-action
/// dispatchers, the matters and the people. The office clock is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
internal sealed class SqliteOffice : IDisposable
{
    private SqliteOffice(params string[] directors)
    {
        Store = new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
        var options = new OfficeOptions { Directors = [.. directors] };
        var time = new OfficeTime(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)), Options.Create(options));
        var monitor = new FixedOptions(options);
        People = new PeopleStore(Store);
        Matters = new MatterService(new MatterRepository(Store, new OutboxStore(Store), time), time, new OutboxSignal(), NullLogger<MatterService>.Instance);
        var presenter = new MatterPresenter(time, new Departments(monitor));
        var contexts = new CardContexts(People, monitor);
        var cards = new MatterCards(Matters, presenter, contexts);
        Roles = new RoleDirectory(monitor);
        Handlers = CommandHandlers.Create(Matters, presenter, cards, time, new OfficeBot.Application.Reports.ReportService(Matters, presenter), NullLoggerFactory.Instance);
        Commands = new CommandDispatcher(new CommandParser(), Handlers, Roles, time, Options.Create(options), NullLogger<CommandDispatcher>.Instance);
        CardActions = new CardActionDispatcher(Matters, presenter, contexts, cards, Roles, People, time, Options.Create(options), NullLogger<CardActionDispatcher>.Instance);
    }

    public SqliteTableStore Store { get; }

    public PeopleStore People { get; }

    public MatterService Matters { get; }

    public RoleDirectory Roles { get; }

    public IReadOnlyList<ICommandHandler> Handlers { get; }

    public CommandDispatcher Commands { get; }

    public CardActionDispatcher CardActions { get; }

    public static async Task<SqliteOffice> StartAsync(params string[] directors)
    {
        var office = new SqliteOffice(directors);
        foreach (var table in (string[])[MatterRepository.TableName, OutboxStore.WakeTable, PeopleStore.Table])
        {
            await office.Store.EnsureTableAsync(table);
        }

        return office;
    }

    /// <summary>A chat message from <paramref name="sender"/>, delivered once, in a chat where no one can be @mentioned.</summary>
    public Task<Reply> SayAsync(string tenantId, Person sender, string text, string locale) =>
        Commands.HandleAsync(new IncomingMessage(tenantId, sender, text, [], locale, Guid.NewGuid().ToString("N")), new NoMembers(), CancellationToken.None);

    public void Dispose() => Store.Dispose();

    private sealed class NoMembers : IMemberDirectory
    {
        public Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken) => Task.FromResult<Person?>(null);
    }

    private sealed class FixedOptions(OfficeOptions value) : IOptionsMonitor<OfficeOptions>
    {
        public OfficeOptions CurrentValue => value;

        public OfficeOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OfficeOptions, string?> listener) => null;
    }
}
