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

public sealed class SqliteOutboxTests : OutboxTests
{
    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
}

[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesOutboxTests(AzuriteFixture azurite) : OutboxTests
{
    protected override ITableStore CreateStore() => AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix());
}

/// <summary>The outbox on each backend: written with the change, claimed by one dispatcher, resumed where it stopped, never lost.</summary>
public abstract class OutboxTests : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    private static readonly Person Lead = new("h-1", "陳主辦");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { Lease = TimeSpan.FromSeconds(30), FirstBackoff = TimeSpan.FromSeconds(10), MaxAttempts = 3 };
    private ITableStore _store = null!;
    private OutboxStore _outbox = null!;
    private MatterService _matters = null!;
    private MatterRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        await _store.EnsureTableAsync(MatterRepository.TableName);
        await _store.EnsureTableAsync(OutboxStore.WakeTable);
        _outbox = new OutboxStore(_store);
        var time = new OfficeTime(_clock, Options.Create(new OfficeOptions()));
        _repository = new MatterRepository(_store, _outbox, time);
        _matters = new MatterService(_repository, time, new OutboxSignal(), NullLogger<MatterService>.Instance);
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract ITableStore CreateStore();

    [Fact]
    public async Task Change_StoresItsFollowUpInTheSameBatch()
    {
        var matter = await RegisterAsync(coHandlers: 1);
        await _matters.ChangeAsync(Tenant, matter.Number, new Actor(Lead), m => m.ReportProgress(new Actor(Lead), _clock.GetUtcNow(), "draft"), CancellationToken.None);

        var pending = await FollowUpsAsync();

        Assert.Equal(2, pending.Count);
        Assert.Equal([OutboxKinds.MatterChange], pending.Select(p => p.Kind).Distinct());
        Assert.Equal([1], pending[0].Sequences);
        Assert.Equal([2], pending[1].Sequences);
    }

    [Fact]
    public async Task FailedChange_StoresNoFollowUp()
    {
        var matter = await RegisterAsync(coHandlers: 0);
        var stranger = new Actor(new Person("x-1", "路人"));

        await _matters.ChangeAsync(Tenant, matter.Number, stranger, m => m.ReportProgress(stranger, _clock.GetUtcNow(), "not mine"), CancellationToken.None);

        Assert.Single(await FollowUpsAsync());
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_CarryOutEachItemOnce()
    {
        for (var i = 0; i < 12; i++)
        {
            await RegisterAsync(coHandlers: 0);
        }

        var handler = new RecordingHandler();
        await Task.WhenAll(Dispatcher(handler).RunOnceAsync(CancellationToken.None), Dispatcher(handler).RunOnceAsync(CancellationToken.None));

        Assert.Equal(12, handler.Steps.Count);
        Assert.Equal(12, handler.Steps.Distinct().Count());
        Assert.Empty(await FollowUpsAsync());
    }

    [Fact]
    public async Task ItemWhoseOwnerDied_IsTakenOverAfterTheLease_AndResumesAfterItsLastDoneStep()
    {
        await RegisterAsync(coHandlers: 0);
        var due = Assert.Single(await _outbox.DueAsync(Tenant, _clock.GetUtcNow(), 10, CancellationToken.None));
        var claimed = await _outbox.ClaimAsync(due, "dead-instance", _clock.GetUtcNow() + TimeSpan.FromSeconds(30), CancellationToken.None);
        await _outbox.SaveAsync(claimed!, claimed!.Item with { Done = ["first"] }, CancellationToken.None);
        var handler = new RecordingHandler("first", "second");

        await Dispatcher(handler).RunOnceAsync(CancellationToken.None);
        var whileLeased = handler.Steps.Count;
        _clock.Advance(TimeSpan.FromSeconds(31));
        await Dispatcher(handler).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileLeased);
        Assert.Equal(["second"], handler.Steps.Select(s => s.Split('/')[1]));
        Assert.Empty(await FollowUpsAsync());
    }

    [Fact]
    public async Task DeferredDelivery_IsRetriedLaterWithItsProgress_AndSetAsideAfterTheLastAttempt()
    {
        await RegisterAsync(coHandlers: 0);
        var handler = new RecordingHandler("first", "second") { FailOn = "second" };

        await Dispatcher(handler).RunOnceAsync(CancellationToken.None);
        var retry = Assert.Single(await FollowUpsAsync());
        await Dispatcher(handler).RunOnceAsync(CancellationToken.None);
        var notYet = handler.Steps.Count;
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            await Dispatcher(handler).RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(["first"], retry.Done);
        Assert.Equal(1, retry.Attempts);
        Assert.True(retry.DueAt > _clock.GetUtcNow() - TimeSpan.FromMinutes(50), "moved later");
        Assert.Equal(1, notYet);
        Assert.Equal(["first"], handler.Steps.Select(s => s.Split('/')[1]));
        Assert.Empty(await FollowUpsAsync());
        var dead = Assert.Single(await _outbox.DeadLettersAsync(Tenant, CancellationToken.None));
        Assert.Contains("Teams answered 503", dead.LastError);
    }

    [Fact]
    public async Task InstructionReplacingSixtyCoHandlers_KeepsEveryListRowRight_AcrossTheBatchLimit()
    {
        var matter = await RegisterAsync(coHandlers: 60);
        var others = Enumerable.Range(1, 60).Select(i => new Person($"n-{i}", $"新會辦{i}")).ToList();

        var result = await _matters.ChangeAsync(Tenant, matter.Number, Director,
            m => m.Instruct(Director, _clock.GetUtcNow(), null, others, null, null, TimeZoneInfo.Utc), CancellationToken.None);
        var followUp = (await FollowUpsAsync()).Last();

        Assert.True(result.Outcome.IsChanged);
        Assert.True(followUp.RepairIndex);
        Assert.Empty(await _matters.OpenForPersonAsync(Tenant, "c-1", CancellationToken.None));
        Assert.Single(await _matters.OpenForPersonAsync(Tenant, "n-60", CancellationToken.None));
        Assert.Single(await _matters.OpenForPersonAsync(Tenant, Lead.ObjectId, CancellationToken.None));
    }

    private OutboxDispatcher Dispatcher(IOutboxHandler handler) =>
        new(_outbox, new OutboxSignal(), [handler], _clock, new StaticOptions(_options), NullLogger<OutboxDispatcher>.Instance);

    private async Task<Matter> RegisterAsync(int coHandlers)
    {
        var co = Enumerable.Range(1, coHandlers).Select(i => new Person($"c-{i}", $"會辦{i}")).ToList();
        var (matter, refusal) = await _matters.RegisterAsync(Tenant, new MatterRegistration("年度預算", Lead: Lead, CoHandlers: co), Director, null, CancellationToken.None);
        Assert.Null(refusal);
        return matter!;
    }

    /// <summary>Records the steps it carries out; <see cref="FailOn"/> makes one step fail as a throttled delivery would.</summary>
    private sealed class RecordingHandler(params string[] steps) : IOutboxHandler
    {
        private readonly List<string> _steps = [];

        public string Kind => OutboxKinds.MatterChange;

        public string? FailOn { get; init; }

        public IReadOnlyList<string> Steps
        {
            get
            {
                lock (_steps)
                {
                    return [.. _steps];
                }
            }
        }

        public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
        {
            foreach (var step in steps.Length == 0 ? ["notify"] : steps)
            {
                await progress.StepAsync(step, _ =>
                {
                    if (step == FailOn)
                    {
                        throw new DeliveryDeferredException("Teams answered 503");
                    }

                    lock (_steps)
                    {
                        _steps.Add($"{item.Id}/{step}");
                    }

                    return Task.CompletedTask;
                }, cancellationToken);
            }
        }
    }

    private sealed class StaticOptions(OutboxOptions options) : IOptionsMonitor<OutboxOptions>
    {
        public OutboxOptions CurrentValue => options;

        public OutboxOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<OutboxOptions, string?> listener) => null;
    }

    /// <summary>The follow-ups of changes waiting in the outbox (the matters' planned reminders are there too, due later).</summary>
    private async Task<List<OutboxItem>> FollowUpsAsync() =>
        (await _outbox.PendingAsync(Tenant, CancellationToken.None)).Where(i => i.Kind == OutboxKinds.MatterChange).ToList();
}
