using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OfficeBot.Testing;

namespace OfficeBot.LoadTest;

/// <summary>
/// The four directors register <see cref="Matters"/> matters for one lead at once: every registration's notification
/// must reach the lead's chat, once, and the chat must never receive more than Teams allows (7 in any second, 8 in any
/// 2 s, 60 in any 30 s). Measured at the fake connector, where Teams would count them.
/// </summary>
internal static class Burst
{
    private const int Matters = 60;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task RunAsync(HttpClient http, Uri messages, Office office, FakeConnector connector, string backendName)
    {
        var lead = office.Users[^1];
        var chat = $"a:personal-{lead.AadObjectId}";

        // The lead has talked to the bot once, so the bot knows their chat.
        await PostAsync(http, messages, Activities.Personal(lead, "help", "en-US", connector.ServiceUrl));
        connector.Clear();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Matters).Select(i =>
            PostAsync(http, messages, Activities.Personal(office.DirectorUsers[i % office.DirectorUsers.Count], $"new Burst matter {i} lead @{lead.Name}", "en-US", connector.ServiceUrl, lead))));
        var registered = clock.Elapsed;

        var deadline = clock.Elapsed + TimeSpan.FromMinutes(3);
        while (Sends(connector, chat).Count < Matters && clock.Elapsed < deadline)
        {
            await Task.Delay(50);
        }

        var delivered = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var sends = Sends(connector, chat);
        var times = connector.Attempts.Where(a => a.Kind == ConnectorCallKind.Send && a.ConversationId == chat).Select(a => a.At).Order().ToList();
        var distinct = sends.Select(s => s.Summary).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {backendName} burst: {Matters} matters registered for one lead by {office.DirectorUsers.Count} directors at once in {registered.TotalMilliseconds:F0} ms
              notifications in the lead's chat: {sends.Count} ({distinct} distinct), all there {delivered.TotalSeconds:F1} s after the first registration
              most in any 1 s: {MostInAnyWindow(times, TimeSpan.FromSeconds(1))} (Teams: 7); any 2 s: {MostInAnyWindow(times, TimeSpan.FromSeconds(2))} (8); any 30 s: {MostInAnyWindow(times, TimeSpan.FromSeconds(30))} (60)
            """));
    }

    private static List<ConnectorCall> Sends(FakeConnector connector, string chat) =>
        connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat).ToList();

    private static int MostInAnyWindow(IReadOnlyList<DateTimeOffset> times, TimeSpan window) =>
        times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < window).Count()).DefaultIfEmpty(0).Max();

    private static async Task PostAsync(HttpClient http, Uri messages, string activity)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity));
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(messages, content);
        response.EnsureSuccessStatusCode();
    }
}
