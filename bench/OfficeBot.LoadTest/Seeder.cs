using System.Diagnostics;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Commands;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;
using OfficeBot.Web.Hosting;

namespace OfficeBot.LoadTest;

/// <summary>
/// Fills the store before the host starts, through the bot's own registrations (AddOfficeStorage, AddOfficeApplication)
/// and its command dispatcher: the same parse, permission check, number allocation and batch write as a "new" turn,
/// without HTTP and the adapter, so 10,000 matters take seconds rather than a minute.
/// </summary>
internal static class Seeder
{
    public static async Task<SeedResult> SeedAsync(Office office, IReadOnlyDictionary<string, string> settings, int matters, int workers)
    {
        using var host = await StartHostAsync(settings);

        var dispatcher = host.Services.GetRequiredService<CommandDispatcher>();
        var directory = new RosterDirectory(office);
        var next = -1;
        var failures = 0;
        var exhausted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < matters; i = Interlocked.Increment(ref next))
            {
                var director = office.DirectorUsers[i % office.DirectorUsers.Count];
                var lead = office.SeedLead(i);
                var message = new IncomingMessage(Office.Tenant, new Person(director.AadObjectId, director.Name),
                    $"new Seeded matter {i} lead <at>{lead.Name}</at> due next Friday", [new MentionRef(lead.TeamsUserId, lead.Name)], "en-US");
                Reply reply;
                while (true)
                {
                    try
                    {
                        reply = await dispatcher.HandleAsync(message, directory, CancellationToken.None);
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        // The repository gave up allocating a number (every attempt lost to another writer); a user would
                        // see the apology and send again, so the seeder does too, and counts it.
                        Interlocked.Increment(ref exhausted);
                    }
                }

                if (!reply.Summary.StartsWith("Registered #", StringComparison.Ordinal) && Interlocked.Increment(ref failures) == 1)
                {
                    Console.Error.WriteLine($"Seeding: unexpected reply to matter {i}: {reply.Summary}");
                }
            }
        })));
        var elapsed = clock.Elapsed;
        await host.StopAsync();
        return new SeedResult(matters - failures, exhausted, elapsed);
    }

    /// <summary>
    /// Registers a matter with the 20 crowd users as co-handlers ("new … lead @X co @Crowd01 … co @Crowd20"), as a director,
    /// through the dispatcher like the other seeds. Returns its number and the revision its card was drawn at.
    /// </summary>
    public static async Task<(int Number, int Revision)> RegisterCrowdMatterAsync(Office office, IReadOnlyDictionary<string, string> settings, string title)
    {
        using var host = await StartHostAsync(settings);
        var dispatcher = host.Services.GetRequiredService<CommandDispatcher>();
        var director = office.DirectorUsers[0];
        var lead = office.Users[0];
        var text = $"new {title} lead <at>{lead.Name}</at> " + string.Join(' ', office.Crowd.Select(c => $"co <at>{c.Name}</at>")) + " due next Friday";
        var message = new IncomingMessage(Office.Tenant, new Person(director.AadObjectId, director.Name), text,
            [new MentionRef(lead.TeamsUserId, lead.Name), .. office.Crowd.Select(c => new MentionRef(c.TeamsUserId, c.Name))], "en-US");
        var reply = await dispatcher.HandleAsync(message, new RosterDirectory(office), CancellationToken.None);
        await host.StopAsync();
        if (reply.MatterNumber is not { } number || !reply.Summary.StartsWith("Registered #", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Could not register the crowd matter: {reply.Summary}");
        }

        var revision = System.Text.Json.Nodes.JsonNode.Parse(reply.Card.ToJson())?["refresh"]?["action"]?["data"]?["revision"]?.GetValue<int>()
            ?? throw new InvalidOperationException("The registration card has no refresh revision.");
        return (number, revision);
    }

    /// <summary>Reads a matter and its whole history from the store, as a director, through the bot's own MatterService.</summary>
    public static async Task<(Matter Matter, IReadOnlyList<HistoryEntry> History)> InspectAsync(Office office, IReadOnlyDictionary<string, string> settings, int number)
    {
        using var host = await StartHostAsync(settings);
        var matters = host.Services.GetRequiredService<MatterService>();
        var director = new Actor(new Person(office.DirectorUsers[0].AadObjectId, office.DirectorUsers[0].Name), OfficeRole.Director);
        var matter = await matters.FindVisibleAsync(Office.Tenant, number, director, CancellationToken.None)
            ?? throw new InvalidOperationException($"Matter #{number} is not in the store.");
        var history = await matters.RecentHistoryAsync(matter, 10_000, CancellationToken.None);
        await host.StopAsync();
        return (matter, history);
    }

    /// <summary>A host with the bot's storage registrations only, on the store the settings name; not started, so nothing runs in it.</summary>
    public static IHost StoreOnly(IReadOnlyDictionary<string, string> settings) => Builder(settings).Build();

    private static HostApplicationBuilder Builder(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.AddOfficeStorage();
        return builder;
    }

    private static async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Builder(settings);
        builder.AddOfficeApplication();

        // The follow-ups (notifications, in-place updates) need the Bot Framework edge, which this host does not have:
        // seeded matters notify nobody, as if no one had opened a chat with the bot yet.
        builder.Services.AddSingleton<IMessenger, NoMessenger>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class NoMessenger : IMessenger
    {
        public Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken) => Task.FromResult(new SendResult(Delivery.NoAddress));

        public Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken) => Task.FromResult(Delivery.Gone);

        public Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken) => Task.FromResult(new SendResult(Delivery.NoAddress));
    }

    private sealed class RosterDirectory(Office office) : IMemberDirectory
    {
        private readonly Dictionary<string, LoadUser> _users = office.Everyone.ToDictionary(u => u.TeamsUserId);

        public Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken) =>
            Task.FromResult(_users.TryGetValue(mention.TeamsUserId, out var u) ? new Person(u.AadObjectId, u.Name) : null);
    }
}

/// <summary><paramref name="NumberAllocationsExhausted"/>: registrations the repository gave up on (ConcurrencyException) and the seeder sent again.</summary>
internal sealed record SeedResult(int Seeded, int NumberAllocationsExhausted, TimeSpan Elapsed);
