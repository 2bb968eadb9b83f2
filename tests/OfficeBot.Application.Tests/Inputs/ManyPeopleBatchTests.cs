using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Application.Tests.Inputs;

/// <summary>
/// Every person on a matter has a list row, so a change of a matter with many people wrote more than 100 operations in
/// one batch ("95 co-handlers → batch has 101 operations"; "instruct on a matter with 94 co-handlers → 501"). New
/// matters are held to <see cref="InputLimits.CoHandlers"/>; one stored before the limit still changes, its list rows
/// split over further batches.
/// </summary>
public sealed class ManyPeopleBatchTests : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    private static readonly Person Lead = new("h-1", "陳主辦");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private ITableStore _store = null!;
    private OutboxStore _outbox = null!;
    private MatterService _matters = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
        await _store.EnsureTableAsync(MatterRepository.TableName);
        await _store.EnsureTableAsync(OutboxStore.WakeTable);
        _outbox = new OutboxStore(_store);
        var time = new OfficeTime(_clock, Options.Create(new OfficeOptions()));
        _matters = new MatterService(new MatterRepository(_store, _outbox, time), time, new OutboxSignal(), NullLogger<MatterService>.Instance);
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_95CoHandlers_IsRefusedWithTheLimitAndStoresNothing()
    {
        var (matter, refusal) = await _matters.RegisterAsync(Tenant, new MatterRegistration("年度預算", Lead: Lead, CoHandlers: People(95)), Director, null, CancellationToken.None);

        Assert.Null(matter);
        Assert.Equal(Refusal.TooManyCoHandlers, refusal);
        Assert.Empty(await _matters.OpenForPersonAsync(Tenant, "c-1", CancellationToken.None));
    }

    [Fact]
    public async Task Instruct_OnAMatterStoredWith94CoHandlersBeforeTheLimit_IsStoredWithEveryListRow()
    {
        var number = await LegacyMatterAsync(coHandlers: 94);
        var newLead = new Person("h-2", "林主辦");

        var result = await _matters.ChangeAsync(Tenant, number, Director,
            m => m.Instruct(Director, _clock.GetUtcNow(), newLead, null, null, "請於週五前完成", TimeZoneInfo.Utc), CancellationToken.None);

        Assert.True(result.Outcome.IsChanged);
        Assert.Single(await _matters.OpenForPersonAsync(Tenant, "c-94", CancellationToken.None));
        Assert.Single(await _matters.OpenForPersonAsync(Tenant, newLead.ObjectId, CancellationToken.None));
        Assert.Empty(await _matters.OpenForPersonAsync(Tenant, Lead.ObjectId, CancellationToken.None));
        Assert.True((await FollowUpsAsync()).Last().RepairIndex);
    }

    private static List<Person> People(int count) => Enumerable.Range(1, count).Select(i => new Person($"c-{i}", $"會辦{i}")).ToList();

    /// <summary>A matter as a version without the co-handler limit stored it: registered within the limit, then given more people in its row.</summary>
    private async Task<int> LegacyMatterAsync(int coHandlers)
    {
        var (matter, refusal) = await _matters.RegisterAsync(Tenant, new MatterRegistration("年度預算", Lead: Lead, CoHandlers: People(1)), Director, null, CancellationToken.None);
        Assert.Null(refusal);
        // The stored shape, as the repository writes it (a tenant id without reserved characters is its own partition key).
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = { new JsonStringEnumConverter() } };
        var row = (await _store.GetAsync(MatterRepository.TableName, Tenant, $"m{matter!.Number:D10}"))!;
        var state = JsonSerializer.Deserialize<MatterState>(row.Data, json)!;
        var many = People(coHandlers).Select(p => new CoHandler(p, CoHandlingState.Requested, false, _clock.GetUtcNow())).ToList();
        await _store.ReplaceAsync(MatterRepository.TableName, row with { Data = JsonSerializer.Serialize(state with { CoHandlers = many }, json) }, row.ETag!);
        return matter.Number;
    }

    /// <summary>The follow-ups of changes waiting in the outbox (the matters' planned reminders are there too, due later).</summary>
    private async Task<List<OutboxItem>> FollowUpsAsync() =>
        (await _outbox.PendingAsync(Tenant, CancellationToken.None)).Where(i => i.Kind == OutboxKinds.MatterChange).ToList();
}
