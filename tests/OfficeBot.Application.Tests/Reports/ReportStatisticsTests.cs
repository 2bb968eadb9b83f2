using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.Presentation;
using OfficeBot.Application.Reports;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;
using OfficeBot.Storage;
using OfficeBot.Testing;
using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Application.Tests.Reports;

public sealed class SqliteReportStatisticsTests : ReportStatisticsTests
{
    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db"));
}

[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesReportStatisticsTests(AzuriteFixture azurite) : ReportStatisticsTests
{
    protected override ITableStore CreateStore() => AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix());
}

/// <summary>
/// Issue 8 §4: a fortnight of an office's work, done through the matter service as the commands and cards do it, and the
/// supervision report's numbers per lead, per department of the lead and week on week. The report is read on Thursday
/// 26 November 2026 at 10:00 in Taipei: "the last 7 days" are 20–26 November, "the 7 before" 13–19 November.
/// </summary>
public abstract class ReportStatisticsTests : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);
    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    private static readonly Actor Wei = new(new Person("wei", "李偉"));
    private static readonly Actor Mei = new(new Person("mei", "林美"));
    private static readonly Actor Ann = new(new Person("ann", "Ann"));

    private readonly FakeTimeProvider _clock = new(At(16, 10));
    private readonly OfficeOptions _office = new()
    {
        Directors = ["d-1"],
        Departments =
        [
            new DepartmentOptions { Name = "秘書處", Head = "wei", Members = ["wei"] },
            new DepartmentOptions { Name = "財務處", Head = "mei", Members = ["mei"] },
        ],
    };

    private RecordingStore _store = null!;
    private MatterService _matters = null!;
    private ReportService _reports = null!;

    protected abstract ITableStore CreateStore();

    public async Task InitializeAsync()
    {
        _store = new RecordingStore(CreateStore());
        foreach (var table in (string[])[MatterRepository.TableName, OutboxStore.WakeTable])
        {
            await _store.EnsureTableAsync(table);
        }

        var time = new OfficeTime(_clock, Options.Create(_office));
        _matters = new MatterService(new MatterRepository(_store, new OutboxStore(_store), time), time, new OutboxSignal(), NullLogger<MatterService>.Instance);
        _reports = new ReportService(_matters, new MatterPresenter(time, new Departments(new Fixed(_office))));
    }

    public Task DisposeAsync()
    {
        (_store.Inner as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>November 2026, office time.</summary>
    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Taipei);

    private static DueDate Due(int month, int day) => new(new DateOnly(2026, month, day));

    private async Task<int> RegisterAsync(Actor lead, DueDate? due)
    {
        var (matter, refusal) = await _matters.RegisterAsync(Tenant, new MatterRegistration($"matter of {lead.Person.DisplayName}", Lead: lead.Person, Due: due), Director, null,
            CancellationToken.None);
        Assert.Null(refusal);
        return matter!.Number;
    }

    private async Task DoAsync(int number, Actor actor, Func<Matter, DateTimeOffset, Outcome> change)
    {
        var result = await _matters.ChangeAsync(Tenant, number, actor, m => change(m, _clock.GetUtcNow()), CancellationToken.None);
        Assert.True(result.Outcome.IsChanged, $"#{number}: {result.Outcome}");
    }

    private async Task CompleteAsync(int number, Actor lead)
    {
        await DoAsync(number, lead, (m, now) => m.AskCompletion(lead, now, "done"));
        await DoAsync(number, Director, (m, now) => m.ApproveCompletion(Director, now));
    }

    /// <summary>
    /// Week before (Mon 16 – Thu 19): five matters registered; #1 completed on time; #3's extension approved.
    /// Last 7 days (Mon 23 – Thu 26): #2 sent back, then completed on time; #3 completed after its original due day (late,
    /// though before the extended one); #5 urged twice and extended by the director; #6 registered and its receipt
    /// reminder sent.
    /// </summary>
    private async Task AFortnightAsync()
    {
        var one = await RegisterAsync(Wei, Due(11, 18));
        var two = await RegisterAsync(Mei, Due(11, 30));
        var three = await RegisterAsync(Wei, Due(11, 20));
        await RegisterAsync(Ann, null);
        var five = await RegisterAsync(Mei, Due(11, 27));

        _clock.SetUtcNow(At(17, 10));
        await CompleteAsync(one, Wei);

        _clock.SetUtcNow(At(19, 10));
        await DoAsync(three, Wei, (m, now) => m.AskExtension(Wei, now, Due(11, 25), "waiting for Finance", TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei")));
        await DoAsync(three, Director, (m, now) => m.ApproveExtension(Director, now));

        _clock.SetUtcNow(At(23, 10));
        await DoAsync(two, Mei, (m, now) => m.AskCompletion(Mei, now, "done"));
        await DoAsync(two, Director, (m, now) => m.RejectCompletion(Director, now, "附件不全"));

        _clock.SetUtcNow(At(24, 10));
        await CompleteAsync(three, Wei);
        await DoAsync(five, Director, (m, now) => m.Urge(Director, now, "請儘快"));
        var six = await RegisterAsync(Wei, Due(12, 31));
        var receipt = (await _matters.FindVisibleAsync(Tenant, six, Director, CancellationToken.None))!.State.NextReminder!;
        Assert.Equal(ReminderRule.Receipt, receipt.Rule);
        _clock.SetUtcNow(receipt.At);
        Assert.True((await _matters.RecordReminderAsync(Tenant, six, receipt, CancellationToken.None)).Outcome.IsChanged);

        _clock.SetUtcNow(At(25, 10));
        await CompleteAsync(two, Mei);
        await DoAsync(five, Director, (m, now) => m.Urge(Director, now, "今天要"));
        await DoAsync(five, Director, (m, now) => m.Extend(Director, now, Due(12, 4), "等預算", TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei")));

        _clock.SetUtcNow(At(26, 10));
    }

    [Fact]
    public async Task OfficeReport_PerLead_CountsTheLast7DaysAgainstTheOriginalDueDate()
    {
        await AFortnightAsync();

        var report = await _reports.OfficeAsync(Tenant, Language.Traditional, CancellationToken.None);

        Assert.Equal(
        [
            new ReportGroup("林美", Open: 1, Overdue: 0, Completed: 1, CompletedOnTime: 1, SendBacks: 1, Extensions: 1, Urges: 2, LateReceipts: 0),
            new ReportGroup("李偉", Open: 1, Overdue: 0, Completed: 1, CompletedOnTime: 0, SendBacks: 0, Extensions: 0, Urges: 0, LateReceipts: 1),
            new ReportGroup("Ann", Open: 1, Overdue: 0),
        ], report.ByLead);
        Assert.Equal([100, 0, null], report.ByLead.Select(g => g.OnTimePercent));
    }

    [Fact]
    public async Task OfficeReport_PerDepartmentOfTheLead_AndNoDepartmentKept()
    {
        await AFortnightAsync();

        var report = await _reports.OfficeAsync(Tenant, Language.English, CancellationToken.None);

        Assert.Equal(
        [
            new ReportGroup("財務處", Open: 1, Overdue: 0, Completed: 1, CompletedOnTime: 1, SendBacks: 1, Extensions: 1, Urges: 2, LateReceipts: 0),
            new ReportGroup("秘書處", Open: 1, Overdue: 0, Completed: 1, CompletedOnTime: 0, SendBacks: 0, Extensions: 0, Urges: 0, LateReceipts: 1),
            new ReportGroup(null, Open: 1, Overdue: 0),
        ], report.ByDepartment);
    }

    [Fact]
    public async Task OfficeReport_WeekOnWeek_TheLast7DaysAgainstThe7Before()
    {
        await AFortnightAsync();

        var report = await _reports.OfficeAsync(Tenant, Language.Simplified, CancellationToken.None);

        Assert.Equal(new WeekOnWeek(
            new ReportWeek(Registered: 1, Completed: 2, CompletedOnTime: 1, SendBacks: 1, Extensions: 1, Urges: 2, LateReceipts: 1),
            new ReportWeek(Registered: 5, Completed: 1, CompletedOnTime: 1, SendBacks: 0, Extensions: 1, Urges: 0, LateReceipts: 0)), report.Weeks);
        Assert.Equal(50, report.Weeks!.ThisWeek.OnTimePercent);
        Assert.Equal(100, report.Weeks.WeekBefore.OnTimePercent);
    }

    [Fact]
    public async Task OfficeReport_AWeekLater_HasMovedItsWindow()
    {
        await AFortnightAsync();
        _clock.SetUtcNow(At(30, 10));

        var report = await _reports.OfficeAsync(Tenant, Language.English, CancellationToken.None);

        // Now the last 7 days are 24–30 November and the 7 before 17–23: #1's completion and #3's extension moved back a
        // week, #2's send-back too; the five registrations of the 16th fell out.
        Assert.Equal(new WeekOnWeek(
            new ReportWeek(Registered: 1, Completed: 2, CompletedOnTime: 1, SendBacks: 0, Extensions: 1, Urges: 2, LateReceipts: 1),
            new ReportWeek(Registered: 0, Completed: 1, CompletedOnTime: 1, SendBacks: 1, Extensions: 1, Urges: 0, LateReceipts: 0)), report.Weeks);
    }

    [Fact]
    public async Task PersonalReport_CountsOnlyWhatTheyLed()
    {
        await AFortnightAsync();

        var report = await _reports.ForAsync(Tenant, Wei, Language.Traditional, CancellationToken.None);

        Assert.Equal([new ReportGroup("李偉", Open: 1, Overdue: 0, Completed: 1, CompletedOnTime: 0, LateReceipts: 1)], report.ByLead);
        Assert.Equal(new ReportWeek(Registered: 1, Completed: 1, LateReceipts: 1), report.Weeks!.ThisWeek);
        Assert.Equal(new ReportWeek(Registered: 2, Completed: 1, CompletedOnTime: 1, Extensions: 1), report.Weeks.WeekBefore);
    }

    [Fact]
    public async Task OfficeReport_ReadsTheOpenIndexAndTwoWeeksOfStatistics_NeverMattersOrHistory()
    {
        await AFortnightAsync();
        _store.Reads.Clear();

        await _reports.OfficeAsync(Tenant, Language.English, CancellationToken.None);

        Assert.Equal(
        [
            "o|..o}",
            "s|20261113|..s|20261120|",
            "s|20261120|..s|20261127|",
        ], _store.Reads.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task EveryStatisticsRow_IsWrittenInTheBatchOfItsChange()
    {
        await AFortnightAsync();

        var batches = _store.Batches.ToList();
        var counted = batches.SelectMany(b => b.Where(k => k.StartsWith("s|", StringComparison.Ordinal))).ToList();

        // 6 registrations, 3 completions, 1 send-back, 2 extensions, 2 urges, 1 receipt reminder.
        Assert.Equal(15, counted.Count);
        Assert.All(batches.Where(b => b.Any(k => k.StartsWith("s|", StringComparison.Ordinal))), batch =>
        {
            var history = batch.Where(k => k.StartsWith('m') && k.Contains('h', StringComparison.Ordinal)).ToList();
            Assert.Contains(batch, k => k.StartsWith('m') && !k.Contains('h', StringComparison.Ordinal));
            Assert.All(batch.Where(k => k.StartsWith("s|", StringComparison.Ordinal)), k => Assert.Contains(history, h => h.EndsWith("h" + k[^6..], StringComparison.Ordinal)));
        });
        // #3 completed on the 24th: its fifth line (registered, extension asked, approved, completion asked, approved).
        Assert.Contains("s|20261124|0000000003|000005", counted);
    }

    /// <summary>The store as the repository sees it, remembering each range read and each single row fetched.</summary>
    private sealed class RecordingStore(ITableStore inner) : DelegatingTableStore(inner)
    {
        public ConcurrentQueue<string> Reads { get; } = new();

        /// <summary>The row keys of each batch submitted, in order.</summary>
        public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

        public override Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            Reads.Enqueue(rowKey);
            return Inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        }

        public override async IAsyncEnumerable<StoredRow> QueryAsync(string table, string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int? take = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Reads.Enqueue($"{rowKeyFrom}..{rowKeyTo}");
            await foreach (var row in Inner.QueryAsync(table, partitionKey, rowKeyFrom, rowKeyTo, take, cancellationToken))
            {
                yield return row;
            }
        }

        public override Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
        {
            Batches.Enqueue([.. operations.Select(o => o.Row.RowKey)]);
            return Inner.SubmitBatchAsync(table, operations, cancellationToken);
        }
    }

    private sealed class Fixed(OfficeOptions value) : IOptionsMonitor<OfficeOptions>
    {
        public OfficeOptions CurrentValue => value;

        public OfficeOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OfficeOptions, string?> listener) => null;
    }
}
