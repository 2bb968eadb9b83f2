using System.Runtime.CompilerServices;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Matters;

/// <summary>A matter as loaded, with the ETag and the state it was loaded in (to know which index rows to drop).</summary>
public sealed class LoadedMatter(Matter matter, string etag)
{
    public Matter Matter { get; } = matter;

    public string ETag { get; } = etag;

    public MatterState Original { get; } = matter.State;
}

/// <summary>
/// Stores matters, their append-only history, their list indexes and the outbox item of each change through the storage
/// port (keys: <see cref="MatterKeys"/>). A change, what it promises to send and what it counts in the statistics are one
/// atomic batch.
/// </summary>
public sealed class MatterRepository(ITableStore store, OutboxStore outbox, OfficeTime time)
{
    public const string TableName = "matters";

    private readonly TenantNumbers _numbers = new(store, MatterKeys.Sequence, MatterKeys.Request, "matter");

    public async Task<LoadedMatter?> GetAsync(string tenantId, int number, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), MatterKeys.Matter(number), cancellationToken);
        return row is null ? null : new LoadedMatter(Matter.FromState(StoredJson.Deserialize<MatterState>(row.Data)), row.ETag!);
    }

    /// <summary>History of a matter in order; <paramref name="fromSequence"/> skips the older lines.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string tenantId, int number, int fromSequence, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        var from = fromSequence <= 1 ? MatterKeys.HistoryFrom(number) : MatterKeys.History(number, fromSequence);
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), from, MatterKeys.HistoryTo(number), cancellationToken: cancellationToken))
        {
            entries.Add(StoredJson.Deserialize<HistoryEntry>(row.Data));
        }

        return entries;
    }

    /// <summary>One history line of a matter; null if there is none with that number.</summary>
    public async Task<HistoryEntry?> GetHistoryEntryAsync(string tenantId, int number, int sequence, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), MatterKeys.History(number, sequence), cancellationToken);
        return row is null ? null : StoredJson.Deserialize<HistoryEntry>(row.Data);
    }

    /// <summary>
    /// Takes the next number of the tenant and stores the new matter in one batch with the sequence row, so two people
    /// registering at once get different numbers and neither registration is lost (<see cref="TenantNumbers"/>).
    /// </summary>
    /// <param name="tenantId">The tenant (one partition).</param>
    /// <param name="register">Builds the matter for the number allocated (the domain may refuse).</param>
    /// <param name="followUp">The outbox item the new matter promises (notifications), written in the same batch.</param>
    /// <param name="requestKey">Identifies the request (conversation and activity id): a retry of the same request returns the matter it registered instead of a second one.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public async Task<(Matter? Matter, Refusal? Refusal)> CreateAsync(string tenantId, Func<int, (Matter? Matter, Refusal? Refusal)> register, Func<Matter, OutboxItem>? followUp,
        string? requestKey, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(tenantId);
        var (matter, refusal) = await _numbers.CreateAsync(tenantId, requestKey, register,
            async (number, token) => (await GetAsync(tenantId, number, token))?.Matter,
            (created, core, token) =>
            {
                core.Add(BatchOperation.Insert(new StoredRow(partition, MatterKeys.Matter(created.Number), StoredJson.Serialize(created.State))));
                core.AddRange(HistoryRows(partition, created));
                core.AddRange(ReminderRow(before: null, created.State));
                return CommitAsync(tenantId, core, StatisticRows(partition, created), IndexChanges(partition, before: null, after: created.State), followUp?.Invoke(created), token);
            },
            cancellationToken);
        matter?.MarkCommitted();
        return (matter, refusal);
    }

    /// <summary>Stores the changed matter if nobody changed it since it was loaded; otherwise throws <see cref="ConcurrencyException"/>.</summary>
    /// <param name="loaded">The matter as loaded and then changed.</param>
    /// <param name="followUp">The outbox item the change promises (notifications, card updates), written in the same batch.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<string> SaveAsync(LoadedMatter loaded, OutboxItem? followUp, CancellationToken cancellationToken)
    {
        var state = loaded.Matter.State;
        var partition = MatterKeys.Partition(state.TenantId);
        var core = new List<BatchOperation>
        {
            BatchOperation.Replace(new StoredRow(partition, MatterKeys.Matter(state.Number), StoredJson.Serialize(state)), loaded.ETag),
        };
        core.AddRange(HistoryRows(partition, loaded.Matter));
        core.AddRange(ReminderRow(loaded.Original, state));
        var etags = await CommitAsync(state.TenantId, core, StatisticRows(partition, loaded.Matter), IndexChanges(partition, loaded.Original, state), followUp, cancellationToken);
        loaded.Matter.MarkCommitted();
        return etags[0];
    }

    /// <summary>
    /// Writes a change, its index rows and its outbox item. The change and the item always go in one atomic batch; list
    /// rows fill the room the batch limit leaves, and those that do not fit (a matter of many people: every person has a
    /// list row) are written right after, with the item marked to repair the index, so a crash in between leaves at worst
    /// a stale or missing list row that the follow-up puts right — never a batch over the limit, which Azure refuses whole.
    /// Statistics rows are part of the change and go in its batch; only a change that appends more counted history lines
    /// than the batch has room for (none does today) would write the rest right after, with the list rows.
    /// </summary>
    private async Task<IReadOnlyList<string>> CommitAsync(string tenantId, List<BatchOperation> core, IReadOnlyList<StoredRow> statistics, IEnumerable<BatchOperation> indexChanges,
        OutboxItem? followUp, CancellationToken cancellationToken)
    {
        var statisticsRoom = Math.Max(0, TableBatch.MaxOperations - core.Count - (followUp is null ? 0 : 1));
        core = [.. core, .. statistics.Take(statisticsRoom).Select(BatchOperation.Insert)];
        var index = statistics.Skip(statisticsRoom).Select(BatchOperation.Upsert).Concat(indexChanges).ToList();
        var upserts = index.Where(o => o.Kind != BatchOperationKind.Delete).ToList();
        var deletes = index.Where(o => o.Kind == BatchOperationKind.Delete).ToList();
        var room = Math.Max(0, TableBatch.MaxOperations - core.Count - (followUp is null ? 0 : 1));
        var laterUpserts = upserts.Skip(room).ToList();
        room -= upserts.Count - laterUpserts.Count;
        var later = deletes.Skip(room).ToList();
        var operations = new List<BatchOperation>(core);
        operations.AddRange(upserts.Take(upserts.Count - laterUpserts.Count));
        operations.AddRange(deletes.Take(deletes.Count - later.Count));
        if (followUp is not null)
        {
            if (later.Count > 0 || laterUpserts.Count > 0)
            {
                followUp = followUp with { RepairIndex = true, StaleIndexKeys = later.Select(o => o.Row.RowKey).ToList() };
            }

            await outbox.EnsureTenantAsync(tenantId, followUp.DueAt, cancellationToken);
            operations.Add(BatchOperation.Insert(OutboxStore.NewRow(followUp)));
        }

        var etags = await store.SubmitBatchAsync(MatterKeys.Table, operations, cancellationToken);
        foreach (var chunk in laterUpserts.Chunk(TableBatch.MaxOperations))
        {
            await store.SubmitBatchAsync(MatterKeys.Table, chunk, cancellationToken);
        }

        foreach (var chunk in later.Chunk(TableBatch.MaxOperations))
        {
            await DeleteIndexRowsAsync(chunk, cancellationToken);
        }

        return etags;
    }

    /// <summary>
    /// The outbox row of the matter's next automatic reminder, when the plan changed: written in the change's batch, so a
    /// reminder is planned exactly when the change is stored. A row of an earlier plan is left where it is; when it comes
    /// due, the reminder handler finds it is no longer the plan and drops it (deleting it here could fail the whole batch
    /// if the dispatcher has just moved it).
    /// </summary>
    private static IEnumerable<BatchOperation> ReminderRow(MatterState? before, MatterState after)
    {
        if (after.NextReminder is { } next && next != before?.NextReminder)
        {
            yield return BatchOperation.Upsert(OutboxStore.NewRow(Reminders.MatterReminders.ItemFor(after.TenantId, after.Number, next)));
        }
    }

    /// <summary>Re-derives a matter's list rows from its current state and removes <paramref name="staleKeys"/> that are still not wanted.</summary>
    public async Task RepairIndexAsync(LoadedMatter loaded, IReadOnlyList<string> staleKeys, CancellationToken cancellationToken)
    {
        var state = loaded.Matter.State;
        var partition = MatterKeys.Partition(state.TenantId);
        var wanted = IndexKeys(state);
        var summary = StoredJson.Serialize(MatterSummary.Of(state));
        foreach (var chunk in wanted.Select(key => BatchOperation.Upsert(new StoredRow(partition, key, summary))).Chunk(TableBatch.MaxOperations))
        {
            await store.SubmitBatchAsync(MatterKeys.Table, chunk, cancellationToken);
        }

        await DeleteIndexRowsAsync(staleKeys.Where(k => !wanted.Contains(k)).Select(k => BatchOperation.Delete(partition, k, BatchOperation.AnyETag)), cancellationToken);
    }

    /// <summary>One by one, so a row already gone (removed by an earlier attempt) does not stop the others.</summary>
    private async Task DeleteIndexRowsAsync(IEnumerable<BatchOperation> deletes, CancellationToken cancellationToken)
    {
        foreach (var delete in deletes)
        {
            try
            {
                await store.DeleteAsync(MatterKeys.Table, delete.Row.PartitionKey, delete.Row.RowKey, BatchOperation.AnyETag, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // Already gone.
            }
        }
    }

    public IAsyncEnumerable<MatterSummary> OpenForPersonAsync(string tenantId, string objectId, CancellationToken cancellationToken) =>
        Summaries(tenantId, MatterKeys.PersonPrefix(objectId), cancellationToken);

    public IAsyncEnumerable<MatterSummary> OpenAsync(string tenantId, CancellationToken cancellationToken) =>
        Summaries(tenantId, MatterKeys.OpenPrefix, cancellationToken);

    private async IAsyncEnumerable<MatterSummary> Summaries(string tenantId, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), prefix, MatterKeys.PrefixEnd(prefix), cancellationToken: cancellationToken))
        {
            yield return StoredJson.Deserialize<MatterSummary>(row.Data);
        }
    }

    /// <summary>The statistics rows of the office-local days <paramref name="from"/> to <paramref name="to"/> (both included): one range, no matter or history read.</summary>
    public async Task<IReadOnlyList<StatisticEvent>> StatisticsAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var events = new List<StatisticEvent>();
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), MatterKeys.StatisticDay(from), MatterKeys.StatisticDay(to.AddDays(1)),
            cancellationToken: cancellationToken))
        {
            events.Add(StoredJson.Deserialize<StatisticEvent>(row.Data));
        }

        return events;
    }

    /// <summary>One row for each new history line that counts in the statistics, keyed by the office-local day it happened on.</summary>
    private List<StoredRow> StatisticRows(string partition, Matter matter)
    {
        var rows = new List<StoredRow>();
        foreach (var entry in matter.UncommittedHistory)
        {
            if (MatterStatistics.Of(entry, matter.State, time.Zone, time.Calendar) is { } counted)
            {
                rows.Add(new StoredRow(partition, MatterKeys.Statistic(MatterStatistics.Day(entry.At, time.Zone), matter.Number, entry.Sequence), StoredJson.Serialize(counted)));
            }
        }

        return rows;
    }

    private static IEnumerable<BatchOperation> HistoryRows(string partition, Matter matter) =>
        matter.UncommittedHistory.Select(entry => BatchOperation.Insert(
            new StoredRow(partition, MatterKeys.History(matter.Number, entry.Sequence), StoredJson.Serialize(entry))));

    /// <summary>Index rows are derived from the matter; the matter row's ETag guards the whole batch, so they are written unconditionally.</summary>
    private static IEnumerable<BatchOperation> IndexChanges(string partition, MatterState? before, MatterState after)
    {
        var wanted = IndexKeys(after);
        var summary = StoredJson.Serialize(MatterSummary.Of(after));
        foreach (var key in wanted)
        {
            yield return BatchOperation.Upsert(new StoredRow(partition, key, summary));
        }

        if (before is null)
        {
            yield break;
        }

        foreach (var stale in IndexKeys(before).Except(wanted))
        {
            yield return BatchOperation.Delete(partition, stale, BatchOperation.AnyETag);
        }
    }

    private static HashSet<string> IndexKeys(MatterState state)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (state.Status.IsClosed())
        {
            return keys;
        }

        keys.Add(MatterKeys.Open(state.Number));
        keys.Add(MatterKeys.Person(state.Registrar.ObjectId, state.Number));
        if (state.Lead is { } lead)
        {
            keys.Add(MatterKeys.Person(lead.ObjectId, state.Number));
        }

        foreach (var co in state.CoHandlers)
        {
            keys.Add(MatterKeys.Person(co.Person.ObjectId, state.Number));
        }

        return keys;
    }
}
