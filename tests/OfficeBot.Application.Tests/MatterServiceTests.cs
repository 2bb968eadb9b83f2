using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;
using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Application.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;

public sealed class SqliteMatterServiceTests : MatterServiceTests
{
    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
}

[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesMatterServiceTests(AzuriteFixture azurite) : MatterServiceTests
{
    protected override ITableStore CreateStore() => AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix());
}

/// <summary>Matters stored and changed through the real storage port, on each backend.</summary>
public abstract class MatterServiceTests : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    private static readonly Actor Lead = new(new Person("h-1", "陳主辦"));
    private static readonly Actor Co = new(new Person("c-1", "林會辦"));
    private static readonly Actor Other = new(new Person("o-1", "張另辦"));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private ITableStore _store = null!;
    private MatterService _service = null!;

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        await _store.EnsureTableAsync(MatterRepository.TableName);
        await _store.EnsureTableAsync(OutboxStore.WakeTable);
        var time = new OfficeTime(_clock, Options.Create(new OfficeOptions()));
        _service = new MatterService(new MatterRepository(_store, new OutboxStore(_store), time), time, new OutboxSignal(), NullLogger<MatterService>.Instance);
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract ITableStore CreateStore();

    [Fact]
    public async Task ChangeAsync_TwentyPeopleReportingAtOnce_LosesNoUpdate()
    {
        var matter = await RegisterAsync();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            _service.ChangeAsync(Tenant, matter.Number, Lead, m => m.ReportProgress(Lead, _clock.GetUtcNow(), $"進度 {i}"), CancellationToken.None)));

        var stored = await _service.FindVisibleAsync(Tenant, matter.Number, Lead, CancellationToken.None);
        var history = await _service.RecentHistoryAsync(stored!, 100, CancellationToken.None);
        var notes = history.Where(h => h.Kind == HistoryKind.Progress).Select(h => h.Note ?? string.Empty).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"進度 {i}").ToHashSet(), notes);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Sequence));
        Assert.Equal(history.Count, stored!.State.HistoryCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task RecentHistory_OfTheMatterJustStored_IsWhatTheStoreHolds(int lines)
    {
        // The first card of a new matter, and the card after a change, are drawn from the object just stored: its
        // history must read exactly as a fresh load of the matter does, or the card would change when it is next drawn.
        var matter = await RegisterAsync();
        await AssertKeptHistoryIsStoredHistoryAsync(matter, lines);

        var changed = await _service.ChangeAsync(Tenant, matter.Number, Lead, m => m.ReportProgress(Lead, _clock.GetUtcNow(), "已聯繫財政局"), CancellationToken.None);
        await AssertKeptHistoryIsStoredHistoryAsync(changed.Matter!, lines);
    }

    private async Task AssertKeptHistoryIsStoredHistoryAsync(Matter justStored, int lines)
    {
        var stored = await _service.RecentHistoryAsync(Matter.FromState(justStored.State), lines, CancellationToken.None);
        var kept = await _service.RecentHistoryAsync(justStored, lines, CancellationToken.None);
        Assert.Equal(stored, kept);
        Assert.Equal(Math.Min(lines, justStored.State.HistoryCount), kept.Count);
        Assert.Equal(justStored.State.HistoryCount, kept[^1].Sequence);
    }

    [Fact]
    public async Task RegisterAsync_ManyAtOnce_HandsOutEachNumberOnce()
    {
        var matters = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RegisterAsync()));

        Assert.Equal(Enumerable.Range(1, 12), matters.Select(m => m.Number).Order());
    }

    [Fact]
    public async Task OpenForPerson_FollowsLeadAndCoHandlersAndDropsClosedMatters()
    {
        var matter = await RegisterAsync();
        Assert.Single(await _service.OpenForPersonAsync(Tenant, Co.Person.ObjectId, CancellationToken.None));

        await _service.ChangeAsync(Tenant, matter.Number, Director, m => m.Transfer(Director, _clock.GetUtcNow(), Other.Person, "改派"), CancellationToken.None);
        Assert.Empty(await _service.OpenForPersonAsync(Tenant, Lead.Person.ObjectId, CancellationToken.None));
        var mine = Assert.Single(await _service.OpenForPersonAsync(Tenant, Other.Person.ObjectId, CancellationToken.None));
        Assert.Equal("張另辦", mine.LeadName);

        await _service.ChangeAsync(Tenant, matter.Number, Other, m => m.AskCompletion(Other, _clock.GetUtcNow(), null), CancellationToken.None);
        var awaiting = Assert.Single(await _service.OpenAsync(Tenant, CancellationToken.None));
        Assert.Equal(MatterStatus.AwaitingReview, awaiting.Status);

        await _service.ChangeAsync(Tenant, matter.Number, Director, m => m.ApproveCompletion(Director, _clock.GetUtcNow()), CancellationToken.None);
        Assert.Empty(await _service.OpenAsync(Tenant, CancellationToken.None));
        Assert.Empty(await _service.OpenForPersonAsync(Tenant, Co.Person.ObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task ChangeAsync_RefusedOperation_StoresNothing()
    {
        var matter = await RegisterAsync();

        var result = await _service.ChangeAsync(Tenant, matter.Number, Co, m => m.AskCompletion(Co, _clock.GetUtcNow(), null), CancellationToken.None);

        Assert.Equal(Refusal.NotPermitted, result.Outcome.Refusal);
        var stored = await _service.FindVisibleAsync(Tenant, matter.Number, Director, CancellationToken.None);
        Assert.Equal(matter.State.Revision, stored!.State.Revision);
        Assert.Equal(MatterStatus.InProgress, stored.Status);
    }

    [Fact]
    public async Task FindVisible_OtherTenantOrStranger_FindsNothing()
    {
        var matter = await RegisterAsync();

        Assert.Null(await _service.FindVisibleAsync("tenant-b", matter.Number, Director, CancellationToken.None));
        Assert.Null(await _service.FindVisibleAsync(Tenant, matter.Number, new Actor(new Person("x", "路人")), CancellationToken.None));
        Assert.NotNull(await _service.FindVisibleAsync(Tenant, matter.Number, Co, CancellationToken.None));
    }

    private async Task<Matter> RegisterAsync()
    {
        var (matter, refusal) = await _service.RegisterAsync(Tenant, new MatterRegistration("年度預算", Lead: Lead.Person, CoHandlers: [Co.Person],
            Due: new DueDate(new DateOnly(2026, 12, 4))), Director, null, CancellationToken.None);
        Assert.Null(refusal);
        return matter!;
    }
}
