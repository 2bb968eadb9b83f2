using OfficeBot.Application.People;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Delivery;

/// <summary>
/// Notifications and in-place updates against a Teams connector that misbehaves on purpose: throttling, 5xx storms,
/// people and chats that are gone. Every notification arrives once, none is lost, and none is sent again.
/// </summary>
public sealed class ProactiveDeliveryTests : IAsyncLifetime
{
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Wei, "help", "en-US");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Notification_ThrottledWithRetryAfter_IsDeliveredOnceAfterTheTimeTeamsAskedFor()
    {
        _bot.Connector.FailNext(ConnectorCallKind.Send, 1, Fault.Answer(429, TimeSpan.FromSeconds(2)));

        await _bot.AskAsync(Director, "new Press release lead @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();

        var attempts = _bot.Connector.Attempts.Where(a => a.Kind == ConnectorCallKind.Send && a.ConversationId == MeiChat).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Single(Notifications(MeiChat));
    }

    [Fact]
    public async Task Notification_ToAChatWhereTeamsHangs_DoesNotHoldUpAnyoneElses()
    {
        var hang = true;
        _bot.Connector.InjectFault((kind, chat) => hang && kind == ConnectorCallKind.Send && chat == MeiChat ? Fault.Slow(TimeSpan.FromMinutes(2)) : null);

        var arrivals = _bot.Connector.Arrivals;
        await _bot.AskAsync(Director, "new Stuck at Teams lead @陳小美", "en-US", mentions: [Mei]);

        // The reply, and the notification now hanging at Teams.
        await WaitUntilAsync(() => _bot.Connector.Arrivals >= arrivals + 2);
        await _bot.AskAsync(Director, "new Goes straight out lead @林阿偉", "en-US", mentions: [Wei]);

        await WaitUntilAsync(() => Notifications(WeiChat).Count == 1);
        hang = false;
        Assert.Contains("Goes straight out", Notifications(WeiChat)[0].CardText);
        Assert.Empty(Notifications(MeiChat));
    }

    [Fact]
    public async Task Notification_AfterThePollTicked_GoesOutAtOnce()
    {
        // The dispatcher's poll ticks (the bot's clock moves on) while nothing is due; a change after that must still wake it.
        _bot.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(200);

        await _bot.AskAsync(Director, "new After the tick lead @陳小美", "en-US", mentions: [Mei]);

        await WaitUntilAsync(() => Notifications(MeiChat).Count == 1);
    }

    [Fact]
    public async Task Notifications_DuringA503Storm_AreEachDeliveredOnceWhenTeamsRecovers()
    {
        var storm = true;
        _bot.Connector.InjectFault((kind, _) => storm && kind == ConnectorCallKind.Send ? Fault.Answer(503) : null);

        for (var i = 1; i <= 4; i++)
        {
            await _bot.AskAsync(Director, $"new Storm matter {i} lead @陳小美", "en-US", mentions: [Mei]);
        }

        await _bot.FollowUpsDoneAsync();
        Assert.Empty(Notifications(MeiChat));
        Assert.True(_bot.Connector.Attempts.Count(a => a.Status == 503) >= 8, "each notification was tried, and retried, during the storm");

        storm = false;
        await AdvanceUntilAsync(() => Notifications(MeiChat).Count >= 4);
        await AdvanceUntilAsync(() => false, rounds: 3);

        var delivered = Notifications(MeiChat).Select(c => c.Summary).ToList();
        Assert.Equal(4, delivered.Count);
        Assert.Equal(4, delivered.Distinct().Count());
        Assert.All(Enumerable.Range(1, 4), i => Assert.Contains(delivered, s => s!.Contains($"#{i}")));
    }

    [Fact]
    public async Task Notification_ToSomeoneWhoRemovedTheBot_IsRecordedAndDoesNotHoldUpTheOthers()
    {
        _bot.Connector.InjectFault((kind, conversation) => kind == ConnectorCallKind.Send && conversation == MeiChat ? Fault.Answer(403) : null);

        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();
        await AdvanceUntilAsync(() => false, rounds: 2);

        var people = (PeopleStore)_bot.Services.GetService(typeof(PeopleStore))!;
        var mei = await people.FindAsync(TenantA, Mei.AadObjectId, CancellationToken.None);
        Assert.NotNull(mei?.UnreachableSince);
        Assert.Equal("Gone", mei!.UnreachableReason);
        Assert.Single(_bot.Connector.Attempts, a => a.Kind == ConnectorCallKind.Send && a.ConversationId == MeiChat);
        Assert.Single(Notifications(WeiChat));
    }

    [Fact]
    public async Task SentCard_AnsweredNotFound_IsNeverUpdatedAgain()
    {
        var registered = await _bot.AskAsync(Director, "new Budget lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();
        _bot.Connector.InjectFault((kind, conversation) => kind == ConnectorCallKind.Update && conversation == WeiChat ? Fault.Answer(404) : null);

        await _bot.AskAsync(Mei, "progress #1 first draft", "en-US");
        await _bot.FollowUpsDoneAsync();
        await _bot.AskAsync(Mei, "progress #1 second draft", "en-US");
        await _bot.FollowUpsDoneAsync();

        Assert.Contains("#1", registered.CardText);
        Assert.Single(_bot.Connector.Attempts, a => a.Kind == ConnectorCallKind.Update && a.ConversationId == WeiChat);
        Assert.Contains(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.Update && c.ConversationId == MeiChat && c.CardText.Contains("second draft"));
    }

    [Fact]
    public async Task Notifications_ToOneChat_StayWithinTeamsRateLimits()
    {
        for (var i = 1; i <= 20; i++)
        {
            await _bot.AskAsync(Director, $"new Rate matter {i} lead @陳小美", "en-US", mentions: [Mei]);
        }

        await _bot.FollowUpsDoneAsync();

        var times = _bot.Connector.Attempts.Where(a => a.Kind == ConnectorCallKind.Send && a.ConversationId == MeiChat).Select(a => a.At).Order().ToList();
        Assert.Equal(20, times.Count);
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(1)) <= 7, $"at most 7 a second; saw {MostInAnyWindow(times, TimeSpan.FromSeconds(1))}");
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(2)) <= 8, $"at most 8 in 2 s; saw {MostInAnyWindow(times, TimeSpan.FromSeconds(2))}");
    }

    [Fact]
    public async Task Notifications_ToAConnectorThatThrottlesAsTeamsDoes_AreEachDeliveredOnceWithoutBeingThrottled()
    {
        _bot.Connector.EnforceTeamsRateLimits();

        // The director and a leader each assign to the same lead, three times a second (their own chats stay within Teams'
        // limits): together more notifications for the lead's chat than Teams takes there (8 in 2 s), so the bot must pace
        // them itself.
        await Task.WhenAll(new[] { Director, Leader }.Select(async (boss, b) =>
        {
            for (var i = b; i < 25; i += 2)
            {
                await _bot.AskAsync(boss, $"new Throttled matter {i + 1} lead @陳小美", "en-US", mentions: [Mei]);
                await Task.Delay(330);
            }
        }));

        await _bot.FollowUpsDoneAsync();

        var delivered = Notifications(MeiChat);
        Assert.Equal(25, delivered.Count);
        Assert.Equal(25, delivered.Select(c => c.CardText).Distinct().Count());
        Assert.True(_bot.Connector.Throttled == 0, string.Join("\n", _bot.Connector.Attempts.Select(a => $"{a.At:HH:mm:ss.fff} {a.Kind} {a.ConversationId} {a.Status}")));
    }

    [Fact]
    public async Task Notification_ToSomeoneMetOnlyInAChannel_OpensAPersonalChatWithThem()
    {
        var leader = new TeamsUser("29:chen", "陳科長", "aad-chen");
        _bot.Connector.AddMembers(leader.Roster);
        await _bot.SayInChannelAsync(leader, "help", "en-US");

        await _bot.AskAsync(Director, "new Channel-only lead @陳科長", "en-US", mentions: [leader]);
        await _bot.FollowUpsDoneAsync();

        var created = Assert.Single(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.CreateConversation);
        Assert.Equal(leader.TeamsUserId, created.Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TenantA, created.Body["tenantId"]!.GetValue<string>());
        Assert.Contains(_bot.Connector.Sent, c => c.ConversationId.StartsWith("a:personal-", StringComparison.Ordinal) && c.ConversationId != $"a:personal-{leader.AadObjectId}"
            && (c.Summary ?? string.Empty).Contains("#1"));
    }

    /// <summary>What the bot sent on its own into a chat (replies to the person's own messages are not notifications).</summary>
    private List<ConnectorCall> Notifications(string chat) => _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat).ToList();

    private static int MostInAnyWindow(IReadOnlyList<DateTimeOffset> times, TimeSpan window) =>
        times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < window).Count()).DefaultIfEmpty(0).Max();

    /// <summary>Waits on the real clock (the bot's own stands still) for what a person would see within seconds.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "not within 10 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Moves the bot's clock on (retries wait in its time) until <paramref name="done"/> or the rounds run out.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done, int rounds = 40)
    {
        for (var round = 0; round < rounds && !done(); round++)
        {
            _bot.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(250);
            await _bot.FollowUpsDoneAsync();
        }
    }
}
