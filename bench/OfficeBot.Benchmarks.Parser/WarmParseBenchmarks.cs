using BenchmarkDotNet.Attributes;
using OfficeBot.Commands;

namespace OfficeBot.Benchmarks.Parser;

/// <summary>CommandParser.Parse on a warmed parser, one benchmark per command kind.</summary>
[MemoryDiagnoser]
[Config(typeof(ParserBenchmarkConfig))]
public class WarmParseBenchmarks
{
    private readonly CommandParser _parser = new();

    [GlobalSetup]
    public void Setup() => _parser.Warmup();

    [Benchmark(Description = "新事項 + 2 mentions + 期限 下週五前")]
    public ParseResult NewChineseDate() => _parser.Parse(ParseCases.All["new-zh-date"]);

    [Benchmark(Description = "new + mention + due next Friday")]
    public ParseResult NewEnglishDate() => _parser.Parse(ParseCases.All["new-en-date"]);

    [Benchmark(Description = "new + mention, no date")]
    public ParseResult NewWithoutDate() => _parser.Parse(ParseCases.All["new-no-date"]);

    [Benchmark(Description = "查看 #12")]
    public ParseResult Show() => _parser.Parse(ParseCases.All["show"]);

    [Benchmark(Description = "進度 #12 <text>")]
    public ParseResult Progress() => _parser.Parse(ParseCases.All["progress"]);

    [Benchmark(Description = "我的事項")]
    public ParseResult Mine() => _parser.Parse(ParseCases.All["mine"]);

    [Benchmark(Description = "free text → help")]
    public ParseResult FreeText() => _parser.Parse(ParseCases.All["free-text"]);

    [Benchmark(Description = "new … due yesterday (DueInPast)")]
    public ParseResult PastDate() => _parser.Parse(ParseCases.All["past-date"]);
}
