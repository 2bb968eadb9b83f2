using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using OfficeBot.Commands;

namespace OfficeBot.Benchmarks.Parser;

/// <summary>
/// <c>--warm</c>: BenchmarkDotNet over every command kind. <c>--forms</c>: a <c>new</c> command per date form. <c>--per-call</c>: each call timed on its own, for a true
/// per-parse p99. <c>--cold [launches]</c>: the first parse of a fresh process, with and without <c>Warmup()</c>.
/// No argument runs all three.
/// </summary>
internal static class ParserBenchmarkProgram
{
    private const string ColdChild = "--cold-child";

    public static int Main(string[] args)
    {
        if (args is [ColdChild, var caseName, var mode])
        {
            return ColdParse.RunChild(caseName, mode == "warmup");
        }

        var all = args.Length == 0;
        if (all || args.Contains("--warm"))
        {
            BenchmarkRunner.Run<WarmParseBenchmarks>(args: args.Where(a => a.StartsWith("--filter", StringComparison.Ordinal)).ToArray());
        }

        if (all || args.Contains("--forms"))
        {
            BenchmarkRunner.Run<DateFormBenchmarks>();
        }

        if (all || args.Contains("--per-call"))
        {
            PerCallParse.Run();
        }

        var cold = Array.IndexOf(args, "--cold");
        if (all || cold >= 0)
        {
            var launches = cold >= 0 && cold + 1 < args.Length && int.TryParse(args[cold + 1], CultureInfo.InvariantCulture, out var n) ? n : 5;
            ColdParse.Run(launches, ColdChild);
        }

        return 0;
    }
}

/// <summary>Each parse timed on its own (Stopwatch ticks), so the percentiles are of single parses, not of iteration means.</summary>
internal static class PerCallParse
{
    private const int MaxCalls = 20_000;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WarmTime = TimeSpan.FromSeconds(3);

    public static void Run()
    {
        var parser = new CommandParser();
        parser.Warmup();
        Console.WriteLine();
        Console.WriteLine($"## Warm parse, each call timed ({MaxCalls:N0} calls or {MaxTime.TotalSeconds:F0} s per case)");
        Console.WriteLine();
        Console.WriteLine("| case | calls | p50 µs | p99 µs | max µs |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        // Round-robin over every case for a few seconds first, so tiered JIT has promoted the hot paths (as in a host that has run a while).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmTime)
        {
            foreach (var input in ParseCases.All.Values)
            {
                parser.Parse(input);
            }
        }

        foreach (var (name, input) in ParseCases.All)
        {
            var samples = new List<double>(MaxCalls);
            var budget = Stopwatch.StartNew();
            while (samples.Count < MaxCalls && budget.Elapsed < MaxTime)
            {
                var started = Stopwatch.GetTimestamp();
                parser.Parse(input);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            samples.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {samples.Count} | {Percentile(samples, 50):F1} | {Percentile(samples, 99):F1} | {samples[^1]:F1} |"));
        }
    }

    public static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// The first parse in a fresh process. BenchmarkDotNet's ColdStart still calls the benchmark once in its jitting
/// stage before measuring, which would hide exactly the cost asked about, so each sample is its own child process.
/// </summary>
internal static class ColdParse
{
    public static void Run(int launches, string childSwitch)
    {
        var self = typeof(ColdParse).Assembly.Location;
        Console.WriteLine();
        Console.WriteLine($"## Cold first parse (a fresh process per sample, {launches} launches per row; medians, max in brackets)");
        Console.WriteLine();
        Console.WriteLine("| case | Warmup() first | new + Warmup() ms | first Parse ms | second Parse ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var caseName in ParseCases.Cold)
        {
            foreach (var warmup in new[] { false, true })
            {
                var samples = Enumerable.Range(0, launches).Select(_ => Launch(self, childSwitch, caseName, warmup)).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {caseName} | {(warmup ? "yes" : "no")} | {Summary(samples.Select(s => s.WarmupMs))} | {Summary(samples.Select(s => s.FirstMs))} | {Summary(samples.Select(s => s.SecondMs))} |"));
            }
        }
    }

    public static int RunChild(string caseName, bool warmup)
    {
        var input = ParseCases.All[caseName];
        var started = Stopwatch.GetTimestamp();
        var parser = new CommandParser();
        if (warmup)
        {
            parser.Warmup();
        }

        var warmupMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var result = parser.Parse(input);
        var firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        parser.Parse(input);
        var secondMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{warmupMs:F3} {firstMs:F3} {secondMs:F3} {result.Succeeded}"));
        return 0;
    }

    private static (double WarmupMs, double FirstMs, double SecondMs) Launch(string self, string childSwitch, string caseName, bool warmup)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { self, childSwitch, caseName, warmup ? "warmup" : "none" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var line = child.StandardOutput.ReadToEnd().Trim();
        if (!child.WaitForExit(TimeSpan.FromSeconds(60)) || child.ExitCode != 0)
        {
            throw new InvalidOperationException($"cold child {caseName} failed: {line}");
        }

        var parts = line.Split(' ');
        return (Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));

        static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    private static string Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{PerCallParse.Percentile(sorted, 50):F1} ({sorted[^1]:F1})");
    }
}
