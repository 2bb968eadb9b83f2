namespace OfficeBot.Storage;

/// <summary>
/// The limits of an Azure Tables entity group transaction, enforced by both backends before anything is
/// sent: Azurite (and SQLite) would accept batches that Azure rejects, and a batch that passes a local
/// test must also pass in production.
/// </summary>
public static class TableBatch
{
    public const int MaxOperations = 100;

    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    /// <summary>The headers of one operation's part in the batch's multipart body (method, URL, content type, If-Match).</summary>
    private const int OperationOverheadBytes = 512;

    /// <summary>Throws <see cref="ArgumentException"/> (<see cref="EntityTooLargeException"/> for size) if the batch is empty, too large, spans partitions, repeats a row or lacks a required ETag.</summary>
    public static void Validate(string table, IReadOnlyList<BatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);

        if (operations.Count == 0)
        {
            throw new ArgumentException($"A batch on table '{table}' must contain at least one operation.", nameof(operations));
        }

        if (operations.Count > MaxOperations)
        {
            throw new ArgumentException(
                $"A batch on table '{table}' has {operations.Count} operations; at most {MaxOperations} are allowed.", nameof(operations));
        }

        var partitionKey = operations[0].Row.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        long payloadBytes = 0;

        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] ?? throw new ArgumentException($"Operation {i} of a batch on table '{table}' is null.", nameof(operations));
            var row = operation.Row;

            if (!string.Equals(row.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A batch on table '{table}' must stay in one partition: operation {i} targets partition '{row.PartitionKey}', operation 0 targets '{partitionKey}'.",
                    nameof(operations));
            }

            if (!rowKeys.Add(row.RowKey))
            {
                throw new ArgumentException(
                    $"A batch on table '{table}' may touch each row once: row key '{row.RowKey}' appears again at operation {i}.", nameof(operations));
            }

            if (operation.Kind is BatchOperationKind.Replace or BatchOperationKind.Delete && string.IsNullOrEmpty(operation.ETag))
            {
                throw new ArgumentException(
                    $"Operation {i} ({operation.Kind}) of a batch on table '{table}' needs the ETag of the row it changes.", nameof(operations));
            }

            if (operation.Kind != BatchOperationKind.Delete)
            {
                EntitySize.Check(table, row);
            }

            // Counted as the SDK sends it (non-ASCII escaped), plus each operation's part headers in the multipart body.
            payloadBytes += OperationOverheadBytes + (operation.Kind == BatchOperationKind.Delete
                ? EntitySize.WireBytes(row.PartitionKey) + EntitySize.WireBytes(row.RowKey)
                : EntitySize.WireBytes(row));
        }

        if (payloadBytes > MaxPayloadBytes)
        {
            throw new EntityTooLargeException(
                $"A batch on table '{table}' carries {payloadBytes} bytes as sent; at most {MaxPayloadBytes} are allowed.");
        }
    }
}
