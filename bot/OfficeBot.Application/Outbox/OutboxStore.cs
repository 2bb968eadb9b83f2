using System.Collections.Concurrent;
using OfficeBot.Application.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Outbox;

/// <summary>An outbox item as read, with its row's key and ETag (the claim and every later write are conditional on it).</summary>
public sealed record StoredOutboxItem(OutboxItem Item, string RowKey, string ETag);

/// <summary>Due items as read; <paramref name="Cut"/> when reading stopped before the last due row (more may be due).</summary>
public sealed record DueItems(IReadOnlyList<StoredOutboxItem> Items, bool Cut);

/// <summary>The tenants that have outbox work, each with a hint of when its next item is due.</summary>
public sealed record OutboxTenant(string TenantId, DateTimeOffset NextDueAt, string ETag);

/// <summary>
/// Reads and writes outbox rows through the storage port. Items are written by the repositories inside the batch of the
/// change that caused them (<see cref="NewRow"/>); everything else here — claim, progress, completion, retry — is an
/// ETag-conditional write, so two instances never both own an item, and one whose lease ran out loses it cleanly.
/// </summary>
public sealed class OutboxStore(ITableStore store, IEnumerable<IRecurringOutboxWork>? recurring = null)
{
    /// <summary>The table of per-tenant wake hints (the items themselves live in the matters table).</summary>
    public const string WakeTable = OutboxKeys.WakeTable;

    private readonly ConcurrentDictionary<string, bool> _knownTenants = new(StringComparer.Ordinal);

    public static StoredRow NewRow(OutboxItem item) =>
        new(MatterKeys.Partition(item.TenantId), OutboxKeys.Row(item.DueAt, item.Id), StoredJson.Serialize(item));

    /// <summary>
    /// Makes sure the dispatcher's sweep will look at this tenant: called before the first batch that carries an item.
    /// The row is never deleted, so once seen by this instance it need not be checked again.
    /// </summary>
    public async Task EnsureTenantAsync(string tenantId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (_knownTenants.ContainsKey(tenantId))
        {
            return;
        }

        var key = MatterKeys.Partition(tenantId);
        if (await store.GetAsync(OutboxKeys.WakeTable, OutboxKeys.WakePartition, key, cancellationToken) is null)
        {
            try
            {
                await store.InsertAsync(OutboxKeys.WakeTable, WakeRow(tenantId, dueAt), cancellationToken);
            }
            catch (EntityExistsException)
            {
                // Another instance registered it first; the same is meant.
            }

            // A new tenant's first morning report is planned now, not at the next sweep.
            foreach (var work in recurring ?? [])
            {
                await work.EnsureNextAsync(tenantId, cancellationToken);
            }
        }

        _knownTenants[tenantId] = true;
    }

    /// <summary>Lowers the tenant's hint to <paramref name="dueAt"/> after a commit, so every instance sees an item due later than now.</summary>
    public async Task AnnounceAsync(string tenantId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var key = MatterKeys.Partition(tenantId);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = await store.GetAsync(OutboxKeys.WakeTable, OutboxKeys.WakePartition, key, cancellationToken);
            try
            {
                if (row is null)
                {
                    await store.InsertAsync(OutboxKeys.WakeTable, WakeRow(tenantId, dueAt), cancellationToken);
                    return;
                }

                var current = StoredJson.Deserialize<WakeHint>(row.Data);

                // Always written, even when the hint is already early enough: the new ETag tells a dispatcher that is
                // about to raise the hint (having found nothing) that something arrived meanwhile.
                await store.ReplaceAsync(OutboxKeys.WakeTable, WakeRow(tenantId, current.NextDueAt < dueAt ? current.NextDueAt : dueAt), row.ETag!, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyException or EntityExistsException)
            {
                // Someone else moved the hint; read it again.
            }
        }
    }

    public async Task<IReadOnlyList<OutboxTenant>> TenantsAsync(int max, CancellationToken cancellationToken)
    {
        var tenants = new List<OutboxTenant>();
        await foreach (var row in store.QueryAsync(OutboxKeys.WakeTable, OutboxKeys.WakePartition, take: max, cancellationToken: cancellationToken))
        {
            var hint = StoredJson.Deserialize<WakeHint>(row.Data);
            tenants.Add(new OutboxTenant(hint.TenantId, hint.NextDueAt, row.ETag!));
        }

        return tenants;
    }

    public async Task<OutboxTenant?> TenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(OutboxKeys.WakeTable, OutboxKeys.WakePartition, MatterKeys.Partition(tenantId), cancellationToken);
        return row is null ? null : new OutboxTenant(tenantId, StoredJson.Deserialize<WakeHint>(row.Data).NextDueAt, row.ETag!);
    }

    /// <summary>Sets the hint to when the tenant's next item is due, unless the hint changed since <paramref name="seen"/> was read.</summary>
    public async Task<bool> RaiseHintAsync(OutboxTenant seen, DateTimeOffset nextDueAt, CancellationToken cancellationToken)
    {
        try
        {
            await store.ReplaceAsync(OutboxKeys.WakeTable, WakeRow(seen.TenantId, nextDueAt), seen.ETag, cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Items of the tenant that are due at <paramref name="now"/> and not leased to someone else, in due order.</summary>
    public async Task<IReadOnlyList<StoredOutboxItem>> DueAsync(string tenantId, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await DueAsync(tenantId, now, max, int.MaxValue, static _ => false, cancellationToken)).Items;

    /// <summary>
    /// Like <see cref="DueAsync(string, DateTimeOffset, int, CancellationToken)"/>, but stops reading once the items
    /// found cover <paramref name="groups"/> groups (<see cref="OutboxItem.GroupKey"/>) that are not
    /// <paramref name="busy"/>: the dispatcher can start no more than that many workers, and under a backlog each
    /// further row read is a row parsed for nothing. <see cref="DueItems.Cut"/> says whether it stopped early.
    /// </summary>
    public async Task<DueItems> DueAsync(string tenantId, DateTimeOffset now, int max, int groups, Func<string, bool> busy, CancellationToken cancellationToken)
    {
        var due = new List<StoredOutboxItem>();
        var startable = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), OutboxKeys.Prefix, OutboxKeys.DueUntil(now), max * 2, cancellationToken))
        {
            var item = StoredJson.Deserialize<OutboxItem>(row.Data);
            if (!item.IsLeasedAt(now))
            {
                due.Add(new StoredOutboxItem(item, row.RowKey, row.ETag!));
                if (due.Count == max)
                {
                    break;
                }

                var group = item.GroupKey();
                if (!busy(group) && startable.Add(group) && startable.Count >= groups)
                {
                    return new DueItems(due, Cut: true);
                }
            }
        }

        return new DueItems(due, Cut: false);
    }

    /// <summary>When the tenant's next item becomes workable (its due time, or the end of someone's lease); null if it has none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string tenantId, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        string? stopAt = null;
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), OutboxKeys.Prefix, OutboxKeys.End, 50, cancellationToken))
        {
            // Rows come in due order and an item is never workable before it is due: once a row is due no earlier than the
            // earliest time found, no later row can be earlier, so the rest need not be read (under load a pass runs per
            // change, and behind the few items in progress lie thousands of planned reminders).
            if (stopAt is not null && string.CompareOrdinal(row.RowKey, stopAt) >= 0)
            {
                break;
            }

            var item = StoredJson.Deserialize<OutboxItem>(row.Data);
            var at = item.LeaseUntil is { } until && until > item.DueAt ? until : item.DueAt;
            if (next is null || at < next)
            {
                next = at;
                stopAt = OutboxKeys.DueUntil(at);
            }
        }

        return next;
    }

    /// <summary>Takes the item for <paramref name="owner"/> until <paramref name="leaseUntil"/>; null when another instance took it first.</summary>
    public async Task<StoredOutboxItem?> ClaimAsync(StoredOutboxItem due, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = due.Item with { LeaseOwner = owner, LeaseUntil = leaseUntil };
        return await TryReplaceAsync(due, claimed, cancellationToken);
    }

    /// <summary>Records progress (and extends the lease); null when the lease was lost to another instance.</summary>
    public Task<StoredOutboxItem?> SaveAsync(StoredOutboxItem current, OutboxItem changed, CancellationToken cancellationToken) =>
        TryReplaceAsync(current, changed, cancellationToken);

    /// <summary>Removes a finished item; false when the lease was lost meanwhile (the new owner will find it done step by step).</summary>
    public async Task<bool> CompleteAsync(StoredOutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(MatterKeys.Table, MatterKeys.Partition(item.Item.TenantId), item.RowKey, item.ETag, cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Moves the item to a later due time (a retry), keeping its progress, released for whichever instance comes first.</summary>
    public async Task<bool> RescheduleAsync(StoredOutboxItem item, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        var moved = item.Item with { DueAt = dueAt, Attempts = item.Item.Attempts + 1, LeaseOwner = null, LeaseUntil = null, LastError = error };
        var partition = MatterKeys.Partition(item.Item.TenantId);
        try
        {
            await store.SubmitBatchAsync(MatterKeys.Table,
            [
                BatchOperation.Delete(partition, item.RowKey, item.ETag),
                BatchOperation.Insert(NewRow(moved)),
            ], cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or EntityExistsException)
        {
            return false;
        }
    }

    /// <summary>Gives up on an item: it is kept under <c>x|</c> for the director and the operator, out of the due range.</summary>
    public async Task<bool> DeadLetterAsync(StoredOutboxItem item, string error, CancellationToken cancellationToken)
    {
        var dead = item.Item with { LeaseOwner = null, LeaseUntil = null, LastError = error };
        var partition = MatterKeys.Partition(item.Item.TenantId);
        try
        {
            await store.SubmitBatchAsync(MatterKeys.Table,
            [
                BatchOperation.Delete(partition, item.RowKey, item.ETag),
                BatchOperation.Upsert(new StoredRow(partition, DeadLetterPrefix + item.Item.Id, StoredJson.Serialize(dead))),
            ], cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OutboxItem>> DeadLettersAsync(string tenantId, CancellationToken cancellationToken)
    {
        var dead = new List<OutboxItem>();
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), DeadLetterPrefix, MatterKeys.PrefixEnd(DeadLetterPrefix), 200, cancellationToken))
        {
            dead.Add(StoredJson.Deserialize<OutboxItem>(row.Data));
        }

        return dead;
    }

    /// <summary>Every pending item of a tenant (for tests and the operator), in due order.</summary>
    public async Task<IReadOnlyList<OutboxItem>> PendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), OutboxKeys.Prefix, OutboxKeys.End, cancellationToken: cancellationToken))
        {
            items.Add(StoredJson.Deserialize<OutboxItem>(row.Data));
        }

        return items;
    }

    private const string DeadLetterPrefix = "x|";

    private async Task<StoredOutboxItem?> TryReplaceAsync(StoredOutboxItem current, OutboxItem changed, CancellationToken cancellationToken)
    {
        try
        {
            var etag = await store.ReplaceAsync(MatterKeys.Table, new StoredRow(MatterKeys.Partition(changed.TenantId), current.RowKey, StoredJson.Serialize(changed)), current.ETag, cancellationToken);
            return new StoredOutboxItem(changed, current.RowKey, etag);
        }
        catch (ConcurrencyException)
        {
            return null;
        }
    }

    private static StoredRow WakeRow(string tenantId, DateTimeOffset nextDueAt) =>
        new(OutboxKeys.WakePartition, MatterKeys.Partition(tenantId), StoredJson.Serialize(new WakeHint(tenantId, nextDueAt)));

    private sealed record WakeHint(string TenantId, DateTimeOffset NextDueAt);
}
