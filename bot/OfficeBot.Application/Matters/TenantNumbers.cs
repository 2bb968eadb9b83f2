using System.Collections.Concurrent;
using OfficeBot.Storage;

namespace OfficeBot.Application.Matters;

/// <summary>
/// Hands out a tenant's numbers (matters #1, #2…; meetings M1, M2…) from one sequence row in the tenant's partition. The
/// new item is written in one batch with the sequence row, replaced on its ETag, so two people creating at once get
/// different numbers and neither is lost; and, when the request is identified, with a request row, so a message delivered
/// twice gets the item it created the first time instead of a second one.
/// </summary>
/// <param name="store">The storage port.</param>
/// <param name="sequenceKey">Row key of the sequence row.</param>
/// <param name="requestKey">Row key of a request's row, from its key (conversation and activity id).</param>
/// <param name="what">What is numbered, for the error when no number could be had ("matter", "meeting").</param>
public sealed class TenantNumbers(ITableStore store, string sequenceKey, Func<string, string> requestKey, string what)
{
    /// <summary>Each round of contention lets at least one creation through; with jitter this serves dozens at once.</summary>
    private const int MaxAttempts = 40;

    // Within one instance, creations of a tenant take turns: they would all race for the same sequence row and all but
    // one would lose and retry. Across instances the sequence row's ETag still decides.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // Each tenant's sequence row as this instance last wrote it. Creations take turns here, so the row read before the
    // next one is almost always the one just written: the next creation uses it unread, and its ETag-conditional replace
    // still refuses it if another instance took a number meanwhile (then it is read again).
    private readonly ConcurrentDictionary<string, StoredRow> _sequences = new(StringComparer.Ordinal);

    /// <summary>Takes the next number of the tenant and has the item built for it and stored.</summary>
    /// <param name="tenantId">The tenant (one partition).</param>
    /// <param name="request">Identifies the request; null when it cannot be told apart from another.</param>
    /// <param name="build">Builds the item for the number (the domain may refuse: no item, and the refusal).</param>
    /// <param name="created">The item a number was created for, loaded: the answer to a request seen before.</param>
    /// <param name="commit">Writes the rows given (the sequence row first, the request row if any) with the item's own, in one batch; returns the ETags in order.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<(T? Item, TRefusal? Refusal)> CreateAsync<T, TRefusal>(string tenantId, string? request, Func<int, (T? Item, TRefusal? Refusal)> build,
        Func<int, CancellationToken, Task<T?>> created, Func<T, List<BatchOperation>, CancellationToken, Task<IReadOnlyList<string>>> commit,
        CancellationToken cancellationToken)
        where T : class
    {
        var gate = _gates.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await AllocateAsync(tenantId, request, build, created, commit, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(T? Item, TRefusal? Refusal)> AllocateAsync<T, TRefusal>(string tenantId, string? request, Func<int, (T? Item, TRefusal? Refusal)> build,
        Func<int, CancellationToken, Task<T?>> created, Func<T, List<BatchOperation>, CancellationToken, Task<IReadOnlyList<string>>> commit,
        CancellationToken cancellationToken)
        where T : class
    {
        var partition = MatterKeys.Partition(tenantId);
        var requestRow = request is null ? null : requestKey(request);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // With the sequence row known, the first attempt reads nothing: a request seen before makes the batch's insert
            // of its request row fail (the whole batch with it), and the next attempt reads the row and answers with that
            // item. Otherwise (first creation here, or after a failed attempt) the rows are read first.
            var sequence = attempt == 0 && _sequences.TryGetValue(tenantId, out var known) ? known : null;
            if (sequence is null)
            {
                if (requestRow is not null && await store.GetAsync(MatterKeys.Table, partition, requestRow, cancellationToken) is { } earlier
                    && await created(StoredJson.Deserialize<RequestRow>(earlier.Data).Number, cancellationToken) is { } answered)
                {
                    // The same message delivered again (Teams retries, or a reply that failed after the commit): same item.
                    return (answered, default);
                }

                sequence = await store.GetAsync(MatterKeys.Table, partition, sequenceKey, cancellationToken);
            }

            var number = sequence is null ? 1 : StoredJson.Deserialize<SequenceRow>(sequence.Data).Next;
            var (item, refusal) = build(number);
            if (item is null)
            {
                return (null, refusal);
            }

            var next = new StoredRow(partition, sequenceKey, StoredJson.Serialize(new SequenceRow(number + 1)));
            var operations = new List<BatchOperation> { sequence is null ? BatchOperation.Insert(next) : BatchOperation.Replace(next, sequence.ETag!) };
            if (requestRow is not null)
            {
                operations.Add(BatchOperation.Insert(new StoredRow(partition, requestRow, StoredJson.Serialize(new RequestRow(number)))));
            }

            try
            {
                var etags = await commit(item, operations, cancellationToken);
                _sequences[tenantId] = next with { ETag = etags[0] };
                return (item, default);
            }
            catch (Exception e) when (e is ConcurrencyException or EntityExistsException)
            {
                _sequences.TryRemove(tenantId, out _);

                // Someone else took this number first; take the next one, after a little jitter so fewer reloads are wasted.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(50, 2 * (attempt + 1)))), cancellationToken);
            }
        }

        throw new ConcurrencyException($"Could not allocate a {what} number for tenant {tenantId} after {MaxAttempts} attempts.");
    }

    private sealed record SequenceRow(int Next);

    private sealed record RequestRow(int Number);
}
