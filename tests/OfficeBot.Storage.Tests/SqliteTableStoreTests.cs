using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Storage.Tests;

public sealed class SqliteTableStoreTests : TableStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "officebot-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "nested", "officebot.db");

    protected override Task<ITableStore> CreateStoreAsync() => Task.FromResult<ITableStore>(new SqliteTableStore(DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Dispose_ThenReopenSameFile_DataAndETagsSurvive()
    {
        var etag = await Store.InsertAsync(Table, new StoredRow("tenant1", "M-0001", "保留 kept"));
        ((IDisposable)Store).Dispose();

        using var reopened = new SqliteTableStore(DatabasePath);
        await reopened.EnsureTableAsync(Table);

        var stored = await reopened.GetAsync(Table, "tenant1", "M-0001");
        Assert.Equal(("保留 kept", etag), (stored?.Data, stored?.ETag));
        await reopened.ReplaceAsync(Table, new StoredRow("tenant1", "M-0001", "v2"), etag);
    }

    [Fact]
    public async Task Constructor_TablePrefix_KeepsStoresOnOneFileApart()
    {
        using var first = new SqliteTableStore(DatabasePath, "runA");
        using var second = new SqliteTableStore(DatabasePath, "runB");
        await first.EnsureTableAsync(Table);
        await second.EnsureTableAsync(Table);

        await first.InsertAsync(Table, new StoredRow("p", "r", "from A"));

        Assert.Null(await second.GetAsync(Table, "p", "r"));
        Assert.Equal("from A", (await first.GetAsync(Table, "p", "r"))?.Data);
    }

    [Fact]
    public async Task GetAsync_AfterDispose_ThrowsObjectDisposed()
    {
        ((IDisposable)Store).Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Store.GetAsync(Table, "p", "r"));
    }

    [Fact]
    public async Task Writes_ThenAQuietMoment_AreInTheDatabaseFileWithoutItsLog()
    {
        // A few hundred small writes stay far below SQLite's own checkpoint mark (and the writer's backstop), so only the
        // background checkpointer puts them into the database file: a copy of that file alone, without its -wal, has them.
        using var store = new SqliteTableStore(Path.Combine(_folder, "checkpointed", "officebot.db"), null, TimeSpan.FromMilliseconds(100));
        await store.EnsureTableAsync(Table);
        for (var i = 0; i < 300; i++)
        {
            await store.UpsertAsync(Table, new StoredRow("tenant1", $"M-{i:0000}", $"第 {i} 件"));
        }

        var runs = store.Checkpoints.Runs;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Checkpoints.Runs < runs + 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var (_, logPages, copiedPages) = store.Checkpoints;
        Assert.True(logPages > 0, "the writes went to the log first");
        Assert.Equal(logPages, copiedPages);

        var copy = Path.Combine(_folder, "copy", "officebot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(_folder, "checkpointed", "officebot.db"), copy);
        using var fromFileAlone = new SqliteTableStore(copy);
        Assert.Equal("第 299 件", (await fromFileAlone.GetAsync(Table, "tenant1", "M-0299"))?.Data);
        Assert.Equal(300, await fromFileAlone.QueryAsync(Table, "tenant1").CountAsync());
    }

    [Fact]
    public async Task Dispose_WhileCheckpointsRun_ClosesCleanlyAndTheFileReopens()
    {
        var path = Path.Combine(_folder, "disposed", "officebot.db");
        for (var round = 0; round < 5; round++)
        {
            using (var store = new SqliteTableStore(path, null, TimeSpan.FromMilliseconds(1)))
            {
                await store.EnsureTableAsync(Table);
                await store.UpsertAsync(Table, new StoredRow("tenant1", $"R-{round}", "x"));
                await Task.Delay(20);
            }
        }

        // Every connection closed, the checkpointer's too: the last to close folds the log into the file and removes it.
        Assert.False(File.Exists(path + "-wal"), "a connection was left open");
        using var reopened = new SqliteTableStore(path);
        Assert.Equal(5, await reopened.QueryAsync(Table, "tenant1").CountAsync());
    }
}
