using System.Globalization;

namespace OfficeBot.Benchmarks.MeetingSync;

internal static class Stats
{
    /// <summary>A markdown row: count, p50, p90, p99, max and mean of <paramref name="values"/> (milliseconds).</summary>
    public static string Row(string name, IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return $"| {name} | 0 | | | | | |";
        }

        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Length:N0} | {At(0.50):F1} | {At(0.90):F1} | {At(0.99):F1} | {sorted[^1]:F1} | {sorted.Average():F1} |");
    }

    public const string Header = "| operation | n | p50 ms | p90 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|---:|";

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
