using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Testing;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>A leader's iCalendar feed (a file next to the tests) and Outlook mailbox (a fake Graph) read as one calendar.</summary>
public sealed class CombinedLeaderCalendarSourceTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Leader = GraphLeaderCalendarSourceTests.Leader(1);
    private static readonly string Address = GraphLeaderCalendarSourceTests.Address(1);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly LeaderCalendarOptions _feeds = new() { RefreshAfter = TimeSpan.Zero };
    private GraphOptions _graphOptions = null!;
    private FakeGraph _graph = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graphOptions = new GraphOptions { Enabled = true, TenantId = "contoso", BaseUrl = _graph.BaseUrl, AllowHttpOnLoopback = true, MaxRetries = 0 };
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private CombinedLeaderCalendarSource Source(string? ics, bool mailbox)
    {
        if (ics is not null)
        {
            _feeds.Feeds.Add(new LeaderCalendarOptions.LeaderFeed { Leader = Leader, Ics = ics });
        }

        if (mailbox)
        {
            _graphOptions.Mailboxes.Add(new GraphOptions.LeaderMailbox { Leader = Leader, Address = Address });
        }

        var feeds = Options.Create(_feeds);
        var reader = new IcsFeedReader(new HttpClient(), _time, feeds, AppContext.BaseDirectory, NullLogger<IcsFeedReader>.Instance);
        var graph = new GraphLeaderCalendarSource(GraphClients.Create(_graphOptions, new FixedTokenCredential()), Options.Create(_graphOptions),
            Taipei, _time, NullLogger<GraphLeaderCalendarSource>.Instance);
        return new CombinedLeaderCalendarSource([new IcsLeaderCalendarSource(reader, feeds, Taipei, _time), graph], _time);
    }

    private static Task<LeaderCalendar> Read(ILeaderCalendarSource source) => source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

    [Fact]
    public async Task ReadAsync_FeedAndMailbox_UnionOfBothSortedByStart()
    {
        _graph.Schedule(Address, new FakeScheduleItem("busy", new DateTime(2026, 1, 6, 3, 0, 0), new DateTime(2026, 1, 6, 4, 0, 0), Subject: "Outlook meeting"));

        var calendar = await Read(Source("Meetings/Calendars/weekly.ics", mailbox: true));

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal(["Weekly review", "Outlook meeting", "Weekly review (moved)", "Weekly review", "Weekly review"], calendar.Busy.Select(b => b.Title));
        Assert.Equal(calendar.Busy.OrderBy(b => b.Start), calendar.Busy);
        Assert.Equal(["graph:leader1@contoso.com", "ics:Meetings/Calendars/weekly.ics"], calendar.Busy.Select(b => b.Source).Distinct().Order());
    }

    [Fact]
    public async Task ReadAsync_MailboxCannotBeRead_UnavailableWithGraphsProblemAndTheFeedsEventsKept()
    {
        _graph.ScheduleError(Address, "The user or mailbox was not found.");

        var calendar = await Read(Source("Meetings/Calendars/weekly.ics", mailbox: true));

        Assert.False(calendar.IsAvailable);
        Assert.Equal(Now, calendar.UnavailableSince);
        Assert.Contains("The user or mailbox was not found.", calendar.Problem);
        Assert.Equal(4, calendar.Busy.Count);
    }

    [Fact]
    public async Task ReadAsync_BothFail_EveryProblemNamed()
    {
        _graph.ScheduleError(Address, "The user or mailbox was not found.");

        var calendar = await Read(Source("Meetings/Calendars/missing.ics", mailbox: true));

        Assert.False(calendar.IsAvailable);
        Assert.Contains("missing.ics", calendar.Problem);
        Assert.Contains("The user or mailbox was not found.", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_OnlyAFeed_TheFeedAloneAndGraphNotAsked()
    {
        var calendar = await Read(Source("Meetings/Calendars/weekly.ics", mailbox: false));

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal(4, calendar.Busy.Count);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task ReadAsync_NeitherFeedNorMailbox_UnavailableNotFree()
    {
        var source = Source(null, mailbox: false);

        var calendar = await Read(source);

        Assert.False(source.Covers(Leader));
        Assert.False(calendar.IsAvailable);
        Assert.Contains("No calendar is connected", calendar.Problem);
        Assert.Empty(_graph.Requests);
    }
}
