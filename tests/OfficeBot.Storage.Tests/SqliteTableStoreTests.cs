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
}
