using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;

namespace OfficeBot.Application.Reports;

/// <summary>
/// When the supervision report goes out: at <c>Office:Report:At</c> office time on every working day of the office's
/// calendar (a make-up Saturday included, a holiday not). Each tenant has its next report as one outbox item,
/// <c>report-{yyyyMMdd}</c>, written with a marker row <c>r|report|{yyyyMMdd}</c> in one batch. The marker outlives the
/// item, so an instance whose clock is a little behind, or that was started with another time of day, cannot write the
/// same morning's report a second time after it went out.
/// </summary>
public sealed class ReportSchedule(ITableStore store, OfficeTime time, IOptionsMonitor<OfficeOptions> office) : IRecurringOutboxWork
{
    private const string IdPrefix = "report-";
    private const string MarkerPrefix = "r|report|";
    private const string DayFormat = "yyyyMMdd";

    // The day each tenant's next report is known to be planned for, so a sweep costs no read until that day passes.
    private readonly ConcurrentDictionary<string, DateOnly> _planned = new(StringComparer.Ordinal);

    public bool Pushed => office.CurrentValue.Report.Push;

    /// <summary>The office day a report item is for.</summary>
    public static DateOnly DayOf(OutboxItem item) =>
        DateOnly.ParseExact(item.Id.AsSpan(IdPrefix.Length), DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The first working day whose report time is after <paramref name="now"/>.</summary>
    public DateOnly NextDay(DateTimeOffset now)
    {
        var local = time.ToLocal(now).DateTime;
        var today = DateOnly.FromDateTime(local);
        return time.Calendar.IsWorkingDay(today) && TimeOnly.FromDateTime(local) < office.CurrentValue.Report.Time
            ? today
            : time.Calendar.AddWorkingDays(today, 1);
    }

    public DateTimeOffset DueAt(DateOnly day)
    {
        var local = day.ToDateTime(office.CurrentValue.Report.Time);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local));
    }

    public Task EnsureNextAsync(string tenantId, CancellationToken cancellationToken) =>
        Pushed ? EnsureAsync(tenantId, NextDay(time.Now), cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Plans the report after the one of <paramref name="day"/>: the next working day; when the office clock is past that
    /// already, today's (late, if its time has passed) or the next to come.
    /// </summary>
    /// <returns>When the planned report is due, or null when the push is off.</returns>
    public async Task<DateTimeOffset?> EnsureAfterAsync(string tenantId, DateOnly day, CancellationToken cancellationToken)
    {
        if (!Pushed)
        {
            return null;
        }

        // Back after missing this morning's report (the bot was down at its time): today's still goes out, late.
        var today = DateOnly.FromDateTime(time.LocalNow.DateTime);
        var next = today > day && time.Calendar.IsWorkingDay(today) ? today : NextDay(time.Now);
        if (next <= day)
        {
            next = time.Calendar.AddWorkingDays(day, 1);
        }

        await EnsureAsync(tenantId, next, cancellationToken);
        return DueAt(next);
    }

    private async Task EnsureAsync(string tenantId, DateOnly day, CancellationToken cancellationToken)
    {
        if (_planned.TryGetValue(tenantId, out var planned) && planned == day)
        {
            return;
        }

        var partition = MatterKeys.Partition(tenantId);
        var marker = MarkerPrefix + day.ToString(DayFormat, CultureInfo.InvariantCulture);
        if (await store.GetAsync(MatterKeys.Table, partition, marker, cancellationToken) is null)
        {
            var now = time.Now;
            var item = new OutboxItem
            {
                Id = IdPrefix + day.ToString(DayFormat, CultureInfo.InvariantCulture),
                Kind = OutboxKinds.Report,
                TenantId = tenantId,
                CreatedAt = now,
                DueAt = DueAt(day),
            };
            try
            {
                await store.SubmitBatchAsync(MatterKeys.Table,
                [
                    BatchOperation.Insert(OutboxStore.NewRow(item)),
                    BatchOperation.Insert(new StoredRow(partition, marker, StoredJson.Serialize(new Planned(item.Id, item.DueAt, now)))),
                ], cancellationToken);
            }
            catch (EntityExistsException)
            {
                // Another instance planned the same morning first.
            }
        }

        _planned[tenantId] = day;
    }

    private sealed record Planned(string ItemId, DateTimeOffset DueAt, DateTimeOffset PlannedAt);
}
