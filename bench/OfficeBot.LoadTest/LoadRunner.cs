using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace OfficeBot.LoadTest;

/// <summary>
/// What one scenario sends: the activity JSON for a client's n-th turn; <paramref name="Answer"/>, if given, sees each
/// HTTP response body (client, body) before that client's next turn, e.g. to take the revision from an invoke's answer.
/// </summary>
internal sealed record Scenario(string Name, Func<int, int, string> Activity, Action<int, string>? Answer = null);

internal sealed record ScenarioResult(string Scenario, int Clients, int Turns, int Errors, TimeSpan Measured, IReadOnlyList<double> SortedLatenciesMs)
{
    public double TurnsPerSecond => Turns / Measured.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Count == 0 ? double.NaN : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedLatenciesMs.Count) - 1, 0, SortedLatenciesMs.Count - 1)];
}

/// <summary>
/// N clients, each sending one turn at a time (a turn ends when POST /api/messages answers, i.e. after the bot's reply
/// reached the connector). The first <see cref="LoadOptions.Warmup"/> is not measured; the run stops at
/// warm-up + duration or at <see cref="LoadOptions.MaxTurns"/>, whichever comes first.
/// </summary>
internal static class LoadRunner
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<ScenarioResult> RunAsync(HttpClient http, Uri messages, Scenario scenario, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = options.Warmup;
        var stopAt = options.Warmup + options.Duration;
        var turns = 0;
        var errors = 0;
        var latencies = new List<double>[options.Clients];

        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            for (var n = 0; clock.Elapsed < stopAt && Volatile.Read(ref turns) < options.MaxTurns; n++)
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(scenario.Activity(client, n)));
                content.Headers.ContentType = Json;
                var started = clock.Elapsed;
                var ok = false;
                byte[]? body = null;
                try
                {
                    using var response = await http.PostAsync(messages, content);
                    body = await response.Content.ReadAsByteArrayAsync();
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                var ended = clock.Elapsed;
                if (body is not null)
                {
                    scenario.Answer?.Invoke(client, Encoding.UTF8.GetString(body)); // outside the timed span
                }

                if (started < measureFrom || ended > stopAt)
                {
                    continue;
                }

                mine.Add((ended - started).TotalMilliseconds);
                Interlocked.Increment(ref turns);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));

        var measuredUntil = clock.Elapsed < stopAt ? clock.Elapsed : stopAt;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new ScenarioResult(scenario.Name, options.Clients, turns, errors, measuredUntil - measureFrom, all);
    }
}
