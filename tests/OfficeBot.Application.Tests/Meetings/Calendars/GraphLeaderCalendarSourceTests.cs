using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Testing;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>Leaders' Outlook schedules read through the real GraphServiceClient from a fake Graph on loopback (office in Asia/Taipei).</summary>
public sealed class GraphLeaderCalendarSourceTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeGraph _graph = null!;
    private GraphOptions _options = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _options = new GraphOptions
        {
            Enabled = true,
            TenantId = "contoso",
            BaseUrl = _graph.BaseUrl,
            AllowHttpOnLoopback = true,
            Timeout = TimeSpan.FromSeconds(10),
            MaxRetries = 2,
        };
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    internal static string Leader(int n) => $"00000000-0000-0000-0000-{n:000000000000}";

    internal static string Address(int n) => $"leader{n}@contoso.com";

    private GraphLeaderCalendarSource Source(int leaders = 1)
    {
        for (var n = 1; n <= leaders; n++)
        {
            _options.Mailboxes.Add(new GraphOptions.LeaderMailbox { Leader = Leader(n), Address = Address(n) });
        }

        return new GraphLeaderCalendarSource(GraphClients.Create(_options, new FixedTokenCredential()), Options.Create(_options), Taipei, _time,
            NullLogger<GraphLeaderCalendarSource>.Instance);
    }

    private static Task<LeaderCalendar> Read(GraphLeaderCalendarSource source, int leader = 1, int days = 14) =>
        source.ReadAsync(Leader(leader), Now, Now.AddDays(days), CancellationToken.None);

    private static DateTime Wall(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0);

    private static DateTimeOffset InTaipei(int day, int hour) => new(2026, 1, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task ReadAsync_ItemsOfEveryStatus_AllButFreeAreBusyWithSubjectAndLocation()
    {
        _graph.Schedule(Address(1),
            new FakeScheduleItem("busy", Wall(5, 1), Wall(5, 2), Subject: "Budget review", Location: "Room 301"),
            new FakeScheduleItem("tentative", Wall(6, 1), Wall(6, 2), Subject: "Maybe lunch"),
            new FakeScheduleItem("oof", Wall(7, 0), Wall(8, 0), Subject: "Leave"),
            new FakeScheduleItem("workingElsewhere", Wall(9, 1), Wall(9, 2), Subject: "Site visit"),
            new FakeScheduleItem("free", Wall(9, 3), Wall(9, 4), Subject: "Focus time"),
            new FakeScheduleItem("unknown", Wall(12, 1), Wall(12, 2), Subject: "Imported"));

        var calendar = await Read(Source());

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal(["Budget review (Room 301)", "Maybe lunch", "Leave", "Site visit", "Imported"], calendar.Busy.Select(b => b.Title));
        Assert.Equal(InTaipei(5, 9), calendar.Busy[0].Start);
        Assert.All(calendar.Busy, b => Assert.Equal($"graph:{Address(1)}", b.Source));
        var request = Assert.Single(_graph.Requests);
        Assert.Equal($"/v1.0/users/{Leader(1)}/calendar/getSchedule", request.Path);
        Assert.Equal([Address(1)], request.Schedules);
        Assert.Equal("outlook.timezone=\"UTC\"", request.Prefer);
        Assert.Equal($"Bearer {FixedTokenCredential.Token}", request.Authorization);
    }

    [Fact]
    public async Task ReadAsync_PrivateItem_TitleIsBusyAndTimesAreKept()
    {
        _graph.Schedule(Address(1), new FakeScheduleItem("busy", Wall(5, 2), Wall(5, 3), Subject: "Doctor", IsPrivate: true));

        var busy = Assert.Single((await Read(Source())).Busy);

        Assert.Equal(LeaderBusyTime.PrivateTitle, busy.Title);
        Assert.True(busy.Private);
        Assert.Equal((InTaipei(5, 10), InTaipei(5, 11)), (busy.Start, busy.End));
    }

    [Fact]
    public async Task ReadAsync_ItemInPacificTime_LandsAtTheRightOfficeTime()
    {
        // 09:00 in Los Angeles (UTC-8 in January) is 17:00 UTC, 01:00 the next morning in Taipei.
        _graph.Schedule(Address(1), new FakeScheduleItem("busy", Wall(5, 9), Wall(5, 10), "Pacific Standard Time", "Call with HQ"));

        var busy = Assert.Single((await Read(Source())).Busy);

        Assert.Equal(InTaipei(6, 1), busy.Start);
        Assert.Equal(TimeSpan.FromHours(8), busy.Start.Offset);
        Assert.Equal(InTaipei(6, 2), busy.End);
    }

    [Fact]
    public async Task ReadAsync_WholeDayInTheOfficeZone_IsAllDay()
    {
        _graph.Schedule(Address(1), new FakeScheduleItem("oof", Wall(6, 16), Wall(7, 16), Subject: "Holiday"));

        var busy = Assert.Single((await Read(Source())).Busy);

        Assert.True(busy.AllDay);
        Assert.Equal(InTaipei(7, 0), busy.Start);
    }

    [Fact]
    public async Task ReadManyAsync_45Leaders_ThreeCallsOfAtMost20Schedules()
    {
        var source = Source(45);
        for (var n = 1; n <= 45; n++)
        {
            _graph.Schedule(Address(n), new FakeScheduleItem("busy", Wall(5, 1), Wall(5, 2), Subject: $"Meeting {n}"));
        }

        var calendars = await source.ReadManyAsync(Enumerable.Range(1, 45).Select(Leader).ToList(), Now, Now.AddDays(7), CancellationToken.None);

        Assert.Equal([20, 20, 5], _graph.Requests.Select(r => r.Schedules.Count));
        Assert.Equal(Enumerable.Range(1, 45).Select(Address), _graph.Requests.SelectMany(r => r.Schedules));
        Assert.Equal(Enumerable.Range(1, 45).Select(Leader), calendars.Select(c => c.LeaderObjectId));
        Assert.All(calendars, c => Assert.True(c.IsAvailable, c.Problem));
        Assert.Equal("Meeting 45", Assert.Single(calendars[44].Busy).Title);
    }

    [Fact]
    public async Task ReadAsync_50LeadersOneByOne_ThreeCallsThenFromMemoryUntilRefreshAfter()
    {
        var source = Source(50);

        for (var n = 1; n <= 50; n++)
        {
            Assert.True((await Read(source, n)).IsAvailable);
        }

        Assert.Equal(3, _graph.Requests.Count);
        _time.Advance(_options.RefreshAfter);
        await Read(source, 7);
        Assert.Equal(6, _graph.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_100DayRange_TwoWindowsOfAtMost62DaysMerged()
    {
        _graph.Schedule(Address(1),
            new FakeScheduleItem("busy", Wall(10, 1), Wall(10, 2), Subject: "January"),
            new FakeScheduleItem("busy", new DateTime(2026, 3, 30, 1, 0, 0), new DateTime(2026, 3, 30, 2, 0, 0), Subject: "March"));
        var source = Source();

        var calendar = await Read(source, days: 100);

        Assert.Equal([("2026-01-05T00:00:00", "2026-03-08T00:00:00"), ("2026-03-08T00:00:00", "2026-04-15T00:00:00")],
            _graph.Requests.Select(r => (r.StartTime, r.EndTime)));
        // The fake answers every item whatever the window; each is kept once.
        Assert.Equal(["January", "March"], calendar.Busy.Select(b => b.Title));
    }

    [Fact]
    public async Task ReadAsync_429WithRetryAfterOneSecond_RetriedOnceAfterWaitingASecond()
    {
        _graph.Schedule(Address(1), new FakeScheduleItem("busy", Wall(5, 1), Wall(5, 2), Subject: "Board"));
        _graph.Fault = n => n == 1 ? new GraphFault(429, RetryAfterSeconds: 1) : null;

        var calendar = await Read(Source());

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal("Board", Assert.Single(calendar.Busy).Title);
        Assert.Equal([429, 200], _graph.Requests.Select(r => r.Status));
        Assert.True(_graph.Requests[1].At - _graph.Requests[0].At >= TimeSpan.FromSeconds(0.95),
            $"retried after {(_graph.Requests[1].At - _graph.Requests[0].At).TotalSeconds:0.###} s");
    }

    [Fact]
    public async Task ReadAsync_Persistent503_UnavailableWithAProblemNotFree()
    {
        _graph.Fault = _ => new GraphFault(503, RetryAfterSeconds: 1);

        var calendar = await Read(Source());

        Assert.False(calendar.IsAvailable);
        Assert.Empty(calendar.Busy);
        Assert.Equal(Now, calendar.UnavailableSince);
        Assert.Contains("503", calendar.Problem);
        Assert.Equal(1 + _options.MaxRetries, _graph.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_RetryAfterLongerThanTheTimeout_FailsAtOnceInsteadOfWaiting()
    {
        _options.Timeout = TimeSpan.FromSeconds(3);
        _graph.Fault = _ => new GraphFault(429, RetryAfterSeconds: 120);
        var watch = Stopwatch.StartNew();

        var calendar = await Read(Source());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed.TotalSeconds:0.#} s");
        Assert.False(calendar.IsAvailable);
        Assert.Contains("429", calendar.Problem);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task ReadManyAsync_ErrorForOneSchedule_OnlyThatLeaderIsUnavailable()
    {
        var source = Source(3);
        _graph.Schedule(Address(1), new FakeScheduleItem("busy", Wall(5, 1), Wall(5, 2), Subject: "One"));
        _graph.ScheduleError(Address(2), "The user or mailbox was not found.");
        _graph.Schedule(Address(3), new FakeScheduleItem("busy", Wall(5, 3), Wall(5, 4), Subject: "Three"));

        var calendars = await source.ReadManyAsync([Leader(1), Leader(2), Leader(3)], Now, Now.AddDays(7), CancellationToken.None);

        Assert.Equal([true, false, true], calendars.Select(c => c.IsAvailable));
        Assert.Contains("The user or mailbox was not found.", calendars[1].Problem);
        Assert.Contains(Address(2), calendars[1].Problem);
        Assert.Equal(["One"], calendars[0].Busy.Select(b => b.Title));
        Assert.Equal(["Three"], calendars[2].Busy.Select(b => b.Title));
    }

    [Fact]
    public async Task ReadAsync_FailsAfterASuccessfulRead_KeepsTheLastBusyTimesButIsUnavailable()
    {
        _graph.Schedule(Address(1), new FakeScheduleItem("busy", Wall(5, 1), Wall(5, 2), Subject: "Board"));
        var source = Source();
        await Read(source);
        _graph.Fault = _ => new GraphFault(503);
        _options.MaxRetries = 0;
        _time.Advance(TimeSpan.FromMinutes(6));

        var calendar = await Read(source);

        Assert.False(calendar.IsAvailable);
        Assert.Equal(Now.AddMinutes(6), calendar.UnavailableSince);
        Assert.Equal(Now, calendar.ReadAt);
        Assert.Equal("Board", Assert.Single(calendar.Busy).Title);
    }

    [Fact]
    public async Task ReadAsync_LeaderWithoutMailbox_UnavailableAndNothingAsked()
    {
        var source = Source();

        var calendar = await source.ReadAsync(Leader(9), Now, Now.AddDays(7), CancellationToken.None);

        Assert.False(source.Covers(Leader(9)));
        Assert.False(calendar.IsAvailable);
        Assert.Contains("Office:Graph:Mailboxes", calendar.Problem);
        Assert.Empty(_graph.Requests);
    }
}
