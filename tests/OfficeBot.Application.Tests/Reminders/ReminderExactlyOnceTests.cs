using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.FollowUp;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Application.Reminders;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;
using OfficeBot.Storage;
using OfficeBot.Testing;
using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.Azurite;
using Xunit.Abstractions;

namespace OfficeBot.Application.Tests.Reminders;

public sealed class SqliteReminderExactlyOnceTests(ITestOutputHelper output) : ReminderExactlyOnceTests(output)
{
    protected override int MatterCount => 1_000;

    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
}

/// <summary>
/// Fewer on Azurite, to keep CI well under a minute on two cores: 1,000 there took 61 s in all (27 s to register them and
/// send their 2,000 notices, 27 s to dispatch the 1,000 reminders to 2,000 people), against 8 s on SQLite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesReminderExactlyOnceTests(AzuriteFixture azurite, ITestOutputHelper output) : ReminderExactlyOnceTests(output)
{
    protected override int MatterCount => 250;

    protected override ITableStore CreateStore() => AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix());
}

/// <summary>
/// Issue 8 §5: many reminders fall due at the same instant while two instances, each with its own dispatcher, matter
/// service and the real reminder and follow-up handlers, share one store. Each reminder reaches each of its people once,
/// each matter records it once, and each matter's next reminder is planned. "Now" is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public abstract class ReminderExactlyOnceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private const int People = 50;
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);
    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, Taipei));
    private readonly OfficeOptions _office = new() { Directors = ["d-1"] };
    private readonly CountingMessenger _messenger = new();
    private ITableStore _store = null!;
    private Instance _a = null!;
    private Instance _b = null!;

    protected abstract int MatterCount { get; }

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        foreach (var table in (string[])[MatterRepository.TableName, OutboxStore.WakeTable, PeopleStore.Table, SentCardStore.Table])
        {
            await _store.EnsureTableAsync(table);
        }

        _a = new Instance(_store, _clock, _office, _messenger.For("a"));
        _b = new Instance(_store, _clock, _office, _messenger.For("b"));
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract ITableStore CreateStore();

    [Fact]
    public async Task ManyRemindersDueAtOnce_TwoInstances_EachPersonGetsOneListOfAllTheirs_EachRecordedOnce_AndTheNextIsPlanned()
    {
        // Registered Thursday 10:00, due Tuesday (so no due-date reminder today), nobody acknowledges: every receipt
        // reminder (to the lead and the co-handler) falls at 14:00, the same instant for every matter; the next is Friday
        // morning's, two working days before the due day. Each of the 50 leads and 50 co-handlers has MatterCount / 50 of them.
        var registering = Stopwatch.StartNew();
        for (var i = 0; i < MatterCount; i++)
        {
            var (matter, refusal) = await (i % 2 == 0 ? _a : _b).Matters.RegisterAsync(Tenant,
                new MatterRegistration($"公文 {i}", Lead: Lead(i), CoHandlers: [CoHandler(i)], Due: new DueDate(new DateOnly(2026, 12, 1))), Director, null, CancellationToken.None);
            Assert.Null(refusal);
        }

        await BothDispatchAsync();
        registering.Stop();
        var assignedNotices = _messenger.Sent.Count;

        var receiptAt = new DateTimeOffset(2026, 11, 26, 14, 0, 0, Taipei);
        _clock.Advance(receiptAt - _clock.GetUtcNow() + TimeSpan.FromSeconds(10));
        var dispatching = Stopwatch.StartNew();
        await BothDispatchAsync();
        Assert.Equal(assignedNotices, _messenger.Sent.Count);

        // The digest window ends: one message per person, built once, by one of the two instances.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await BothDispatchAsync();
        dispatching.Stop();
        var reminders = _messenger.Sent.Skip(assignedNotices).ToList();
        output.WriteLine($"{MatterCount} matters registered and their {assignedNotices} notices sent in {registering.Elapsed.TotalSeconds:F1} s; "
            + $"{2 * MatterCount} reminders due at once, recorded and sent as {reminders.Count} lists by two instances in {dispatching.Elapsed.TotalSeconds:F1} s "
            + $"({reminders.Count(r => r.Instance == "a")} sent by one, {reminders.Count(r => r.Instance == "b")} by the other)");
        var matters = new List<Matter>();
        for (var number = 1; number <= MatterCount; number++)
        {
            matters.Add((await _a.Repository.GetAsync(Tenant, number, CancellationToken.None))!.Matter);
        }

        var perPerson = MatterCount / People;
        Assert.Equal(2 * MatterCount, assignedNotices);
        // Which instance builds a list is whichever claims it first (either may take them all): each is built once.
        Assert.Equal(2 * People, reminders.Count);
        Assert.All(reminders, r => Assert.Equal($"自動催辦：{perPerson} 項事項待您處理。", r.Summary));
        foreach (var person in Enumerable.Range(0, People).SelectMany(i => (Person[])[Lead(i), CoHandler(i)]))
        {
            var list = Assert.Single(reminders, r => r.ObjectId == person.ObjectId);
            var theirs = matters.Where(m => m.State.Lead!.Is(person.ObjectId) || m.State.CoHandlers[0].Person.Is(person.ObjectId)).Select(m => m.Number);
            Assert.Equal(theirs.Order(), list.Listed.Order());
        }

        foreach (var matter in matters)
        {
            var history = await _a.Repository.GetHistoryAsync(Tenant, matter.Number, 1, CancellationToken.None);
            var reminded = Assert.Single(history, e => e.Kind == HistoryKind.Reminded);
            Assert.Equal(nameof(ReminderRule.Receipt), reminded.NewValue);
            Assert.Equal(new PlannedReminder(new DateTimeOffset(2026, 11, 27, 9, 0, 0, Taipei), ReminderRule.DueSoon, 2), matter.State.NextReminder);
        }

        var pending = await _a.Outbox.PendingAsync(Tenant, CancellationToken.None);
        Assert.Equal(matters.Select(m => m.State.NextReminder!.Id(m.Number)).Order(), pending.Select(p => p.Id).Order());
        Assert.Empty(await _a.Outbox.DeadLettersAsync(Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task ManyDueDateRemindersDueAtOnce_TwoInstances_ReachTheLeadAndTheCoHandlerOnceEach_InOneList()
    {
        // Acknowledged at once by both, so the first reminder of every matter is Friday 09:00, two working days before
        // Tuesday's due day.
        for (var i = 0; i < MatterCount; i++)
        {
            var service = (i % 2 == 0 ? _a : _b).Matters;
            var (matter, _) = await service.RegisterAsync(Tenant,
                new MatterRegistration($"公文 {i}", Lead: Lead(i), CoHandlers: [CoHandler(i)], Due: new DueDate(new DateOnly(2026, 12, 1))), Director, null, CancellationToken.None);
            foreach (var person in (Person[])[Lead(i), CoHandler(i)])
            {
                var actor = new Actor(person);
                await service.ChangeAsync(Tenant, matter!.Number, actor, m => m.Acknowledge(actor, _clock.GetUtcNow()), CancellationToken.None);
            }
        }

        await BothDispatchAsync();
        var before = _messenger.Sent.Count;

        _clock.Advance(new DateTimeOffset(2026, 11, 27, 9, 0, 10, Taipei) - _clock.GetUtcNow());
        var dispatching = Stopwatch.StartNew();
        await BothDispatchAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await BothDispatchAsync();
        dispatching.Stop();
        var reminders = _messenger.Sent.Skip(before).ToList();
        output.WriteLine($"{MatterCount} due-date reminders (to {2 * MatterCount} people) recorded and sent as {reminders.Count} lists by two instances in "
            + $"{dispatching.Elapsed.TotalSeconds:F1} s ({reminders.Count(r => r.Instance == "a")} sent by one, {reminders.Count(r => r.Instance == "b")} by the other)");

        // Which instance builds a list is whichever claims it first (either may take them all): each is built once.
        Assert.Equal(2 * People, reminders.Count);
        Assert.All(reminders, r => Assert.StartsWith("自動催辦", r.Summary));
        Assert.All(Enumerable.Range(1, MatterCount), number =>
            Assert.Equal([CoHandler(number - 1).ObjectId, Lead(number - 1).ObjectId], reminders.Where(r => r.Listed.Contains(number)).Select(r => r.ObjectId).Order()));
        for (var number = 1; number <= MatterCount; number++)
        {
            var history = await _a.Repository.GetHistoryAsync(Tenant, number, 1, CancellationToken.None);
            Assert.Equal(nameof(ReminderRule.DueSoon), Assert.Single(history, e => e.Kind == HistoryKind.Reminded).NewValue);
        }
    }

    [Fact]
    public async Task ACardTeamsAccepted_WhoseRecordTheBusyStoreRefuses_IsNotSentAgain()
    {
        // The store answers "busy" to every write of a sent card (as SQLite did under load, after Teams had the card).
        var instance = new Instance(new SentCardsBusy(_store), _clock, _office, _messenger.For("c", withCard: true));
        for (var i = 0; i < 20; i++)
        {
            var (_, refusal) = await instance.Matters.RegisterAsync(Tenant, new MatterRegistration($"公文 {i}", Lead: Lead(i)), Director, null, CancellationToken.None);
            Assert.Null(refusal);
        }

        await instance.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Long enough for any retry of a step that failed (before the receipt reminders at 14:00).
        _clock.Advance(TimeSpan.FromMinutes(30));
        await instance.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 20), _messenger.Sent.Select(s => s.Matter).Order());
        Assert.DoesNotContain(await instance.Outbox.PendingAsync(Tenant, CancellationToken.None), i => i.Kind == OutboxKinds.MatterChange);
        Assert.Empty(await instance.Outbox.DeadLettersAsync(Tenant, CancellationToken.None));
    }

    private static Person Lead(int i) => new($"lead-{i % People}", $"主辦{i % People}");

    private static Person CoHandler(int i) => new($"co-{i % People}", $"會辦{i % People}");

    private Task BothDispatchAsync() =>
        Task.WhenAll(_a.Dispatcher.RunOnceAsync(CancellationToken.None), _b.Dispatcher.RunOnceAsync(CancellationToken.None));

    /// <summary>One bot instance on the shared store: its own matter service, outbox signal, handlers and dispatcher, as the host wires them.</summary>
    private sealed class Instance
    {
        public Instance(ITableStore store, TimeProvider clock, OfficeOptions office, IMessenger messenger)
        {
            var options = new Fixed<OfficeOptions>(office);
            var time = new OfficeTime(clock, Options.Create(office));
            var signal = new OutboxSignal();
            var people = new PeopleStore(store);
            Outbox = new OutboxStore(store);
            Repository = new MatterRepository(store, Outbox, time);
            Matters = new MatterService(Repository, time, signal, NullLogger<MatterService>.Instance);
            var delivery = new PersonalDelivery(messenger, people, new SentCardStore(store), time, options, NullLogger<PersonalDelivery>.Instance);
            var followUp = new MatterFollowUp(messenger, new SentCardStore(store), delivery, Repository, Matters, new MatterPresenter(time, new Departments(options)),
                new CardContexts(people, options), new RoleDirectory(options), time, options, new Departments(options), new ReminderDigests(store, Outbox, time),
                NullLogger<MatterFollowUp>.Instance);
            var reminders = new MatterReminders(Matters, Repository, time, NullLogger<MatterReminders>.Instance);
            var digests = new ReminderDigestSender(Repository, followUp, new MatterPresenter(time, new Departments(options)), delivery);
            var outbox = new OutboxOptions { Lease = TimeSpan.FromSeconds(30), Parallelism = 16 };
            Dispatcher = new OutboxDispatcher(Outbox, signal, [followUp, reminders, digests], clock, new Fixed<OutboxOptions>(outbox), NullLogger<OutboxDispatcher>.Instance);
        }

        public OutboxStore Outbox { get; }

        public MatterRepository Repository { get; }

        public MatterService Matters { get; }

        public OutboxDispatcher Dispatcher { get; }
    }

    /// <param name="Listed">The matters the card names (#12): the one matter of a card about one, every row of a reminder list.</param>
    private sealed record Sent(string Instance, string ObjectId, int Matter, string Summary, IReadOnlyList<int> Listed);

    /// <summary>Teams as far as the handlers can tell: every message is delivered, and remembered with whom it went to and which instance sent it.</summary>
    private sealed class CountingMessenger
    {
        private readonly ConcurrentQueue<Sent> _sent = new();

        public IReadOnlyList<Sent> Sent => [.. _sent];

        /// <param name="withCard">Answer as Teams does for a card: with the sent card, which the follow-up then records.</param>
        public IMessenger For(string instance, bool withCard = false) => new Sender(this, instance, withCard);

        private sealed class Sender(CountingMessenger messenger, string instance, bool withCard) : IMessenger
        {
            public Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken)
            {
                var listed = reply.MatterNumber is { } number
                    ? [number]
                    : Regex.Matches(JsonSerializer.Serialize(reply.Card, CardJson.Options), "\"text\":\"#(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                messenger._sent.Enqueue(new Sent(instance, objectId, reply.MatterNumber ?? 0, reply.Summary, listed));
                var card = withCard && reply.MatterNumber is { } matter ? new SentCard(tenantId, matter, $"a:{objectId}", Guid.NewGuid().ToString("N"), "{}", objectId, null) : null;
                return Task.FromResult(new SendResult(Delivery.Delivered, card));
            }

            public Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken) => Task.FromResult(Delivery.Delivered);

            public Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken) =>
                Task.FromResult(new SendResult(Delivery.Delivered));
        }
    }

    /// <summary>A store that is busy for every write of a sent card, and itself otherwise.</summary>
    private sealed class SentCardsBusy(ITableStore inner) : DelegatingTableStore(inner)
    {
        public override Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default) =>
            table == SentCardStore.Table ? throw new StoreBusyException("database is locked") : Inner.UpsertAsync(table, row, cancellationToken);
    }

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
