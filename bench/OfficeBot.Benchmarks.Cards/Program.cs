using BenchmarkDotNet.Running;
using OfficeBot.Benchmarks.Cards;

// Sizes first (cheap, exact), then the timings.
foreach (var kind in new[] { "realistic", "heavy" })
{
    var bench = new CardBenchmarks { Matter = kind };
    bench.Setup();
    Console.WriteLine($"## Card JSON size, {kind} matter");
    Console.WriteLine("| card | bytes |");
    Console.WriteLine("|---|---:|");
    foreach (var (card, bytes) in bench.Sizes())
    {
        Console.WriteLine($"| {card} | {bytes:N0} |");
    }

    Console.WriteLine();
}

if (!args.Contains("--sizes-only"))
{
    BenchmarkRunner.Run<CardBenchmarks>();
}
