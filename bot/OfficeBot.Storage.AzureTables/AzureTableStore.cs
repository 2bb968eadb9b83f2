using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace OfficeBot.Storage.AzureTables;

/// <summary>
/// The scale-out backend: Azure Table Storage (or Cosmos DB for Table). Each row is one entity whose
/// <see cref="StoredRow.Data"/> is kept in string properties <c>Data</c>, <c>Data1</c>, <c>Data2</c>…,
/// because one Azure string property holds at most 64 KiB. An entity as a whole holds at most 1 MiB,
/// so rows on this backend stay under roughly 500,000 characters of data.
/// </summary>
public sealed class AzureTableStore : ITableStore
{
    /// <summary>Characters per data property: under the 32K UTF-16 characters (64 KiB) Azure allows.</summary>
    internal const int ChunkLength = 30_000;

    private const string DataProperty = "Data";

    private readonly TableServiceClient _service;
    private readonly string? _tablePrefix;
    private readonly ConcurrentDictionary<string, TableClient> _clients = new(StringComparer.Ordinal);

    /// <param name="service">The account to store tables in.</param>
    /// <param name="tablePrefix">Prepended to every table name, so tests and benchmark runs can share an account without meeting.</param>
    public AzureTableStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!string.IsNullOrEmpty(tablePrefix))
        {
            TableNames.Qualify(tablePrefix, "Probe");
        }

        _service = service;
        _tablePrefix = tablePrefix;
    }

    /// <summary>An account reached by connection string (shared key; also Azurite).</summary>
    public static AzureTableStore FromConnectionString(string connectionString, string? tablePrefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new AzureTableStore(new TableServiceClient(connectionString), tablePrefix);
    }

    /// <summary>An account reached by its table endpoint and an Entra ID credential (managed identity in Azure).</summary>
    public static AzureTableStore FromEndpoint(Uri endpoint, TokenCredential credential, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new AzureTableStore(new TableServiceClient(endpoint, credential), tablePrefix);
    }

    public async Task EnsureTableAsync(string table, CancellationToken cancellationToken = default)
    {
        await Client(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var client = Client(table);
        try
        {
            var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return response.HasValue ? ToRow(response.Value!) : null;
        }
        catch (RequestFailedException exception) when (IsMissingTable(exception))
        {
            throw MissingTable(client, exception);
        }
    }

    public async Task<string> InsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        EntitySize.Check(table, row);
        var client = Client(table);
        try
        {
            var response = await client.AddEntityAsync(ToEntity(row), cancellationToken).ConfigureAwait(false);
            return ETagOf(response);
        }
        catch (RequestFailedException exception) when (Translate(client, BatchOperationKind.Insert, row, exception) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<string> ReplaceAsync(string table, StoredRow row, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        EntitySize.Check(table, row);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var client = Client(table);
        try
        {
            var response = await client.UpdateEntityAsync(ToEntity(row), new ETag(etag), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return ETagOf(response);
        }
        catch (RequestFailedException exception) when (Translate(client, BatchOperationKind.Replace, row, exception) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        EntitySize.Check(table, row);
        var client = Client(table);
        try
        {
            // Replace, not merge: a row that shrank must lose its surplus Data properties.
            var response = await client.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return ETagOf(response);
        }
        catch (RequestFailedException exception) when (Translate(client, BatchOperationKind.Upsert, row, exception) is { } translated)
        {
            throw translated;
        }
    }

    public async Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var client = Client(table);
        var row = new StoredRow(partitionKey, rowKey, string.Empty);
        Response response;
        try
        {
            response = await client.DeleteEntityAsync(partitionKey, rowKey, new ETag(etag), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (Translate(client, BatchOperationKind.Delete, row, exception) is { } translated)
        {
            throw translated;
        }

        // The SDK treats a 404 on delete as success; for a conditional delete it means the row was removed under us.
        if (response.Status == 404)
        {
            throw Changed(client, row, null);
        }
    }

    public async IAsyncEnumerable<StoredRow> QueryAsync(
        string table,
        string partitionKey,
        string? rowKeyFrom = null,
        string? rowKeyTo = null,
        int? take = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentOutOfRangeException.ThrowIfNegative(take ?? 0, nameof(take));
        var client = Client(table);
        if (take == 0)
        {
            yield break;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (rowKeyFrom is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {rowKeyFrom}");
        }

        if (rowKeyTo is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {rowKeyTo}");
        }

        // Azure returns at most 1,000 entities a page; asking for no more than we take saves bandwidth.
        var pageSize = take is { } limit ? Math.Min(limit, 1_000) : (int?)null;
        var pages = client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        var returned = 0;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await pages.MoveNextAsync().ConfigureAwait(false);
                }
                catch (RequestFailedException exception) when (IsMissingTable(exception))
                {
                    throw MissingTable(client, exception);
                }

                if (!more)
                {
                    yield break;
                }

                foreach (var entity in pages.Current.Values)
                {
                    yield return ToRow(entity);
                    if (++returned == take)
                    {
                        yield break;
                    }
                }
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        TableBatch.Validate(table, operations);
        var client = Client(table);
        var actions = new List<TableTransactionAction>(operations.Count);
        foreach (var operation in operations)
        {
            actions.Add(operation.Kind switch
            {
                BatchOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(operation.Row)),
                BatchOperationKind.Replace => new TableTransactionAction(
                    TableTransactionActionType.UpdateReplace, ToEntity(operation.Row), new ETag(operation.ETag!)),
                BatchOperationKind.Upsert => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(operation.Row)),
                BatchOperationKind.Delete => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(operation.Row.PartitionKey, operation.Row.RowKey), new ETag(operation.ETag!)),
                _ => throw new ArgumentOutOfRangeException(nameof(operations), operation.Kind, "Unknown batch operation kind."),
            });
        }

        Response<IReadOnlyList<Response>> response;
        try
        {
            response = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (TranslateBatch(client, operations, exception) is { } translated)
        {
            throw translated;
        }

        var etags = new string[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            etags[i] = operations[i].Kind == BatchOperationKind.Delete ? string.Empty : ETagOf(response.Value[i]);
        }

        return etags;
    }

    internal static TableEntity ToEntity(StoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row.Data);
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        var data = row.Data;
        if (data.Length <= ChunkLength)
        {
            entity[DataProperty] = data;
            return entity;
        }

        var start = 0;
        for (var part = 0; start < data.Length; part++)
        {
            var length = Math.Min(ChunkLength, data.Length - start);
            // Never split a surrogate pair: half of one is not valid text on the wire.
            if (start + length < data.Length && char.IsHighSurrogate(data[start + length - 1]))
            {
                length--;
            }

            entity[part == 0 ? DataProperty : DataProperty + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                data.Substring(start, length);
            start += length;
        }

        return entity;
    }

    internal static StoredRow ToRow(TableEntity entity)
    {
        var first = entity.GetString(DataProperty) ?? string.Empty;
        string data;
        if (!entity.ContainsKey(DataProperty + "1"))
        {
            data = first;
        }
        else
        {
            var builder = new StringBuilder(first);
            for (var part = 1; entity.GetString(DataProperty + part.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } chunk; part++)
            {
                builder.Append(chunk);
            }

            data = builder.ToString();
        }

        return new StoredRow(entity.PartitionKey, entity.RowKey, data, entity.ETag.ToString());
    }

    private TableClient Client(string table) =>
        _clients.GetOrAdd(table, static (name, store) => store._service.GetTableClient(TableNames.Qualify(store._tablePrefix, name)), this);

    private static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service answered a write without an ETag.");

    private static BatchOperationKind KindFor(int status, IReadOnlyList<BatchOperation> operations) =>
        status == 409 && operations.Any(operation => operation.Kind == BatchOperationKind.Insert)
            ? BatchOperationKind.Insert
            : operations.FirstOrDefault(operation => operation.Kind is BatchOperationKind.Replace or BatchOperationKind.Delete)?.Kind
                ?? operations[0].Kind;

    private static Exception? TranslateBatch(TableClient client, IReadOnlyList<BatchOperation> operations, RequestFailedException exception)
    {
        if (exception is TableTransactionFailedException { FailedTransactionActionIndex: { } failed } && failed >= 0 && failed < operations.Count)
        {
            return Translate(client, operations[failed].Kind, operations[failed].Row, exception);
        }

        // Without the failing index, the status alone still tells which rule was broken.
        return Translate(client, KindFor(exception.Status, operations), operations[0].Row, exception);
    }

    /// <summary>The port's exception for a failed write, or null when the failure is not one the port names.</summary>
    private static Exception? Translate(TableClient client, BatchOperationKind kind, StoredRow row, RequestFailedException exception)
    {
        if (IsMissingTable(exception))
        {
            return MissingTable(client, exception);
        }

        return (exception.Status, kind) switch
        {
            (409, BatchOperationKind.Insert) => new EntityExistsException(
                $"Row '{row.PartitionKey}'/'{row.RowKey}' already exists in table '{client.Name}'.", exception),
            (412, _) => Changed(client, row, exception),
            (404, BatchOperationKind.Replace or BatchOperationKind.Delete) => Changed(client, row, exception),
            _ => null,
        };
    }

    private static ConcurrencyException Changed(TableClient client, StoredRow row, Exception? inner) =>
        new($"Row '{row.PartitionKey}'/'{row.RowKey}' in table '{client.Name}' was changed or removed since it was read.", inner);

    private static bool IsMissingTable(RequestFailedException exception) =>
        exception.Status == 404 && string.Equals(exception.ErrorCode, "TableNotFound", StringComparison.Ordinal);

    private static InvalidOperationException MissingTable(TableClient client, RequestFailedException exception) =>
        new($"Table '{client.Name}' does not exist. Tables are created at start-up with EnsureTableAsync.", exception);
}
