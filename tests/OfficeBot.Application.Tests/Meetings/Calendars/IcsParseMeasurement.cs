using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;
using Xunit.Abstractions;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>
/// Not a pass/fail test: prints how fast a large leader feed is parsed and expanded, for the README and for choosing
/// the sync interval. Run alone: <c>--filter FullyQualifiedName~IcsParseMeasurement</c>.
/// </summary>
public sealed class IcsParseMeasurement(ITestOutputHelper output)
{
    private const string Leader = "00000000-0000-0000-0000-00000000000c";
    private const int Singles = 17_000;
    private const int Series = 2_500;
    private const int Overrides = 500;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_TwentyThousandEventFeed_MeasurementPrintsThroughput()
    {
        var folder = Directory.CreateTempSubdirectory("officebot-ics-measure-");
        try
        {
            var path = Path.Combine(folder.FullName, "large.ics");
            await File.WriteAllTextAsync(path, LargeFeed());
            var options = Options.Create(new LeaderCalendarOptions
            {
                RefreshAfter = TimeSpan.FromDays(1),
                Feeds = [new LeaderCalendarOptions.LeaderFeed { Leader = Leader, Ics = path }],
            });
            const int events = Singles + Series + Overrides;
            output.WriteLine($"feed: {events} VEVENTs ({Singles} single, {Series} weekly series with EXDATE, {Overrides} overridden instances), {new FileInfo(path).Length / 1024} KiB");

            for (var run = 1; run <= 3; run++)
            {
                var time = new FakeTimeProvider(Now);
                var reader = new IcsFeedReader(new HttpClient(), time, options, folder.FullName, NullLogger<IcsFeedReader>.Instance);
                var source = new IcsLeaderCalendarSource(reader, options, TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"), time);

                var clock = Stopwatch.StartNew();
                var feed = await reader.ReadAsync(path, CancellationToken.None);
                var parse = clock.Elapsed;
                Assert.NotNull(feed.Content);

                clock.Restart();
                var calendar = await source.ReadAsync(Leader, Now.AddDays(-1), Now.AddDays(62), CancellationToken.None);
                var expand = clock.Elapsed;
                Assert.True(calendar.IsAvailable, calendar.Problem);

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: parse {parse.TotalMilliseconds:0} ms = {events / parse.TotalSeconds:0} events/s; expand 63 days -> {calendar.Busy.Count} busy times in {expand.TotalMilliseconds:0} ms = {calendar.Busy.Count / expand.TotalSeconds:0} occurrences/s"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string LargeFeed()
    {
        var ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OfficeBot measurement//EN\r\n");
        var year = new DateTime(2026, 1, 1, 9, 0, 0);
        for (var i = 0; i < Singles; i++)
        {
            // Spread over the year, in working hours, about 47 a day.
            var start = year.AddDays(i % 365).AddMinutes(i / 365 % 18 * 30);
            Event(ics, $"single-{i}", $"DTSTART;TZID=Asia/Taipei:{start:yyyyMMdd'T'HHmmss}", $"DTEND;TZID=Asia/Taipei:{start.AddMinutes(30):yyyyMMdd'T'HHmmss}",
                $"SUMMARY:Meeting {i}", i % 10 == 0 ? "TRANSP:TRANSPARENT" : null, i % 17 == 0 ? "CLASS:PRIVATE" : null);
        }

        for (var i = 0; i < Series; i++)
        {
            var start = year.AddDays(i % 28).AddMinutes(i / 28 % 18 * 30);
            Event(ics, $"series-{i}", $"DTSTART;TZID=Europe/Berlin:{start:yyyyMMdd'T'HHmmss}", $"DTEND;TZID=Europe/Berlin:{start.AddHours(1):yyyyMMdd'T'HHmmss}",
                "RRULE:FREQ=WEEKLY;COUNT=26", $"EXDATE;TZID=Europe/Berlin:{start.AddDays(63):yyyyMMdd'T'HHmmss}", $"SUMMARY:Series {i}");
            if (i < Overrides)
            {
                Event(ics, $"series-{i}", $"RECURRENCE-ID;TZID=Europe/Berlin:{start.AddDays(70):yyyyMMdd'T'HHmmss}",
                    $"DTSTART;TZID=Europe/Berlin:{start.AddDays(70).AddHours(2):yyyyMMdd'T'HHmmss}", $"DTEND;TZID=Europe/Berlin:{start.AddDays(70).AddHours(3):yyyyMMdd'T'HHmmss}",
                    $"SUMMARY:Series {i} (moved)", i % 5 == 0 ? "STATUS:CANCELLED" : null);
            }
        }

        return ics.Append("END:VCALENDAR\r\n").ToString();
    }

    private static void Event(StringBuilder ics, string uid, params string?[] lines)
    {
        ics.Append("BEGIN:VEVENT\r\nUID:").Append(uid).Append("\r\nDTSTAMP:20251201T000000Z\r\n");
        foreach (var line in lines.Where(l => l is not null))
        {
            ics.Append(line).Append("\r\n");
        }

        ics.Append("END:VEVENT\r\n");
    }
}
