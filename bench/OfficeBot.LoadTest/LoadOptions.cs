using System.Globalization;

namespace OfficeBot.LoadTest;

/// <summary>Command-line settings; every loop the harness runs is bounded by these counts and durations.</summary>
internal sealed record LoadOptions(
    int Clients,
    TimeSpan Duration,
    TimeSpan Warmup,
    int MaxTurns,
    int SeedMatters,
    int? SeedMattersAzurite,
    int SeedLeads,
    int SeedWorkers,
    int NewLeads,
    int NewTenants,
    IReadOnlyList<string> Backends,
    IReadOnlyList<string> Scenarios,
    string? HostDll)
{
    /// <summary>Azurite stores a registration's batch far slower than SQLite, so its seed count can be set apart.</summary>
    public int SeedFor(string backend) => backend == "azurite" && SeedMattersAzurite is { } azurite ? azurite : SeedMatters;

    public const string Usage = """
        OfficeBot.LoadTest [--clients 8] [--duration 10] [--warmup 2] [--max-turns 100000]
                           [--seed 10000] [--seed-azurite N] [--seed-leads 250] [--seed-workers 4] [--new-leads 8] [--new-tenants 1]
                           [--backends sqlite,azurite] [--scenarios echo,new,my]   (also: help, invoke, invoke-change, crowd, burst)
                           [--host-dll bot/OfficeBot.Web/bin/Release/net10.0/OfficeBot.Web.dll]
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string[] List(string name, string fallback) =>
            (values.TryGetValue(name, out var v) ? v : fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        return new LoadOptions(
            Clients: Int("clients", 8),
            Duration: TimeSpan.FromSeconds(Int("duration", 10)),
            Warmup: TimeSpan.FromSeconds(Int("warmup", 2)),
            MaxTurns: Int("max-turns", 100_000),
            SeedMatters: Int("seed", 10_000),
            SeedMattersAzurite: values.ContainsKey("seed-azurite") ? Int("seed-azurite", 0) : null,
            SeedLeads: Int("seed-leads", 250),
            SeedWorkers: Int("seed-workers", 4),
            NewLeads: Int("new-leads", 8),
            NewTenants: Int("new-tenants", 1),
            Backends: List("backends", "sqlite,azurite"),
            Scenarios: List("scenarios", "echo,new,my"),
            HostDll: values.GetValueOrDefault("host-dll"));
    }
}
