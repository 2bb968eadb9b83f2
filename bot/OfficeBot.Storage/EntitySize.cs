namespace OfficeBot.Storage;

/// <summary>
/// How large a row is on the wire to Azure Tables, and the limits it must keep, checked by both backends before anything
/// is written. The Azure SDK sends entities as JSON with every non-ASCII character escaped (<c>\uXXXX</c>, six bytes for
/// one UTF-16 unit), so 200,000 CJK characters are 1.2 MB on the wire although they are 400 KB as UTF-16 and 600 KB as
/// UTF-8: counting UTF-8 bytes, as the first batch check did, let such a row through to the service's EntityTooLarge.
/// SQLite would store it, but a row that passes a local test must also pass in production.
/// </summary>
public static class EntitySize
{
    /// <summary>One entity, as the service counts it: 1 MiB.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>One string property: 64 KiB of UTF-16 (the Azure backend splits the data into properties below this).</summary>
    public const int MaxPropertyBytes = 64 * 1024;

    /// <summary>What an entity adds besides its keys and data (property names, quotes, odata annotations, the ETag), generously.</summary>
    internal const int EntityOverheadBytes = 1024;

    /// <summary>Bytes <paramref name="text"/> takes as a JSON string written with the default encoder (quotes excluded).</summary>
    public static long WireBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        long bytes = 0;
        foreach (var c in text)
        {
            bytes += c switch
            {
                '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' or '"' or '&' or '\'' or '+' or '<' or '>' or '`' or > '~' => 6,
                _ => 1,
            };
        }

        return bytes;
    }

    /// <summary>The row's size on the wire: keys, data and the entity's own overhead.</summary>
    public static long WireBytes(StoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return WireBytes(row.PartitionKey) + WireBytes(row.RowKey) + WireBytes(row.Data ?? string.Empty) + EntityOverheadBytes;
    }

    /// <summary>Throws <see cref="EntityTooLargeException"/> if the row is over <see cref="MaxEntityBytes"/> on the wire.</summary>
    public static void Check(string table, StoredRow row)
    {
        var bytes = WireBytes(row);
        if (bytes > MaxEntityBytes)
        {
            throw new EntityTooLargeException(
                $"Row '{Clip(row.PartitionKey)}'/'{Clip(row.RowKey)}' of table '{table}' is {bytes} bytes as sent; at most {MaxEntityBytes} bytes are allowed per entity.");
        }
    }

    private static string Clip(string key) => key.Length <= 64 ? key : key[..64] + "…";
}
