using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Storage;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// Keeps watching after a request is checked (SPEC §4): every <c>Office:Meetings:SyncInterval</c> (10 minutes), each
/// tenant's pending requests and approved meetings still to come are checked again against the calendars as they are
/// now. The sync is an outbox item per tenant and time slot, <c>gsync-{slot}</c>, whose key every instance computes
/// alike, so several instances run it once; it plans the next slot's item before it starts, so a failed sync never
/// ends the chain. A conflict found is recorded on the meeting in the same batch as its alert (see
/// <see cref="Meeting.RecordCheck"/>), so it is alerted once; a conflict gone updates the alert in place.
/// </summary>
public sealed partial class MeetingSync(
    MeetingSyncSchedule schedule,
    MeetingRepository repository,
    MeetingService meetings,
    MeetingChecks checks,
    OutboxStore outbox,
    OfficeTime time,
    ILogger<MeetingSync> logger) : IOutboxHandler
{
    /// <summary>How far ahead meetings are watched; a request further out is checked when it comes nearer.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(62);

    public string Kind => OutboxKinds.MeetingSync;

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var slot = MeetingSyncSchedule.SlotOf(item);
        await progress.PlanNextAsync(outbox, item.TenantId, token => schedule.EnsureAfterAsync(item.TenantId, slot, token), cancellationToken);

        var now = time.Now;
        var watched = (await repository.HoldingTimeAsync(item.TenantId, now, now + Horizon, cancellationToken)).Where(m => m.Start > now).ToList();
        if (watched.Count == 0)
        {
            return;
        }

        // Every leader's calendar is read once for the round, over the days of every watched meeting and their
        // alternatives, instead of once per meeting (a feed of 20,000 events takes about a quarter of a second to expand).
        var (from, to) = checks.WindowFor(watched.Min(m => m.Start), watched.Max(m => m.Start));
        var leaders = watched.SelectMany(m => m.Leaders).Select(l => l.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var read = await checks.ReadAsync(item.TenantId, leaders, from, to, cancellationToken);
        var found = 0;
        foreach (var summary in watched)
        {
            await progress.StepAsync($"m|{summary.Number}", async token =>
            {
                var result = await meetings.ChangeAsync(item.TenantId, summary.Number, Matter.Bot, async meeting =>
                {
                    // A meeting moved meanwhile beyond the round's window is read for on its own.
                    var inWindow = meeting.State.Start >= from && meeting.State.Start < to.AddDays(-MeetingChecks.AlternativeWindowDays);
                    var fresh = await meetings.CheckAsync(meeting.State, null, withAlternatives: true, token, inWindow ? read : null);
                    return meeting.RecordCheck(Matter.Bot, time.Now, fresh);
                }, null, token);
                if (result.Outcome.IsChanged)
                {
                    found++;
                }
            }, cancellationToken);
        }

        LogSynced(item.TenantId, watched.Count, found);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting sync of {TenantId}: {Watched} meeting(s) checked, {Changed} with conflicts found or gone")]
    private partial void LogSynced(string tenantId, int watched, int changed);
}

/// <summary>
/// When each tenant's meeting sync runs: one outbox item per <c>Office:Meetings:SyncInterval</c> slot, keyed by the slot
/// alone, so instances ensuring it at once write one item. Kept apart from the sync itself, which needs the outbox: the
/// outbox asks every recurring work for its next item.
/// </summary>
public sealed class MeetingSyncSchedule(ITableStore store, OfficeTime time, IOptionsMonitor<OfficeOptions> office) : IRecurringOutboxWork
{
    private const string IdPrefix = "gsync-";

    private readonly ConcurrentDictionary<string, long> _planned = new(StringComparer.Ordinal);

    private TimeSpan Interval => office.CurrentValue.Meetings.SyncInterval;

    public static long SlotOf(OutboxItem item) => long.Parse(item.Id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);

    public Task EnsureNextAsync(string tenantId, CancellationToken cancellationToken) => EnsureAsync(tenantId, NextSlot(time.Now), cancellationToken);

    /// <summary>Plans the slot after <paramref name="slot"/> (or the next to come, if the clock is past it); returns when it is due, or null if it was planned already.</summary>
    public Task<DateTimeOffset?> EnsureAfterAsync(string tenantId, long slot, CancellationToken cancellationToken) =>
        EnsureAsync(tenantId, Math.Max(slot + 1, NextSlot(time.Now)), cancellationToken);

    private long NextSlot(DateTimeOffset now) => now.UtcTicks / Interval.Ticks + 1;

    /// <summary>Writes the sync item of <paramref name="slot"/> unless it exists; returns when it is due.</summary>
    private async Task<DateTimeOffset?> EnsureAsync(string tenantId, long slot, CancellationToken cancellationToken)
    {
        var due = new DateTimeOffset(slot * Interval.Ticks, TimeSpan.Zero);
        if (_planned.TryGetValue(tenantId, out var planned) && planned >= slot)
        {
            return null;
        }

        // A tenant with nothing to watch has no sync: the chain ends, and the next request starts it again.
        var now = time.Now;
        var partition = Matters.MatterKeys.Partition(tenantId);
        if (!await store.QueryAsync(Matters.MatterKeys.Table, partition, MeetingKeys.TimeFrom(now - Meeting.Longest), MeetingKeys.TimeFrom(now + MeetingSync.Horizon), 1,
            cancellationToken).AnyAsync(cancellationToken))
        {
            return null;
        }

        var item = new OutboxItem
        {
            Id = IdPrefix + slot.ToString(CultureInfo.InvariantCulture),
            Kind = OutboxKinds.MeetingSync,
            TenantId = tenantId,
            CreatedAt = now,
            DueAt = due,
        };
        try
        {
            await store.InsertAsync(Matters.MatterKeys.Table, OutboxStore.NewRow(item), cancellationToken);
        }
        catch (EntityExistsException)
        {
            // Another instance planned the same slot first.
        }

        _planned[tenantId] = slot;
        return due;
    }
}
