using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

/// <summary>Stores matters, their append-only history and their list indexes through the storage port (keys: <see cref="MatterKeys"/>).</summary>
public sealed class MatterRepository(ITableStore store)
{
    public const string TableName = "matters";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _registrationGates = new(StringComparer.Ordinal);

    /// <summary>Each round of contention lets at least one registration through; with jitter this serves dozens registering at once.</summary>
    private const int MaxNumberAttempts = 40;

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

    /// <summary>
    /// Takes the next number of the tenant and stores the new matter in one batch with the sequence row, so two people
    /// registering at once get different numbers and neither registration is lost.
    /// </summary>
    public async Task<(Matter? Matter, Refusal? Refusal)> CreateAsync(string tenantId, Func<int, (Matter? Matter, Refusal? Refusal)> register, CancellationToken cancellationToken)
    {
        // Within one instance, registrations of a tenant take turns: they would all race for the same sequence row and
        // all but one would lose and retry. Across instances the sequence row's ETag still decides.
        var gate = _registrationGates.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await AllocateAndInsertAsync(tenantId, register, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(Matter? Matter, Refusal? Refusal)> AllocateAndInsertAsync(string tenantId, Func<int, (Matter? Matter, Refusal? Refusal)> register, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(tenantId);
        for (var attempt = 0; attempt < MaxNumberAttempts; attempt++)
        {
            var sequence = await store.GetAsync(MatterKeys.Table, partition, MatterKeys.Sequence, cancellationToken);
            var number = sequence is null ? 1 : StoredJson.Deserialize<SequenceRow>(sequence.Data).Next;
            var (matter, refusal) = register(number);
            if (matter is null)
            {
                return (null, refusal);
            }

            var next = new StoredRow(partition, MatterKeys.Sequence, StoredJson.Serialize(new SequenceRow(number + 1)));
            var operations = new List<BatchOperation>
            {
                sequence is null ? BatchOperation.Insert(next) : BatchOperation.Replace(next, sequence.ETag!),
                BatchOperation.Insert(new StoredRow(partition, MatterKeys.Matter(number), StoredJson.Serialize(matter.State))),
            };
            operations.AddRange(HistoryRows(partition, matter));
            operations.AddRange(IndexChanges(partition, before: null, after: matter.State));
            try
            {
                await store.SubmitBatchAsync(MatterKeys.Table, operations, cancellationToken);
                matter.MarkCommitted();
                return (matter, null);
            }
            catch (Exception e) when (e is ConcurrencyException or EntityExistsException)
            {
                // Someone else took this number first; take the next one, after a little jitter so fewer reloads are wasted.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(50, 2 * (attempt + 1)))), cancellationToken);
            }
        }

        throw new ConcurrencyException($"Could not allocate a matter number for tenant {tenantId} after {MaxNumberAttempts} attempts.");
    }

    /// <summary>Stores the changed matter if nobody changed it since it was loaded; otherwise throws <see cref="ConcurrencyException"/>.</summary>
    public async Task<string> SaveAsync(LoadedMatter loaded, CancellationToken cancellationToken)
    {
        var state = loaded.Matter.State;
        var partition = MatterKeys.Partition(state.TenantId);
        var operations = new List<BatchOperation>
        {
            BatchOperation.Replace(new StoredRow(partition, MatterKeys.Matter(state.Number), StoredJson.Serialize(state)), loaded.ETag),
        };
        operations.AddRange(HistoryRows(partition, loaded.Matter));
        operations.AddRange(IndexChanges(partition, loaded.Original, state));
        var etags = await store.SubmitBatchAsync(MatterKeys.Table, operations, cancellationToken);
        loaded.Matter.MarkCommitted();
        return etags[0];
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

    private sealed record SequenceRow(int Next);
}
