using System.Text;

namespace OfficeBot.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="ITableStore"/> backend must share. Each backend runs this class through a
/// subclass; a difference between SQLite and Azure Tables shows up as a test failing on one of them only.
/// </summary>
public abstract class TableStoreContractTests : IAsyncLifetime
{
    protected const string Table = "Matters";

    // 150,000 CJK characters: 900 KB as sent, under the 1 MiB entity limit. 200,000: 1.2 MB, over it (as seen on Azure).
    private static readonly string JustUnder = new('審', 150_000);
    private static readonly string Over = new('審', 200_000);

    private ITableStore? _store;

    protected ITableStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected abstract Task<ITableStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.EnsureTableAsync(Table);
    }

    public virtual Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InsertAsync_NewRow_GetReturnsSameDataAndETag()
    {
        const string data = """{"title":"報銷審批 / 报销审批","handler":"陳大文","note":"Quote \" and emoji 😀"}""";

        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", data));

        var stored = await Store.GetAsync(Table, "tenant1", "M-0001");
        Assert.NotNull(stored);
        Assert.Equal(data, stored.Data);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(("tenant1", "M-0001"), (stored.PartitionKey, stored.RowKey));
    }

    [Fact]
    public async Task InsertAsync_DataOf100000Characters_RoundTripsExactly()
    {
        var data = LongText(100_000);

        await Store.InsertAsync(Table, new StoredRow("tenant1", "big", data));

        var stored = await Store.GetAsync(Table, "tenant1", "big");
        Assert.Equal(data, stored?.Data);
    }

    [Fact]
    public async Task GetAsync_MissingRow_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Table, "tenant1", "nothing-here"));
    }

    [Fact]
    public async Task InsertAsync_ExistingKey_ThrowsEntityExistsAndKeepsData()
    {
        await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "first"));

        await Assert.ThrowsAsync<EntityExistsException>(() => Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "second")));

        Assert.Equal("first", (await Store.GetAsync(Table, "tenant1", "M-0001"))?.Data);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_StoresDataAndReturnsNewETag()
    {
        var first = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));

        var second = await Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "v2"), first);

        Assert.NotEqual(first, second);
        var stored = await Store.GetAsync(Table, "tenant1", "M-0001");
        Assert.Equal(("v2", second), (stored?.Data, stored?.ETag));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsConcurrencyAndKeepsData()
    {
        var stale = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));
        var current = await Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "v2"), stale);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "lost update"), stale));

        var stored = await Store.GetAsync(Table, "tenant1", "M-0001");
        Assert.Equal(("v2", current), (stored?.Data, stored?.ETag));
    }

    [Fact]
    public async Task ReplaceAsync_RowDeletedMeanwhile_ThrowsConcurrency()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));
        await Store.DeleteAsync(Table, "tenant1", "M-0001", etag);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "v2"), etag));

        Assert.Null(await Store.GetAsync(Table, "tenant1", "M-0001"));
    }

    [Fact]
    public async Task ReplaceAsync_LongDataWithShort_GetReturnsOnlyShort()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", LongText(100_000)));

        await Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "short"), etag);

        Assert.Equal("short", (await Store.GetAsync(Table, "tenant1", "M-0001"))?.Data);
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_RemovesRow()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));

        await Store.DeleteAsync(Table, "tenant1", "M-0001", etag);

        Assert.Null(await Store.GetAsync(Table, "tenant1", "M-0001"));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConcurrencyAndKeepsRow()
    {
        var stale = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));
        await Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "v2"), stale);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.DeleteAsync(Table, "tenant1", "M-0001", stale));

        Assert.Equal("v2", (await Store.GetAsync(Table, "tenant1", "M-0001"))?.Data);
    }

    [Fact]
    public async Task DeleteAsync_MissingRow_ThrowsConcurrency()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v1"));
        await Store.DeleteAsync(Table, "tenant1", "M-0001", etag);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.DeleteAsync(Table, "tenant1", "M-0001", etag));
    }

    [Fact]
    public async Task UpsertAsync_NewRow_InsertsIt()
    {
        var etag = await Store.UpsertAsync(Table, new StoredRow("conversations", "user1", "ref1"));

        var stored = await Store.GetAsync(Table, "conversations", "user1");
        Assert.Equal(("ref1", etag), (stored?.Data, stored?.ETag));
    }

    [Fact]
    public async Task UpsertAsync_ExistingRow_ReplacesItWithoutETag()
    {
        var first = await Store.UpsertAsync(Table, new StoredRow("conversations", "user1", LongText(70_000)));

        var second = await Store.UpsertAsync(Table, new StoredRow("conversations", "user1", "ref2"));

        Assert.NotEqual(first, second);
        var stored = await Store.GetAsync(Table, "conversations", "user1");
        Assert.Equal(("ref2", second), (stored?.Data, stored?.ETag));
    }

    [Fact]
    public async Task QueryAsync_RowKeyRange_ReturnsFromInclusiveToExclusiveInRowKeyOrder()
    {
        foreach (var rowKey in new[] { "2025-03", "2025-01", "2024-12", "2025-02", "2025-04" })
        {
            await Store.InsertAsync(Table, new StoredRow("leader1", rowKey, "event " + rowKey));
        }

        var rows = await ToListAsync(Store.QueryAsync(Table, "leader1", "2025-01", "2025-04"));

        Assert.Equal(["2025-01", "2025-02", "2025-03"], rows.Select(row => row.RowKey));
        Assert.Equal("event 2025-02", rows[1].Data);
        Assert.All(rows, row => Assert.False(string.IsNullOrEmpty(row.ETag)));
    }

    [Fact]
    public async Task QueryAsync_OpenRange_ReturnsWholePartitionInOrder()
    {
        foreach (var rowKey in new[] { "c", "a", "b" })
        {
            await Store.InsertAsync(Table, new StoredRow("p", rowKey, rowKey));
        }

        var fromB = await ToListAsync(Store.QueryAsync(Table, "p", rowKeyFrom: "b"));
        var toB = await ToListAsync(Store.QueryAsync(Table, "p", rowKeyTo: "b"));
        var all = await ToListAsync(Store.QueryAsync(Table, "p"));

        Assert.Equal(["b", "c"], fromB.Select(row => row.RowKey));
        Assert.Equal(["a"], toB.Select(row => row.RowKey));
        Assert.Equal(["a", "b", "c"], all.Select(row => row.RowKey));
    }

    [Fact]
    public async Task QueryAsync_Take_ReturnsOnlyTheFirstRows()
    {
        for (var i = 0; i < 12; i++)
        {
            await Store.InsertAsync(Table, new StoredRow("due", $"{i:D3}", "reminder"));
        }

        var rows = await ToListAsync(Store.QueryAsync(Table, "due", "002", take: 3));

        Assert.Equal(["002", "003", "004"], rows.Select(row => row.RowKey));
    }

    [Fact]
    public async Task QueryAsync_OtherPartitions_AreNotReturned()
    {
        await Store.InsertAsync(Table, new StoredRow("tenant", "1", "mine"));
        await Store.InsertAsync(Table, new StoredRow("tenant2", "1", "longer partition key"));
        await Store.InsertAsync(Table, new StoredRow("tenanT", "1", "other case"));
        await Store.InsertAsync(Table, new StoredRow("tenan", "2", "shorter partition key"));

        var rows = await ToListAsync(Store.QueryAsync(Table, "tenant"));

        Assert.Equal(["mine"], rows.Select(row => row.Data));
    }

    [Fact]
    public async Task SubmitBatchAsync_MixedOperations_CommitsAllAndReturnsETagsInOrder()
    {
        var toReplace = await Store.InsertAsync(Table, new StoredRow("tenant1", "replace", "old"));
        var toDelete = await Store.InsertAsync(Table, new StoredRow("tenant1", "delete", "old"));

        var etags = await Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "insert", "新")),
            BatchOperation.Replace(new StoredRow("tenant1", "replace", "new"), toReplace),
            BatchOperation.Upsert(new StoredRow("tenant1", "upsert", LongText(40_000))),
            BatchOperation.Delete("tenant1", "delete", toDelete),
        ]);

        Assert.Equal(4, etags.Count);
        Assert.Equal(string.Empty, etags[3]);
        var rows = (await ToListAsync(Store.QueryAsync(Table, "tenant1"))).ToDictionary(row => row.RowKey);
        Assert.Equal(["insert", "replace", "upsert"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("新", etags[0]), (rows["insert"].Data, rows["insert"].ETag));
        Assert.Equal(("new", etags[1]), (rows["replace"].Data, rows["replace"].ETag));
        Assert.Equal((LongText(40_000), etags[2]), (rows["upsert"].Data, rows["upsert"].ETag));
    }

    [Fact]
    public async Task SubmitBatchAsync_DeleteWithAnyETag_RemovesRowWhateverItsVersion()
    {
        var guard = await Store.InsertAsync(Table, new StoredRow("tenant1", "matter", "v1"));
        await Store.InsertAsync(Table, new StoredRow("tenant1", "index", "old"));
        await Store.UpsertAsync(Table, new StoredRow("tenant1", "index", "changed since read"));

        await Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Replace(new StoredRow("tenant1", "matter", "v2"), guard),
            BatchOperation.Delete("tenant1", "index", BatchOperation.AnyETag),
        ]);

        Assert.Null(await Store.GetAsync(Table, "tenant1", "index"));
        Assert.Equal("v2", (await Store.GetAsync(Table, "tenant1", "matter"))?.Data);
    }

    [Fact]
    public async Task SubmitBatchAsync_OneStaleETag_ThrowsConcurrencyAndChangesNothing()
    {
        var stale = await Store.InsertAsync(Table, new StoredRow("tenant1", "a", "v1"));
        await Store.ReplaceAsync(Table, new StoredRow("tenant1", "a", "v2"), stale);
        var before = await SnapshotAsync("tenant1");

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "b", "new")),
            BatchOperation.Upsert(new StoredRow("tenant1", "c", "new")),
            BatchOperation.Replace(new StoredRow("tenant1", "a", "v3"), stale),
        ]));

        Assert.Equal(before, await SnapshotAsync("tenant1"));
    }

    [Fact]
    public async Task SubmitBatchAsync_OneExistingKey_ThrowsEntityExistsAndChangesNothing()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "a", "v1"));
        await Store.InsertAsync(Table, new StoredRow("tenant1", "taken", "v1"));
        var before = await SnapshotAsync("tenant1");

        await Assert.ThrowsAsync<EntityExistsException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Replace(new StoredRow("tenant1", "a", "v2"), etag),
            BatchOperation.Insert(new StoredRow("tenant1", "b", "new")),
            BatchOperation.Insert(new StoredRow("tenant1", "taken", "v2")),
        ]));

        Assert.Equal(before, await SnapshotAsync("tenant1"));
    }

    [Fact]
    public async Task SubmitBatchAsync_TwoPartitions_ThrowsArgumentAndWritesNothing()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "a", "v")),
            BatchOperation.Insert(new StoredRow("tenant2", "a", "v")),
        ]));

        Assert.Contains("one partition", exception.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "tenant1", "a"));
        Assert.Null(await Store.GetAsync(Table, "tenant2", "a"));
    }

    [Fact]
    public async Task SubmitBatchAsync_101Operations_ThrowsArgumentAndWritesNothing()
    {
        var operations = Enumerable.Range(0, TableBatch.MaxOperations + 1)
            .Select(i => BatchOperation.Insert(new StoredRow("tenant1", $"{i:D3}", "v")))
            .ToList();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table, operations));

        Assert.Contains("101 operations", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await SnapshotAsync("tenant1"));
    }

    [Fact]
    public async Task SubmitBatchAsync_100Operations_CommitsAll()
    {
        var operations = Enumerable.Range(0, TableBatch.MaxOperations)
            .Select(i => BatchOperation.Insert(new StoredRow("tenant1", $"{i:D3}", "v")))
            .ToList();

        await Store.SubmitBatchAsync(Table, operations);

        Assert.Equal(100, (await SnapshotAsync("tenant1")).Count);
    }

    [Fact]
    public async Task SubmitBatchAsync_SameRowTwice_ThrowsArgumentAndWritesNothing()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "a", "v1")),
            BatchOperation.Upsert(new StoredRow("tenant1", "a", "v2")),
        ]));

        Assert.Contains("'a'", exception.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "tenant1", "a"));
    }

    [Fact]
    public async Task SubmitBatchAsync_PayloadOver4MiB_ThrowsTooLargeAndWritesNothing()
    {
        // 700,000 CJK characters are 2.1 MB in UTF-8 and 4.2 MB as the SDK sends them; already one is over an entity's limit.
        var data = new string('字', 700_000);

        var exception = await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Upsert(new StoredRow("tenant1", "a", data)),
            BatchOperation.Upsert(new StoredRow("tenant1", "b", data)),
        ]));

        Assert.Contains("bytes", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await SnapshotAsync("tenant1"));
    }

    [Fact]
    public async Task SubmitBatchAsync_ReplaceWithoutETag_ThrowsArgument()
    {
        await Store.InsertAsync(Table, new StoredRow("tenant1", "a", "v1"));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table,
            [new BatchOperation(BatchOperationKind.Replace, new StoredRow("tenant1", "a", "v2"))]));

        Assert.Equal("v1", (await Store.GetAsync(Table, "tenant1", "a"))?.Data);
    }

    [Fact]
    public async Task SubmitBatchAsync_NoOperations_ThrowsArgument()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table, []));
    }

    [Fact]
    public async Task ReplaceAsync_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "v0"));
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(1, 8).Select(writer => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                var newETag = await Store.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", $"writer {writer}"), etag);
                return (Writer: writer, ETag: newETag);
            }
            catch (ConcurrencyException)
            {
                return (Writer: writer, ETag: (string?)null);
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, result => result.ETag is not null);
        var stored = await Store.GetAsync(Table, "tenant1", "M-0001");
        Assert.Equal(($"writer {winner.Writer}", winner.ETag), (stored?.Data, stored?.ETag));
    }

    [Fact]
    public async Task InsertAsync_ConcurrentWritersWithSameKey_ExactlyOneWins()
    {
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(1, 8).Select(writer => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", $"writer {writer}"));
                return writer;
            }
            catch (EntityExistsException)
            {
                return 0;
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, writer => writer != 0);
        Assert.Equal($"writer {winner}", (await Store.GetAsync(Table, "tenant1", "M-0001"))?.Data);
    }

    [Fact]
    public async Task InsertAsync_TableNeverEnsured_ThrowsInvalidOperation()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InsertAsync("Unknown", new StoredRow("p", "r", "d")));

        Assert.Contains("EnsureTableAsync", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTableAsync_CalledTwice_KeepsRows()
    {
        await Store.InsertAsync(Table, new StoredRow("tenant1", "a", "v1"));

        await Store.EnsureTableAsync(Table);

        Assert.Equal("v1", (await Store.GetAsync(Table, "tenant1", "a"))?.Data);
    }

    [Fact]
    public async Task InsertAsync_InvalidTableName_ThrowsArgument()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync("bad-name", new StoredRow("p", "r", "d")));
    }

    /// <summary>Mixed CJK, ASCII and emoji, so chunk boundaries fall inside multi-byte and surrogate-pair text.</summary>
    protected static string LongText(int length)
    {
        const string pattern = "事項 matter 😀 提醒 reminder ";
        var builder = new StringBuilder(length + pattern.Length);
        while (builder.Length < length)
        {
            builder.Append(pattern);
        }

        builder.Length = length;
        if (char.IsHighSurrogate(builder[^1]))
        {
            builder[^1] = 'x';
        }

        return builder.ToString();
    }

    protected async Task<List<(string RowKey, string Data, string? ETag)>> SnapshotAsync(string partitionKey) =>
        (await ToListAsync(Store.QueryAsync(Table, partitionKey))).Select(row => (row.RowKey, row.Data, row.ETag)).ToList();

    protected static async Task<List<StoredRow>> ToListAsync(IAsyncEnumerable<StoredRow> rows)
    {
        var list = new List<StoredRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    // Rows and batches are measured as Azure Tables receives them, by both backends, before anything is written: a row
    // too large for Azure is refused with EntityTooLargeException on SQLite too, and nothing is stored.

    [Fact]
    public async Task InsertAsync_200000CjkCharacters_ThrowsTooLargeAndStoresNothing()
    {
        var exception = await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.InsertAsync(Table, new StoredRow("tenant1", "big", Over)));

        Assert.Contains("bytes", exception.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "tenant1", "big"));
    }

    [Fact]
    public async Task UpsertAndReplace_OverTheEntityLimit_ThrowTooLargeAndKeepTheOldRow()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "row", "v1"));

        await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.UpsertAsync(Table, new StoredRow("tenant1", "row", Over)));
        await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.ReplaceAsync(Table, new StoredRow("tenant1", "row", Over), etag));

        Assert.Equal(("v1", etag), ((await Store.GetAsync(Table, "tenant1", "row"))?.Data, (await Store.GetAsync(Table, "tenant1", "row"))?.ETag));
    }

    [Fact]
    public async Task SubmitBatchAsync_OneRowOverTheEntityLimit_ThrowsTooLargeAndWritesNothing()
    {
        await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "small", "v")),
            BatchOperation.Insert(new StoredRow("tenant1", "big", Over)),
        ]));

        Assert.Null(await Store.GetAsync(Table, "tenant1", "small"));
    }

    [Fact]
    public async Task SubmitBatchAsync_FiveRowsEachUnderTheLimitButOver4MiBTogether_ThrowsTooLargeAndWritesNothing()
    {
        var operations = Enumerable.Range(0, 5).Select(i => BatchOperation.Insert(new StoredRow("tenant1", $"r{i}", JustUnder))).ToList();

        await Assert.ThrowsAsync<EntityTooLargeException>(() => Store.SubmitBatchAsync(Table, operations));

        Assert.Null(await Store.GetAsync(Table, "tenant1", "r0"));
    }

    [Fact]
    public async Task InsertAsync_JustUnderTheLimit_RoundTripsExactly()
    {
        await Store.InsertAsync(Table, new StoredRow("tenant1", "big", JustUnder));

        Assert.Equal(JustUnder, (await Store.GetAsync(Table, "tenant1", "big"))?.Data);
    }
}
