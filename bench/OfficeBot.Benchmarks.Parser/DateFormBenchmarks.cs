using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using OfficeBot.Commands;
using Perfolizer.Horology;

namespace OfficeBot.Benchmarks.Parser;

/// <summary>
/// A whole <c>new</c> command per date form (<c>新事項 報告 期限 {form}</c> or <c>new Report due {form}</c>), so the
/// cost of each form the README and the help card promise can be compared before and after the direct parse.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DateFormBenchmarks
{
    private readonly CommandParser _parser = new();
    private ParseInput _input = null!;

    public static IEnumerable<string> Forms =>
    [
        "12月5日", "2026-12-05", "2026/12/5", "12/5", "下週五", "下周五", "下星期五", "本週五",
        "三天內", "3天內", "兩週內", "一個月內", "明天", "後天", "大後天", "今天", "116年1月21日",
        "tomorrow", "today", "next Friday", "Dec 5", "5 Dec", "in 3 days", "within 3 days",
        "明天下午三點", "tomorrow 3pm",
    ];

    [ParamsSource(nameof(Forms))]
    public string Form { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _parser.Warmup();
        var text = Form.Any(c => c > 0x2E80) ? $"新事項 報告 期限 {Form}" : $"new Report due {Form}";
        _input = new ParseInput(text, [], ParseCases.Now, ParseCases.Zone);
    }

    [Benchmark(Description = "new … due {form}")]
    public ParseResult Parse() => _parser.Parse(_input);

    /// <summary>Shorter than the command-kind job (10 iterations of 100 ms): there are many forms and two cores.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Forms"));
    }
}
