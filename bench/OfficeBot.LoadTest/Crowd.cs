using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OfficeBot.Cards.Actions;
using OfficeBot.Domain.Matters;

namespace OfficeBot.LoadTest;

/// <summary>
/// The 20 co-handlers of one matter all press at the same moment: Accept, then Give opinion, each on the card of their
/// last answer. An "out of date" answer is the fresh card: the person presses the same button again on it (at most
/// <see cref="MaxPresses"/> times). Afterwards the matter and its whole history are read back from the store.
/// </summary>
internal static class Crowd
{
    private const int MaxPresses = 60;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task RunAsync(HttpClient http, Uri messages, Office office, string serviceUrl, (int Number, int Revision) matter,
        IReadOnlyDictionary<string, string> settings, string backendName)
    {
        var latencies = new ConcurrentBag<double>();
        var stale = 0;
        var gaveUp = 0;
        var notCards = 0;
        var firstPressApplied = new int[2];
        using var start = new ManualResetEventSlim(false);
        var clock = new Stopwatch();

        var people = office.Crowd.Select((co, i) => Task.Run(async () =>
        {
            start.Wait();
            var revision = matter.Revision;
            foreach (var (step, verb, text) in new[] { (0, CardVerbs.Accept, (string?)null), (1, CardVerbs.Opinion, $"Opinion of {co.Name}") })
            {
                var done = false;
                for (var press = 0; press < MaxPresses && !done; press++)
                {
                    using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Activities.Invoke(co, verb, matter.Number, revision, serviceUrl, text)));
                    content.Headers.ContentType = Json;
                    var pressed = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync(messages, content);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(pressed).TotalMilliseconds);
                    var answer = InvokeAnswer.Parse(body);
                    revision = answer.Revision ?? revision;
                    if (!answer.IsCard)
                    {
                        Interlocked.Increment(ref notCards);
                        Console.WriteLine($"  {co.Name} {verb}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 160)]}");
                        break;
                    }

                    if (answer.OutOfDate)
                    {
                        Interlocked.Increment(ref stale);
                        continue;
                    }

                    done = true;
                    if (press == 0)
                    {
                        Interlocked.Increment(ref firstPressApplied[step]);
                    }
                }

                if (!done)
                {
                    Interlocked.Increment(ref gaveUp);
                }
            }
        })).ToArray();

        clock.Start();
        start.Set();
        await Task.WhenAll(people);
        var elapsed = clock.Elapsed;

        var (stored, history) = await Seeder.InspectAsync(office, settings, matter.Number);
        var accepted = history.Count(h => h.Kind == HistoryKind.CoHandlingAccepted);
        var opinions = history.Count(h => h.Kind == HistoryKind.OpinionGiven);
        var gapless = history.Select(h => h.Sequence).SequenceEqual(Enumerable.Range(1, history.Count));
        var everyoneAnswered = stored.State.CoHandlers.Count == office.Crowd.Count
            && stored.State.CoHandlers.All(c => c.State == CoHandlingState.OpinionGiven && c.Note is not null && c.Note.StartsWith("Opinion of ", StringComparison.Ordinal));
        var expectedRevision = matter.Revision + 2 * office.Crowd.Count;
        var sorted = latencies.Order().ToList();
        double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {backendName} crowd: #{matter.Number}, {office.Crowd.Count} co-handlers each pressing Accept then Give opinion at once
              applied on the first press: Accept {firstPressApplied[0]} of {office.Crowd.Count}, Give opinion {firstPressApplied[1]} of {office.Crowd.Count}
              all done in {elapsed.TotalMilliseconds:F0} ms; {sorted.Count} presses ({stale} answered "out of date" and pressed again, {gaveUp} gave up after {MaxPresses}, {notCards} not a card); press p50 {P(50):F1} ms, p99 {P(99):F1} ms, max {sorted[^1]:F1} ms
              store: {accepted} CoHandlingAccepted + {opinions} OpinionGiven history lines; {history.Count} lines in all (expected {1 + 2 * office.Crowd.Count}), sequence 1..{history.Count} without gaps: {gapless}
              store: revision {matter.Revision} → {stored.State.Revision} (expected {expectedRevision}); every co-handler OpinionGiven with their own note: {everyoneAnswered}; status {stored.State.Status}
              verdict: {(accepted == office.Crowd.Count && opinions == office.Crowd.Count && gapless && history.Count == 1 + 2 * office.Crowd.Count && everyoneAnswered && stored.State.Revision == expectedRevision && gaveUp == 0 ? "no lost update, history complete, state consistent" : "INCONSISTENT")}
            """));
    }
}
