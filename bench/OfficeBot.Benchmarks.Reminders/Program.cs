using System.Diagnostics;
using System.Globalization;
using static OfficeBot.Benchmarks.Reminders.Stats;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>Issue 8's benchmarks; see docs/benchmarks.md ("Reminders and the report at 100,000 matters").</summary>
/// <remarks>Not top-level statements: those would declare a second <c>Program</c> next to the bot's, which the delivery run hosts.</remarks>
internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        var options = Options.Parse(args);
        void Say(string line) => Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}");
        string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        Say($"load average at start: {Load()}; {Environment.ProcessorCount} cores");
        var office = new BenchOffice(options.Leads);
        var seeding = new List<string>();
        var due = new List<string>();
        var report = new List<string>();
        var plan = new List<string>();
        var loads = new List<string>();

        foreach (var (backend, sizes, workers) in new[] { ("sqlite", options.SqliteSizes, options.Workers), ("azurite", options.AzuriteSizes, options.AzuriteWorkers) })
        {
            if (!options.Backends.Contains(backend))
            {
                continue;
            }

            foreach (var size in sizes)
            {
                await using var store = await StoreHost.StartAsync(backend, office, Seeder.SeedAt, options.PersistedAzurite);
                if (options.Parts.Contains("plan") && plan.Count == 0)
                {
                    Say($"plan: {options.PlanSize:N0} matters (load {Load()})");
                    plan.AddRange(StoreMeasurements.Plan(store, office, options.PlanSize));
                }

                if (!options.Parts.Contains("store"))
                {
                    break;
                }

                Say($"{store.Backend}: seeding {size:N0} matters with {workers} workers (load {Load()})");
                var seeded = await Seeder.SeedAsync(store, office, size, workers, Say);
                seeding.Add($"| {store.Backend} | {seeded.Seeded:N0} | {workers} | {F(seeded.Elapsed.TotalSeconds)} s | {F(seeded.PerSecond, 0)}/s | {seeded.Refused} | {seeded.ReminderRows:N0} | {seeded.FollowUpsDropped:N0} + {seeded.SupersededDropped:N0} in {F(seeded.DropElapsed.TotalSeconds)} s |");
                Say(seeding[^1]);

                loads.Add($"{store.Backend} {size:N0}: {Load()} before the measurements");
                Say($"{store.Backend} {size:N0}: due query (load {Load()})");
                var rows = await StoreMeasurements.DueQueryAsync(store, size, options.Repeats);
                due.AddRange(rows);
                rows.ToList().ForEach(Say);

                Say($"{store.Backend} {size:N0}: report (load {Load()})");
                report.Add(await StoreMeasurements.ReportAsync(store, size, options.ReportRuns));
                Say(report[^1]);
                loads[^1] += $", {Load()} after";
            }
        }

        DeliveryResult? delivery = null;
        if (options.Parts.Contains("delivery") && options.People > 0)
        {
            Say($"delivery: {options.People} people (load {Load()})");
            var loadBefore = Load();
            delivery = await DeliveryRun.RunAsync(options.People, options.Settings, Say);
            loads.Add($"delivery: {loadBefore} before, {Load()} after");
        }

        Console.WriteLine();
        Console.WriteLine($"## Results ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine("Load average (1/5/15 min): " + string.Join("; ", loads));
        Print("Plan: ReminderSchedule.Next per matter", "| state | matters | planned | p50 µs | p99 µs | max µs | all, ms |", plan);
        Print("Seeding", "| backend | matters | workers | time | rate | refused | reminder rows left | rows dropped: follow-ups + superseded reminders |", seeding);
        Print("Due query: OutboxStore.DueAsync", "| backend | open matters | query | rows returned | runs | p50 ms | p99 ms | min ms |", due);
        Print("Report: ReportService.OfficeAsync + ReportCard.Build + ToJson (ms: query and counting + card)", "| backend | open matters | cold | warm median | warm range (total) | warm runs | card bytes |", report);
        if (delivery is not null)
        {
            Print($"Delivery: {delivery.People} people, one chat each, rate limits enforced", "| phase | sends to people | distinct people | lost | duplicates | in-place updates (in the people's chats) | messages accepted (sends + updates) | first after s | span s | overall msg/s | steady msg/s (10–90 %) | ÷ 50/s | steady sends/s | most in any 1 s | 429s |",
                [delivery.Notifications.Row("notifications (registration)"), delivery.Reminders.Row("reminders (all due at 14:00)")]);
        }

        void Print(string title, string header, IReadOnlyList<string> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            Console.WriteLine();
            Console.WriteLine($"### {title}");
            Console.WriteLine();
            Console.WriteLine(header);
            Console.WriteLine("|" + string.Concat(header.Count(c => c == '|') - 1 is var n ? Enumerable.Repeat("---|", n) : []));
            rows.ToList().ForEach(Console.WriteLine);
        }
    }
}

internal sealed record Options(
    IReadOnlyList<string> Backends,
    IReadOnlyList<string> Parts,
    IReadOnlyList<int> SqliteSizes,
    IReadOnlyList<int> AzuriteSizes,
    int Workers,
    int AzuriteWorkers,
    int Leads,
    int PlanSize,
    int Repeats,
    int ReportRuns,
    int People,
    bool PersistedAzurite,
    IReadOnlyDictionary<string, string> Settings)
{
    public const string Usage = """
        OfficeBot.Benchmarks.Reminders [options]
          --backends sqlite,azurite      stores to seed and measure
          --parts plan,store,delivery    what to run
          --sizes 10000,100000           open matters per SQLite run (a fresh file each)
          --azurite-sizes 10000          open matters per Azurite run (a fresh Azurite each)
          --workers 4 --azurite-workers 8  seeding tasks
          --leads 500                    leads the matters are spread over (200 departments)
          --plan-size 100000             matters whose plan is timed
          --repeats 30 --report-runs 5   due queries per case; warm report builds after the cold one
          --people 2000                  delivery: reminders for this many people at once (0: skip)
          --set Outbox:Parallelism=32    a host setting for the delivery run (repeatable)
          --azurite-persisted true       Azurite as the tests start it (--location, saved to disk every 5 s) instead of in memory
        """;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                Environment.Exit(0);
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }

            if (args[i] == "--set")
            {
                var (key, value) = args[++i].Split('=', 2) is [var k, var v] ? (k, v) : throw new ArgumentException($"--set wants key=value, not '{args[i]}'.");
                settings[key] = value;
                continue;
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        IReadOnlyList<string> List(string name, string fallback) => Get(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<int> Ints(string name, string fallback) => List(name, fallback).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new Options(List("backends", "sqlite,azurite"), List("parts", "plan,store,delivery"), Ints("sizes", "10000,100000"), Ints("azurite-sizes", "10000"),
            Int("workers", 4), Int("azurite-workers", 8), Int("leads", 500), Int("plan-size", 100_000), Int("repeats", 30), Int("report-runs", 5), Int("people", 2000), Get("azurite-persisted", "false") == "true", settings);
    }
}
