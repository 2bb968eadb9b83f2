using OfficeBot.Storage;

namespace OfficeBot.Testing;

/// <summary>
/// A real store passed through, for tests that make one of its operations fail or record what it was asked: override
/// only that operation. Everything else is the real backend's behaviour.
/// </summary>
public abstract class DelegatingTableStore(ITableStore inner) : ITableStore
{
    public ITableStore Inner { get; } = inner;

    public virtual Task EnsureTableAsync(string table, CancellationToken cancellationToken = default) => Inner.EnsureTableAsync(table, cancellationToken);

    public virtual Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public virtual Task<string> InsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default) => Inner.InsertAsync(table, row, cancellationToken);

    public virtual Task<string> ReplaceAsync(string table, StoredRow row, string etag, CancellationToken cancellationToken = default) =>
        Inner.ReplaceAsync(table, row, etag, cancellationToken);

    public virtual Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default) => Inner.UpsertAsync(table, row, cancellationToken);

    public virtual Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken = default) =>
        Inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);

    public virtual IAsyncEnumerable<StoredRow> QueryAsync(string table, string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int? take = null,
        CancellationToken cancellationToken = default) => Inner.QueryAsync(table, partitionKey, rowKeyFrom, rowKeyTo, take, cancellationToken);

    public virtual Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) =>
        Inner.SubmitBatchAsync(table, operations, cancellationToken);
}
