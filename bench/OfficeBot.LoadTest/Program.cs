using System.Globalization;
using System.Runtime.InteropServices;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;

namespace OfficeBot.LoadTest;

/// <summary>
/// Starts the fake connector, the echo bot and, per backend, a fresh store and the real bot host, then runs each
/// scenario with N concurrent clients and prints a Markdown table.
/// </summary>
internal static class LoadTestProgram
{
    private static readonly Dictionary<string, string> QuietHost = new()
    {
        // The bot's appsettings.json levels, given to both hosts so they log alike.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["MicrosoftAppId"] = string.Empty,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args is [EchoBot.Verb, .. var rest])
        {
            return await EchoBot.ServeAsync(rest);
        }

        var options = LoadOptions.Parse(args);
        var hostDll = Path.GetFullPath(options.HostDll ?? Path.Combine(RepositoryRoot.Find(), "bot", "OfficeBot.Web", "bin", "Release", "net10.0", "OfficeBot.Web.dll"));
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"{hostDll} does not exist: run `dotnet build -c Release bot/OfficeBot.Web` first.");
            return 2;
        }

        Console.WriteLine($"# OfficeBot load test — {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"clients {options.Clients}, warm-up {options.Warmup.TotalSeconds} s, measured {options.Duration.TotalSeconds} s per scenario, host {hostDll}");

        var office = new Office(options.SeedLeads, options.NewLeads, options.NewTenants);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await using var connector = await FakeConnector.StartAsync();
        connector.AddMembers([.. office.Roster]);
        await using var echo = await HostProcess.StartAsync(typeof(LoadTestProgram).Assembly.Location, [EchoBot.Verb], QuietHost, http);

        var rows = new List<(string Backend, ScenarioResult Result, int Replies, int Apologies)>();
        foreach (var backendName in options.Backends)
        {
            await using var backend = await Backend.StartAsync(backendName);
            var settings = office.Settings(backend.Settings);
            foreach (var (key, value) in QuietHost)
            {
                settings[key] = value;
            }

            var seeded = 0;
            if ((options.Scenarios.Contains("my") || options.Scenarios.Contains("invoke")) && options.SeedFor(backendName) > 0)
            {
                var seed = await Seeder.SeedAsync(office, settings, options.SeedFor(backendName), options.SeedWorkers);
                seeded = seed.Seeded;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{backend.Name}: seeded {seed.Seeded:N0} matters over {office.SeedLeads} leads with {options.SeedWorkers} workers in {seed.Elapsed.TotalSeconds:F1} s ({seed.Seeded / seed.Elapsed.TotalSeconds:F0}/s); number allocation gave up {seed.NumberAllocationsExhausted} times (sent again)"));
            }

            if (options.Scenarios.Contains("invoke") && seeded == 0)
            {
                throw new ArgumentException("The invoke scenario refreshes seeded matters: give --seed N (N > 0).");
            }

            // The matters the card-action scenarios press on: 20 co-handlers each, registered like the seeds.
            var changeMatter = options.Scenarios.Contains("invoke-change") ? await Seeder.RegisterCrowdMatterAsync(office, settings, "Opinions wanted") : default;
            var crowdMatter = options.Scenarios.Contains("crowd") ? await Seeder.RegisterCrowdMatterAsync(office, settings, "Budget review") : default;

            await using var bot = await HostProcess.StartAsync(hostDll, [], settings, http);
            foreach (var name in options.Scenarios)
            {
                if (name == "burst")
                {
                    await Burst.RunAsync(http, bot.Messages, office, connector, backend.Name);
                    continue;
                }

                if (name == "crowd")
                {
                    await Crowd.RunAsync(http, bot.Messages, office, connector.ServiceUrl, crowdMatter, settings, backend.Name);
                    continue;
                }

                var tally = new InvokeTally();
                var scenario = ScenarioFor(name, office, connector.ServiceUrl, seeded, changeMatter, options.Clients, tally);
                connector.Clear();
                var target = scenario.Name == "echo" ? echo : bot;
                var result = await LoadRunner.RunAsync(http, target.Messages, scenario, options);
                var replies = connector.Calls.Where(c => c.Kind == ConnectorCallKind.Reply).ToList();
                var apologies = replies.Count(IsApology);
                rows.Add((backend.Name, result, replies.Count, apologies));
                var sample = replies.LastOrDefault(r => !IsApology(r))?.Text ?? "(none)";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{backend.Name} {scenario.Name}: {result.Turns} turns, {result.TurnsPerSecond:F0}/s, p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms, {result.Errors} HTTP errors; {replies.Count} replies incl. warm-up, {apologies} apologies; a reply: \"{(sample.Length > 80 ? sample[..80] + "…" : sample)}\""));
                // Everything the scenario made the bot send, not only the replies (a `new` also notifies its lead).
                Console.WriteLine($"{backend.Name} {scenario.Name} connector calls incl. warm-up: "
                    + string.Join(", ", connector.Calls.GroupBy(c => c.Kind).Select(g => $"{g.Key} {g.Count()}")));
                if (name == "new")
                {
                    var (atEnd, left, watched) = await OutboxBacklog.WatchAsync(settings, office.NewScenarioTenants);
                    var rate = (atEnd - left) / watched.TotalSeconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{backend.Name} new outbox: {atEnd} follow-ups due and not yet done when the window ended; {atEnd - left} worked off in the next {watched.TotalSeconds:F1} s ({rate:F1}/s), {left} left"));
                }

                if (name.StartsWith("invoke", StringComparison.Ordinal))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{backend.Name} {scenario.Name} answers incl. warm-up: {tally.Cards} cards, {tally.MatterCards} of a matter ({tally.Stale} of them \"out of date\", {tally.Cards - tally.Stale} applied/current), {tally.Other} not a card; e.g. \"{tally.Sample}\""));
                }

                if (name == "invoke-change")
                {
                    var (matter, history) = await Seeder.InspectAsync(office, settings, changeMatter.Number);
                    var opinions = history.Count(h => h.Kind == OfficeBot.Domain.Matters.HistoryKind.OpinionGiven);
                    var gapless = history.Select(h => h.Sequence).SequenceEqual(Enumerable.Range(1, history.Count));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{backend.Name} invoke-change store: #{changeMatter.Number} revision {changeMatter.Revision} → {matter.State.Revision}, {opinions} opinions in history (applied answers {tally.Cards - tally.Stale}), {history.Count} history lines, sequence 1..{history.Count} without gaps: {gapless}"));
                }

                if (Environment.GetEnvironmentVariable("OFFICEBOT_LOADTEST_HOST_LOG") == "1")
                {
                    Console.WriteLine("  host log tail:" + Environment.NewLine + string.Join(Environment.NewLine, bot.Output().Split('\n').TakeLast(30)));
                }

                if (apologies > 0)
                {
                    Console.WriteLine("  host log tail: " + string.Join(" / ", bot.Output().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(3)));
                }
            }
        }

        PrintTable(rows);
        return 0;
    }

    private static Scenario ScenarioFor(string name, Office office, string serviceUrl, int seeded, (int Number, int Revision) changeMatter, int clients, InvokeTally tally) => name switch
    {
        "echo" => new Scenario(name, (client, n) => Activities.Personal(office.Asker(client), $"echo {n}", "en-US", serviceUrl)),
        "new" => new Scenario(name, (client, n) =>
        {
            var lead = office.NewScenarioLead(client + n);
            var tenant = office.NewScenarioTenants[client % office.NewScenarioTenants.Count];
            return Activities.Personal(tenant, office.DirectorUsers[client % office.DirectorUsers.Count], $"new Load matter {client}-{n} lead @{lead.Name} due next Friday", "en-US", serviceUrl, lead);
        }),
        "my" => new Scenario(name, (client, _) => Activities.Personal(office.Asker(client), "my", "en-US", serviceUrl)),

        // The bot host's cheapest card turn: the help card reads and writes nothing, so it is the floor of any command.
        "help" => new Scenario(name, (client, _) => Activities.Personal(office.Asker(client), "help", "en-US", serviceUrl)),

        // The refresh a card's viewer triggers: load the matter, draw that person's view, answer in the HTTP response.
        // Directors see every matter, so each client refreshes its own seeded matter as a director.
        "invoke" => new Scenario(
            name,
            (client, n) => Activities.Invoke(office.DirectorUsers[client % office.DirectorUsers.Count], CardVerbs.Refresh, 1 + (client * 37 + n) % Math.Min(seeded, 1000), 1, serviceUrl),
            (_, body) => tally.Count(InvokeAnswer.Parse(body))),

        // Co-handlers of one matter give opinions on it, each on the card of their last answer: every applied opinion
        // bumps the revision, so the others' next press is often on an out-of-date card, answered with the fresh one.
        "invoke-change" => InvokeChange(name, office, serviceUrl, changeMatter, clients, tally),
        _ => throw new ArgumentException($"Unknown scenario '{name}': use echo, help, new, my, invoke, invoke-change, crowd or burst."),
    };

    private static Scenario InvokeChange(string name, Office office, string serviceUrl, (int Number, int Revision) matter, int clients, InvokeTally tally)
    {
        var revisions = Enumerable.Repeat(matter.Revision, clients).ToArray();
        return new Scenario(
            name,
            (client, n) => Activities.Invoke(office.Crowd[client % office.Crowd.Count], CardVerbs.Opinion, matter.Number, revisions[client], serviceUrl, $"Opinion {client}-{n}"),
            (client, body) =>
            {
                var answer = InvokeAnswer.Parse(body);
                tally.Count(answer);
                revisions[client] = answer.Revision ?? revisions[client];
            });
    }

    /// <summary>The adapter's last line of defence: the turn threw and the user was told nothing changed.</summary>
    private static bool IsApology(ConnectorCall reply) =>
        reply.Text is { } t && (t.StartsWith("Sorry", StringComparison.Ordinal) || t.StartsWith("抱歉", StringComparison.Ordinal));

    private static void PrintTable(List<(string Backend, ScenarioResult Result, int Replies, int Apologies)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| backend | scenario | clients | turns | turns/s | p50 ms | p99 ms | ÷ echo turns/s | HTTP errors | failed turns (apology) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (backend, r, replies, apologies) in rows)
        {
            var echo = rows.FirstOrDefault(x => x.Backend == backend && x.Result.Scenario == "echo").Result;
            var ratio = echo is null || r.Scenario == "echo" ? "—" : (r.TurnsPerSecond / echo.TurnsPerSecond).ToString("F2", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {backend} | {r.Scenario} | {r.Clients} | {r.Turns} | {r.TurnsPerSecond:F0} | {r.Percentile(50):F1} | {r.Percentile(99):F1} | {ratio} | {r.Errors} | {apologies} of {replies} |"));
        }
    }
}

/// <summary>Invoke answers seen by a scenario (warm-up included): cards, how many said "out of date", anything else.</summary>
internal sealed class InvokeTally
{
    private int _cards;
    private int _stale;
    private int _other;
    private int _matterCards;

    public int Cards => _cards;

    /// <summary>Cards of a matter (they carry a refresh with the matter's revision), not e.g. a "not found" card.</summary>
    public int MatterCards => _matterCards;

    public int Stale => _stale;

    public int Other => _other;

    public string Sample { get; private set; } = "(none)";

    public void Count(InvokeAnswer answer)
    {
        if (!answer.IsCard)
        {
            Interlocked.Increment(ref _other);
            Sample = answer.Text.Length > 120 ? answer.Text[..120] + "…" : answer.Text;
            return;
        }

        Interlocked.Increment(ref _cards);
        if (answer.Revision is not null)
        {
            Interlocked.Increment(ref _matterCards);
        }

        if (answer.OutOfDate)
        {
            Interlocked.Increment(ref _stale);
        }
    }
}
