using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Storage.Tests.Inputs;

/// <summary>
/// Rows and batches are measured as Azure Tables receives them, by both backends, before anything is written: a row
/// too large for Azure is refused with <see cref="EntityTooLargeException"/> on SQLite too, and nothing is stored.
/// </summary>
public abstract class EntitySizeContractTests : IAsyncLifetime
{
    private const string Table = "Matters";

    // 150,000 CJK characters: 900 KB as sent, under the 1 MiB entity limit. 200,000: 1.2 MB, over it (as seen on Azure).
    private static readonly string JustUnder = new('審', 150_000);
    private static readonly string Over = new('審', 200_000);

    private ITableStore _store = null!;

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
    public async Task InsertAsync_200000CjkCharacters_ThrowsTooLargeAndStoresNothing()
    {
        var exception = await Assert.ThrowsAsync<EntityTooLargeException>(() => _store.InsertAsync(Table, new StoredRow("tenant1", "big", Over)));

        Assert.Contains("bytes", exception.Message, StringComparison.Ordinal);
        Assert.Null(await _store.GetAsync(Table, "tenant1", "big"));
    }

    [Fact]
    public async Task UpsertAndReplace_OverTheEntityLimit_ThrowTooLargeAndKeepTheOldRow()
    {
        var etag = await _store.InsertAsync(Table, new StoredRow("tenant1", "row", "v1"));

        await Assert.ThrowsAsync<EntityTooLargeException>(() => _store.UpsertAsync(Table, new StoredRow("tenant1", "row", Over)));
        await Assert.ThrowsAsync<EntityTooLargeException>(() => _store.ReplaceAsync(Table, new StoredRow("tenant1", "row", Over), etag));

        Assert.Equal(("v1", etag), ((await _store.GetAsync(Table, "tenant1", "row"))?.Data, (await _store.GetAsync(Table, "tenant1", "row"))?.ETag));
    }

    [Fact]
    public async Task SubmitBatchAsync_OneRowOverTheEntityLimit_ThrowsTooLargeAndWritesNothing()
    {
        await Assert.ThrowsAsync<EntityTooLargeException>(() => _store.SubmitBatchAsync(Table,
        [
            BatchOperation.Insert(new StoredRow("tenant1", "small", "v")),
            BatchOperation.Insert(new StoredRow("tenant1", "big", Over)),
        ]));

        Assert.Null(await _store.GetAsync(Table, "tenant1", "small"));
    }

    [Fact]
    public async Task SubmitBatchAsync_FiveRowsEachUnderTheLimitButOver4MiBTogether_ThrowsTooLargeAndWritesNothing()
    {
        var operations = Enumerable.Range(0, 5).Select(i => BatchOperation.Insert(new StoredRow("tenant1", $"r{i}", JustUnder))).ToList();

        await Assert.ThrowsAsync<EntityTooLargeException>(() => _store.SubmitBatchAsync(Table, operations));

        Assert.Null(await _store.GetAsync(Table, "tenant1", "r0"));
    }

    [Fact]
    public async Task InsertAsync_JustUnderTheLimit_RoundTripsExactly()
    {
        await _store.InsertAsync(Table, new StoredRow("tenant1", "big", JustUnder));

        Assert.Equal(JustUnder, (await _store.GetAsync(Table, "tenant1", "big"))?.Data);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("審", 6)]
    [InlineData("😀", 12)]
    [InlineData("a\"b", 8)]
    [InlineData("line\n", 6)]
    public void WireBytes_CountsAsTheSdkEscapes(string text, long expected)
    {
        Assert.Equal(expected, EntitySize.WireBytes(text));
    }
}

public sealed class SqliteEntitySizeTests : EntitySizeContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "officebot-size-" + Guid.NewGuid().ToString("N"));

    protected override Task<ITableStore> CreateStoreAsync() => Task.FromResult<ITableStore>(new SqliteTableStore(Path.Combine(_folder, "officebot.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(AzuriteFixture.Collection)]
public sealed class AzureEntitySizeTests(AzuriteFixture azurite) : EntitySizeContractTests
{
    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix()));
}
