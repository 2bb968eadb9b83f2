using System.Diagnostics;
using System.Globalization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>
/// Fills a store with open matters as the bot does: each registered by a director through
/// <see cref="MatterService.RegisterAsync"/> with a lead and a due date, then acknowledged by its lead through
/// <see cref="MatterService.ChangeAsync(string,int,Actor,Func{Matter,Outcome},CancellationToken)"/>, so each matter's
/// reminder plan moves from the receipt reminder to its due date and is written as the one outbox row it has.
/// </summary>
internal static class Seeder
{
    /// <summary>When the matters are registered: Friday 4 December 2026, 10:00 in Taipei.</summary>
    public static readonly DateTimeOffset SeedAt = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>How many working days the due dates are spread over (from Monday 7 December on).</summary>
    public const int DueSpreadWorkingDays = 60;

    public static IReadOnlyList<DateOnly> DueDays(WorkingCalendar calendar)
    {
        var days = new List<DateOnly>();
        for (var day = new DateOnly(2026, 12, 7); days.Count < DueSpreadWorkingDays; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    public static MatterRegistration Registration(int i, BenchOffice office, IReadOnlyList<DateOnly> dueDays) =>
        new($"Bench matter {i}", Lead: office.LeadFor(i), Due: new DueDate(dueDays[i % dueDays.Count]));

    public static async Task<SeedResult> SeedAsync(StoreHost store, BenchOffice office, int matters, int workers, Action<string> progress)
    {
        var service = store.Get<MatterService>();
        var time = store.Get<OfficeTime>();
        var dueDays = DueDays(time.Calendar);
        var next = -1;
        var done = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        var report = Math.Max(1, matters / 10);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < matters; i = Interlocked.Increment(ref next))
            {
                var director = BenchOffice.DirectorActor(i % BenchOffice.Directors);
                var (matter, refusal) = await service.RegisterAsync(BenchOffice.Tenant, Registration(i, office, dueDays), director, null, CancellationToken.None);
                if (matter is null)
                {
                    Interlocked.Increment(ref refused);
                    progress($"registration {i} refused: {refusal}");
                    continue;
                }

                var lead = new Actor(office.LeadFor(i));
                var acknowledged = await service.ChangeAsync(BenchOffice.Tenant, matter.Number, lead, m => m.Acknowledge(lead, time.Now), CancellationToken.None);
                if (acknowledged.Outcome.Kind != OutcomeKind.Changed)
                {
                    Interlocked.Increment(ref refused);
                    progress($"acknowledgement of #{matter.Number} was {acknowledged.Outcome.Kind}");
                }

                var count = Interlocked.Increment(ref done);
                if (count % report == 0)
                {
                    progress($"{store.Backend}: {count:N0} of {matters:N0} matters in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:F0}/s)");
                }
            }
        })));
        var seeding = clock.Elapsed;

        // Before a busy morning in a running office, the dispatcher has long carried out the registrations' and
        // acknowledgements' follow-ups (notifications, due at once) and dropped the receipt reminders that the
        // acknowledgements superseded (left in place by design, see MatterRepository.ReminderRow, and discarded when due
        // on Friday afternoon). Remove those rows, so the outbox holds what it would then: one reminder row per matter.
        clock.Restart();
        var (followUps, superseded, reminders) = await DropDoneRowsAsync(store.Get<ITableStore>(), Before);
        return new SeedResult(done, refused, seeding, followUps, superseded, reminders, clock.Elapsed);
    }

    /// <summary>Rows due before this instant (Monday 7 December 2026, 00:00 in Taipei) would have been carried out by the morning.</summary>
    private static readonly DateTimeOffset Before = new(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(8));

    private static async Task<(int FollowUps, int Superseded, int Reminders)> DropDoneRowsAsync(ITableStore table, DateTimeOffset before)
    {
        var partition = BenchOffice.Tenant;
        var done = new List<StoredRow>();
        var followUps = 0;
        var reminders = 0;
        await foreach (var row in table.QueryAsync(MatterRepository.TableName, partition, "q|", "q}"))
        {
            // q|{due ticks, 19 digits}|m{number, 10 digits}{v: a change's follow-up | r: a reminder}…
            var dueTicks = long.Parse(row.RowKey.AsSpan(2, 19), CultureInfo.InvariantCulture);
            var isFollowUp = row.RowKey.Length > 33 && row.RowKey[33] == 'v';
            if (dueTicks < before.UtcTicks)
            {
                done.Add(row);
                followUps += isFollowUp ? 1 : 0;
            }
            else
            {
                reminders += isFollowUp ? 0 : 1;
            }
        }

        foreach (var chunk in done.Chunk(TableBatch.MaxOperations))
        {
            await table.SubmitBatchAsync(MatterRepository.TableName, chunk.Select(r => BatchOperation.Delete(r.PartitionKey, r.RowKey, r.ETag!)).ToList());
        }

        return (followUps, done.Count - followUps, reminders);
    }
}

internal sealed record SeedResult(int Seeded, int Refused, TimeSpan Elapsed, int FollowUpsDropped, int SupersededDropped, int ReminderRows, TimeSpan DropElapsed)
{
    public double PerSecond => Seeded / Elapsed.TotalSeconds;
}
