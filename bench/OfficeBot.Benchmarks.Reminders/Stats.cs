using System.Globalization;

namespace OfficeBot.Benchmarks.Reminders;

internal static class Stats
{
    /// <summary>Nearest-rank percentile of the samples (0 &lt; p ≤ 100).</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 50);

    public static string F(double value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);
}
