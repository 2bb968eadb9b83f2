using System.Globalization;
using System.Text;

namespace OfficeBot.Benchmarks.MeetingSync;

/// <summary>
/// Writes one iCalendar file per leader, from a fixed seed: <c>events</c> VEVENTs spread about three a day over eighteen
/// years around the office clock (2021–2039, TZID=Asia/Taipei), so a 31-day window holds about 90 of them, as in
/// MeetingOfficeData. One in fifty is a weekly series (12 weeks, one EXDATE), every fourth series with an overridden
/// instance; 1% all-day, 5% free (TRANSP:TRANSPARENT), 5% private.
/// </summary>
internal static class LeaderFeeds
{
    public static readonly DateOnly FirstDay = new(2021, 1, 1);

    public static string LeaderId(int i) => $"leader-{i:D2}";

    /// <summary>Writes the feeds into <paramref name="folder"/> unless the same ones are there; returns their paths.</summary>
    public static string[] Ensure(string folder, int leaders, int events)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[leaders];
        for (var i = 0; i < leaders; i++)
        {
            paths[i] = Path.Combine(folder, $"{LeaderId(i)}-{events}.ics");
            if (!File.Exists(paths[i]))
            {
                File.WriteAllText(paths[i] + ".tmp", Feed(new Random(1000 + i), LeaderId(i), events));
                File.Move(paths[i] + ".tmp", paths[i], overwrite: true);
            }
        }

        return paths;
    }

    private static string Feed(Random random, string owner, int count)
    {
        var ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OfficeBot sync benchmark//EN\r\n");
        var day = FirstDay;
        var made = 0;
        var series = 0;
        while (made < count)
        {
            var today = Math.Min(random.Next(0, 7), count - made);
            for (var i = 0; i < today && made < count; i++)
            {
                var kind = random.Next(1000);
                var uid = $"{owner}-{made}";
                var start = day.ToDateTime(new TimeOnly(7, 0)).AddMinutes(15 * random.Next(52));
                var end = start.AddMinutes(15 * random.Next(1, 9));
                made++;
                if (kind < 10)
                {
                    Event(ics, uid, $"DTSTART;VALUE=DATE:{day:yyyyMMdd}", $"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}", "SUMMARY:出差");
                }
                else if (made % 50 == 0)
                {
                    series++;
                    Event(ics, uid, Local("DTSTART", start), Local("DTEND", end), "RRULE:FREQ=WEEKLY;COUNT=12", Local("EXDATE", start.AddDays(21)), $"SUMMARY:例會 {series}");
                    if (series % 4 == 0 && made < count)
                    {
                        made++;
                        var moved = start.AddDays(35);
                        Event(ics, uid, Local("RECURRENCE-ID", moved), Local("DTSTART", moved.AddHours(2)), Local("DTEND", end.AddDays(35).AddHours(2)),
                            $"SUMMARY:例會 {series}（改期）");
                    }
                }
                else
                {
                    Event(ics, uid, Local("DTSTART", start), Local("DTEND", end), $"SUMMARY:會議 {made}",
                        kind < 60 ? "TRANSP:TRANSPARENT" : null, kind is >= 60 and < 110 ? "CLASS:PRIVATE" : null);
                }
            }

            day = day.AddDays(1);
        }

        return ics.Append("END:VCALENDAR\r\n").ToString();
    }

    private static string Local(string property, DateTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"{property};TZID=Asia/Taipei:{time:yyyyMMdd'T'HHmmss}");

    private static void Event(StringBuilder ics, string uid, params string?[] lines)
    {
        ics.Append("BEGIN:VEVENT\r\nUID:").Append(uid).Append("\r\nDTSTAMP:20201201T000000Z\r\n");
        foreach (var line in lines)
        {
            if (line is not null)
            {
                ics.Append(line).Append("\r\n");
            }
        }

        ics.Append("END:VEVENT\r\n");
    }
}
