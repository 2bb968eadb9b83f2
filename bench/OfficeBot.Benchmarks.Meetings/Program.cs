using System.Diagnostics;
using BenchmarkDotNet.Running;
using OfficeBot.Benchmarks.Meetings;

// Percentiles first (BenchmarkDotNet reports means per batch, the target is a p99 per call), then the timings.
var office = new MeetingOfficeData();
Console.WriteLine($"## {MeetingOfficeData.Leaders} leaders × {MeetingOfficeData.EventsPerLeader:N0} events, {MeetingOfficeData.Rooms} rooms, up to {office.LastDay:yyyy-MM-dd}");
Console.WriteLine("| operation | calls | p50 µs | p90 µs | p99 µs | max µs | conflicts or slots per call |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
Measure("Check", office.Proposals(100_000, seed: 1), p => office.Checker.Check(p, office.Calendars).Count);
Measure("Alternatives", office.Proposals(5_000, seed: 2), p => office.Checker.Alternatives(p, office.Calendars, office.Now).Count);

if (!args.Contains("--percentiles-only"))
{
    BenchmarkSwitcher.FromAssembly(typeof(MeetingBenchmarks).Assembly).Run(args);
}

static void Measure(string name, OfficeBot.Domain.Meetings.MeetingProposal[] proposals, Func<OfficeBot.Domain.Meetings.MeetingProposal, int> run)
{
    foreach (var p in proposals.Take(2_000))
    {
        run(p);
    }

    var times = new double[proposals.Length];
    long found = 0;
    for (var i = 0; i < proposals.Length; i++)
    {
        var started = Stopwatch.GetTimestamp();
        found += run(proposals[i]);
        times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    Array.Sort(times);
    double At(double q) => times[(int)Math.Min(times.Length - 1, Math.Ceiling(q * times.Length) - 1)];
    Console.WriteLine($"| {name} | {times.Length:N0} | {At(0.50):F1} | {At(0.90):F1} | {At(0.99):F1} | {times[^1]:F1} | {(double)found / times.Length:F2} |");
}
