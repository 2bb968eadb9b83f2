namespace OfficeBot.Storage;

/// <summary>
/// The one storage port every repository uses. Rows live in named tables, addressed by partition key and
/// row key, and carry an opaque ETag for optimistic concurrency. Both backends (SQLite, Azure Tables)
/// must behave alike; the contract tests run against each.
/// </summary>
public interface ITableStore
{
    /// <summary>Creates the table if it does not exist. Called once at start-up, never on a hot path.</summary>
    Task EnsureTableAsync(string table, CancellationToken cancellationToken = default);

    Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new row; an existing key throws <see cref="EntityExistsException"/> (Azure: 409).</summary>
    Task<string> InsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default);

    /// <summary>Replaces the row only if its ETag still matches; otherwise (or if gone) throws <see cref="ConcurrencyException"/> (Azure: 412/404).</summary>
    Task<string> ReplaceAsync(string table, StoredRow row, string etag, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces unconditionally. Only for data where the last writer is right by design (conversation references).</summary>
    Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row only if its ETag still matches; a stale ETag or a missing row throws <see cref="ConcurrencyException"/>.</summary>
    Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken = default);

    /// <summary>Rows of one partition whose row key is in [<paramref name="rowKeyFrom"/>, <paramref name="rowKeyTo"/>), in row key order.</summary>
    IAsyncEnumerable<StoredRow> QueryAsync(string table, string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int? take = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies all operations atomically, or none. All must target one partition, at most
    /// <see cref="TableBatch.MaxOperations"/> operations and <see cref="TableBatch.MaxPayloadBytes"/> bytes,
    /// each row at most once; the port checks this itself (<see cref="TableBatch.Validate"/>).
    /// Returns the new ETag of each operation, in order (empty for deletes).
    /// </summary>
    Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default);
}

/// <summary>A stored row. <see cref="Data"/> is the serialised entity (JSON); backends store it as they see fit.</summary>
public sealed record StoredRow(string PartitionKey, string RowKey, string Data, string? ETag = null);

public enum BatchOperationKind
{
    Insert,
    Replace,
    Upsert,
    Delete,
}

/// <summary>
/// One operation of a batch. Replace and Delete require <see cref="ETag"/>; <see cref="AnyETag"/> ("*") matches any version
/// of an existing row, for derived rows whose batch is already guarded by another row's ETag.
/// </summary>
public sealed record BatchOperation(BatchOperationKind Kind, StoredRow Row, string? ETag = null)
{
    public const string AnyETag = "*";

    public static BatchOperation Insert(StoredRow row) => new(BatchOperationKind.Insert, row);

    public static BatchOperation Replace(StoredRow row, string etag) => new(BatchOperationKind.Replace, row, etag);

    public static BatchOperation Upsert(StoredRow row) => new(BatchOperationKind.Upsert, row);

    public static BatchOperation Delete(string partitionKey, string rowKey, string etag) =>
        new(BatchOperationKind.Delete, new StoredRow(partitionKey, rowKey, string.Empty), etag);
}

/// <summary>The row was changed or removed since it was read (Azure: 412 Precondition Failed, or 404 on a conditional write).</summary>
public sealed class ConcurrencyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A row with that key already exists (Azure: 409 Conflict).</summary>
public sealed class EntityExistsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A row or batch is larger than Azure Tables accepts (<see cref="EntitySize.MaxEntityBytes"/> per entity,
/// <see cref="TableBatch.MaxPayloadBytes"/> per batch, measured as sent); nothing was written. The person is told their
/// input is too large. An <see cref="ArgumentException"/>, because the caller asked for something the store never takes.
/// </summary>
public sealed class EntityTooLargeException(string message) : ArgumentException(message);

/// <summary>The store cannot take the request now (e.g. the SQLite file is locked by another process); nothing was written. Try again shortly.</summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : Exception(message, inner);
