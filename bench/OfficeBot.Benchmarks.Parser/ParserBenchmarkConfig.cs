using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace OfficeBot.Benchmarks.Parser;

/// <summary>
/// A short job (one launch, 20 iterations of ~150 ms) so eight benchmarks finish in about a minute on two cores,
/// with the median and the 95th/99th percentiles of the iteration means next to the mean.
/// </summary>
public sealed class ParserBenchmarkConfig : ManualConfig
{
    public ParserBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithIterationTime(TimeInterval.FromMilliseconds(150))
            .WithId("Short20"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99));
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }

    /// <summary>BenchmarkDotNet lists P0–P100 in steps that stop at P95; this adds any other percentile.</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 100 + percentile;

        public bool IsNumeric => true;

        // Always in microseconds (a parse is microseconds to a millisecond), so BenchmarkDotNet must not rescale it.
        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{percentile}th percentile of the iteration means";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null
                ? "NA"
                : (statistics.Percentiles.Percentile(percentile) / 1000).ToString("N2", style.CultureInfo) + " μs";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
