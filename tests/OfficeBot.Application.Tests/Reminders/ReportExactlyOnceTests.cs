using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Application.Reports;
using OfficeBot.Storage;
using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Application.Tests.Reminders;

public sealed class SqliteReportExactlyOnceTests : ReportExactlyOnceTests
{
    protected override int Tenants => 12;

    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
}

/// <summary>Fewer tenants on Azurite, whose every read is an HTTP call: the week's 46 half-hour passes of two instances add up.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesReportExactlyOnceTests(AzuriteFixture azurite) : ReportExactlyOnceTests
{
    protected override int Tenants => 3;

    protected override ITableStore CreateStore() => AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix());
}

/// <summary>
/// The morning report with two instances on one store, each with its own dispatcher, schedule and handler, both sweeping
/// every tenant and planning its next report at the same moments: each director gets one report per working morning.
/// "Now" is Thursday 2026-11-26 10:00 in Taipei, past that day's report.
/// </summary>
public abstract class ReportExactlyOnceTests : IAsyncLifetime
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, Taipei));
    private readonly OfficeOptions _office = new() { Directors = ["d-1", "d-2"], ReportChannel = "19:office@thread.tacv2" };
    private readonly ConcurrentQueue<Sent> _sent = new();
    private ITableStore _store = null!;
    private Instance _a = null!;
    private Instance _b = null!;

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        foreach (var table in (string[])[MatterRepository.TableName, OutboxStore.WakeTable, PeopleStore.Table])
        {
            await _store.EnsureTableAsync(table);
        }

        _a = new Instance(_store, _clock, _office, new Recorder(_sent, "a", _clock));
        _b = new Instance(_store, _clock, _office, new Recorder(_sent, "b", _clock));
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract int Tenants { get; }

    protected abstract ITableStore CreateStore();

    [Fact]
    public async Task TwoInstancesOverAWeekend_EachDirectorAndTheChannelGetOneReportPerWorkingMorning()
    {
        for (var i = 0; i < Tenants; i++)
        {
            // Both learn of each tenant at once, as when two changes of a new tenant commit on two instances.
            await Task.WhenAll(_a.Outbox.EnsureTenantAsync(Tenant(i), _clock.GetUtcNow(), CancellationToken.None),
                _b.Outbox.EnsureTenantAsync(Tenant(i), _clock.GetUtcNow(), CancellationToken.None));
        }

        // Thursday 10:00 to Tuesday 09:00, half an hour at a time: Friday, Monday and Tuesday are working mornings.
        while (_clock.GetUtcNow() < new DateTimeOffset(2026, 12, 1, 9, 0, 0, Taipei))
        {
            _clock.Advance(TimeSpan.FromMinutes(30));
            await Task.WhenAll(_a.Dispatcher.RunOnceAsync(CancellationToken.None), _b.Dispatcher.RunOnceAsync(CancellationToken.None));
        }

        var sent = _sent.ToList();
        DateOnly[] mornings = [new(2026, 11, 27), new(2026, 11, 30), new(2026, 12, 1)];
        for (var i = 0; i < Tenants; i++)
        {
            foreach (var to in (string[])["d-1", "d-2", _office.ReportChannel!])
            {
                Assert.Equal(mornings, sent.Where(s => s.TenantId == Tenant(i) && s.To == to).Select(s => s.Day).Order());
            }
        }

        Assert.All(sent, s => Assert.Equal(new TimeOnly(8, 30), s.At));
        for (var i = 0; i < Tenants; i++)
        {
            Assert.Equal(["report-20261202"], (await _a.Outbox.PendingAsync(Tenant(i), CancellationToken.None)).Select(p => p.Id));
            Assert.Empty(await _a.Outbox.DeadLettersAsync(Tenant(i), CancellationToken.None));
        }
    }

    private static string Tenant(int i) => $"tenant-{i:D2}";

    private sealed record Sent(string Instance, string TenantId, string To, DateOnly Day, TimeOnly At);

    /// <summary>One bot instance on the shared store, wired as the host wires the report push.</summary>
    private sealed class Instance
    {
        public Instance(ITableStore store, TimeProvider clock, OfficeOptions office, IMessenger messenger)
        {
            var options = new Fixed<OfficeOptions>(office);
            var time = new OfficeTime(clock, Options.Create(office));
            var signal = new OutboxSignal();
            var schedule = new ReportSchedule(store, time, options);
            Outbox = new OutboxStore(store, [schedule]);
            var matters = new MatterService(new MatterRepository(store, Outbox, time), time, signal, NullLogger<MatterService>.Instance);
            var reports = new ReportService(matters, new MatterPresenter(time, new Departments(options)));
            var people = new PeopleStore(store);
            var delivery = new PersonalDelivery(messenger, people, new SentCardStore(store), time, options, NullLogger<PersonalDelivery>.Instance);
            var handler = new MorningReport(reports, schedule, Outbox, messenger, delivery, people, time, options, NullLogger<MorningReport>.Instance);
            Dispatcher = new OutboxDispatcher(Outbox, signal, [handler], clock, new Fixed<OutboxOptions>(new OutboxOptions { Lease = TimeSpan.FromSeconds(30) }),
                NullLogger<OutboxDispatcher>.Instance, [schedule]);
        }

        public OutboxStore Outbox { get; }

        public OutboxDispatcher Dispatcher { get; }
    }

    /// <summary>Teams as far as the handler can tell: every message is delivered, and remembered with where, when and by which instance.</summary>
    private sealed class Recorder(ConcurrentQueue<Sent> sent, string instance, TimeProvider clock) : IMessenger
    {
        public Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken) =>
            Task.FromResult(new SendResult(Record(tenantId, objectId)));

        public Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken) =>
            Task.FromResult(new SendResult(Record(tenantId, conversationId)));

        public Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken) => Task.FromResult(Delivery.Delivered);

        private Delivery Record(string tenantId, string to)
        {
            var local = clock.GetUtcNow().ToOffset(Taipei).DateTime;
            sent.Enqueue(new Sent(instance, tenantId, to, DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
            return Delivery.Delivered;
        }
    }

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
