using System.Diagnostics;
using System.Text;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.Reports;
using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;
using static OfficeBot.Benchmarks.Reminders.Stats;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>What issue 8 asks to be measured on a filled store: the due query and the supervision report.</summary>
internal static class StoreMeasurements
{
    /// <summary>The first working morning after the seeding: reminders of the matters due that day and the next two go out at 09:00.</summary>
    public static readonly DateTimeOffset BusyMorning = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Half an hour earlier: nothing is due.</summary>
    public static readonly DateTimeOffset Quiet = new(2026, 12, 7, 8, 30, 0, TimeSpan.FromHours(8));

    /// <summary>What the dispatcher asks for in one pass (OutboxDispatcher.ClaimBatch).</summary>
    public const int DispatcherBatch = 32;

    public static async Task<IReadOnlyList<string>> DueQueryAsync(StoreHost store, int matters, int repeats)
    {
        var outbox = store.Get<OutboxStore>();
        var rows = new List<string>();
        foreach (var (moment, label, max) in new[]
                 {
                     (BusyMorning, "09:00 busy morning, dispatcher's batch", DispatcherBatch),
                     (BusyMorning, "09:00 busy morning, everything due", int.MaxValue / 4),
                     (Quiet, "08:30 quiet (nothing due)", DispatcherBatch),
                 })
        {
            var times = new List<double>();
            var found = 0;

            // One untimed call first: the first query of a process pays for JIT and connection set-up, not for the rows.
            await outbox.DueAsync(BenchOffice.Tenant, moment, max, CancellationToken.None);
            for (var r = 0; r < repeats; r++)
            {
                var started = Stopwatch.GetTimestamp();
                var due = await outbox.DueAsync(BenchOffice.Tenant, moment, max, CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                found = due.Count;
            }

            rows.Add($"| {store.Backend} | {matters:N0} | {label} | {found:N0} | {repeats} | {F(Median(times), 2)} | {F(Percentile(times, 99), 2)} | {F(times.Min(), 2)} |");
        }

        return rows;
    }

    public static async Task<string> ReportAsync(StoreHost store, int matters, int warmRuns)
    {
        store.Clock.AdjustTime(BusyMorning.AddHours(1));
        var reports = store.Get<ReportService>();
        var query = new List<double>();
        var card = new List<double>();
        var bytes = 0;
        for (var run = 0; run <= warmRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var view = await reports.OfficeAsync(BenchOffice.Tenant, Language.Traditional, CancellationToken.None);
            var built = Stopwatch.GetTimestamp();
            var json = ReportCard.Build(view, Language.Traditional).ToJson();
            var ended = Stopwatch.GetTimestamp();
            query.Add(Stopwatch.GetElapsedTime(started, built).TotalMilliseconds);
            card.Add(Stopwatch.GetElapsedTime(built, ended).TotalMilliseconds);
            bytes = Encoding.UTF8.GetByteCount(json);
        }

        var total = query.Zip(card, (q, c) => q + c).ToList();
        var warm = total.Skip(1).ToList();
        return $"| {store.Backend} | {matters:N0} | {F(query[0])} + {F(card[0])} = {F(total[0])} | {F(Median(query.Skip(1).ToList()))} + {F(Median(card.Skip(1).ToList()))} = {F(Median(warm))} | {F(warm.Min())}–{F(warm.Max())} | {warmRuns} | {bytes:N0} |";
    }

    /// <summary>
    /// <see cref="ReminderSchedule.Next"/> per matter, timed one call at a time, on the states the seeding produces
    /// (built in memory with the same domain calls), with the office calendar and rules from the host.
    /// </summary>
    public static IReadOnlyList<string> Plan(StoreHost store, BenchOffice office, int matters)
    {
        var time = store.Get<OfficeTime>();
        var dueDays = Seeder.DueDays(time.Calendar);
        var registered = new List<MatterState>(matters);
        var acknowledged = new List<MatterState>(matters);
        for (var i = 0; i < matters; i++)
        {
            var (matter, _) = Matter.Register(BenchOffice.Tenant, i + 1, Seeder.Registration(i, office, dueDays), BenchOffice.DirectorActor(0), Seeder.SeedAt, time.Zone);
            registered.Add(matter!.State);
            var lead = new Actor(office.LeadFor(i));
            matter.Acknowledge(lead, Seeder.SeedAt);
            acknowledged.Add(matter.State);
        }

        var rows = new List<string>();
        foreach (var (label, states, after) in new[]
                 {
                     ("acknowledged, next = due-date morning (as after seeding)", acknowledged, Seeder.SeedAt),
                     ("just registered, next = receipt reminder", registered, Seeder.SeedAt),
                     ("acknowledged, planned at 09:00 after a reminder", acknowledged, StoreMeasurements.BusyMorning),
                 })
        {
            // A warm-up pass, then every call timed on its own.
            foreach (var state in states)
            {
                ReminderSchedule.Next(state, after, time.Calendar, time.Zone, time.Reminders);
            }

            var samples = new List<double>(states.Count);
            var planned = 0;
            var total = Stopwatch.StartNew();
            foreach (var state in states)
            {
                var started = Stopwatch.GetTimestamp();
                var next = ReminderSchedule.Next(state, after, time.Calendar, time.Zone, time.Reminders);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                planned += next is null ? 0 : 1;
            }

            total.Stop();
            rows.Add($"| {label} | {states.Count:N0} | {planned:N0} | {F(Median(samples), 2)} | {F(Percentile(samples, 99), 2)} | {F(samples.Max())} | {F(total.Elapsed.TotalMilliseconds)} |");
        }

        return rows;
    }
}
