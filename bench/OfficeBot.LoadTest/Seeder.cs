using System.Diagnostics;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Messaging;
using OfficeBot.Commands;
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
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.AddOfficeStorage();
        builder.AddOfficeApplication();
        using var host = builder.Build();
        await host.StartAsync();

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

    private sealed class RosterDirectory(Office office) : IMemberDirectory
    {
        private readonly Dictionary<string, LoadUser> _users = office.DirectorUsers.Concat(office.Users).ToDictionary(u => u.TeamsUserId);

        public Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken) =>
            Task.FromResult(_users.TryGetValue(mention.TeamsUserId, out var u) ? new Person(u.AadObjectId, u.Name) : null);
    }
}

/// <summary><paramref name="NumberAllocationsExhausted"/>: registrations the repository gave up on (ConcurrencyException) and the seeder sent again.</summary>
internal sealed record SeedResult(int Seeded, int NumberAllocationsExhausted, TimeSpan Elapsed);
