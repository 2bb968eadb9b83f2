using System.Text;
using OfficeBot.Application.Outbox;
using OfficeBot.Testing;
using OfficeBot.Testing.Azurite;
using OfficeBot.Testing.EndToEnd;
using static OfficeBot.Web.Tests.BotHost;
using static OfficeBot.Web.Tests.Delivery.BotProcessSteps;

namespace OfficeBot.Web.Tests.Delivery;

/// <summary>
/// The outbox's promise: what a committed change must send is sent once — after a <c>kill -9</c> in the middle of
/// sending, and when two instances share one Azure Tables store.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class CrashAndScaleOutTests(AzuriteFixture azurite)
{
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";

    [Fact]
    public async Task Notifications_InFlightWhenTheBotIsKilled_AreEachDeliveredOnceAfterRestart()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.AddMembers(Director.Roster, Mei.Roster, Wei.Roster);
        var slow = true;
        connector.InjectFault((kind, _) => slow && kind == ConnectorCallKind.Send ? Fault.Slow(TimeSpan.FromMinutes(2)) : null);
        var folder = Path.Combine(Path.GetTempPath(), "officebot-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string>
        {
            ["Office:Directors:0"] = Director.AadObjectId,
            ["Outbox:Lease"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Bot:TrustedServiceHosts:0"] = "127.0.0.1",
        };
        var bot = typeof(Program).Assembly.Location;
        using var http = new HttpClient();

        var first = await BotProcess.StartAsync(bot, settings, folder);
        await PostAsync(http, first, Activities.Personal(Mei, "help", "en-US", TenantA, connector.ServiceUrl, []));
        for (var i = 1; i <= 4; i++)
        {
            await PostAsync(http, first, Activities.Personal(Director, $"new Crash matter {i} lead @陳小美", "en-US", TenantA, connector.ServiceUrl, [Mei]));
        }

        // Every notification is on its way to Teams (and hanging there) when the process dies: one reply to Mei, four to
        // the director, four notifications.
        await WaitUntilAsync(() => connector.Arrivals >= 1 + 4 + 4, TimeSpan.FromSeconds(30), () => string.Join("\n", connector.Attempts));
        await first.DisposeAsync();
        var deliveredBeforeRestart = Notifications(connector, MeiChat).Count;
        slow = false;

        await using var second = await BotProcess.StartAsync(bot, settings, folder);
        await WaitUntilAsync(() => Notifications(connector, MeiChat).Count >= 4, TimeSpan.FromSeconds(60), second.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var delivered = Notifications(connector, MeiChat).Select(c => c.Summary ?? string.Empty).ToList();
        Assert.Equal(0, deliveredBeforeRestart);
        Assert.Equal(4, delivered.Count);
        Assert.All(Enumerable.Range(1, 4), i => Assert.Single(delivered, s => s.Contains($"#{i} ")));
    }

    [Fact]
    public async Task TwoInstancesOnOneStore_EachNotificationIsSentOnce_AndACrashedInstancesWorkIsTakenOver()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Tables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Tables:TablePrefix"] = AzuriteFixture.UniqueTablePrefix(),
            ["Outbox:Lease"] = "00:00:10",
        };
        await using var connector = await FakeConnector.StartAsync();
        var a = await BotHost.StartAsync(connector: connector, settings: settings);
        var b = await BotHost.StartAsync(connector: connector, settings: settings);
        try
        {
            await a.AskAsync(Director, "help", "en-US");
            await a.AskAsync(Mei, "help", "en-US");
            await b.AskAsync(Wei, "help", "en-US");

            await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
                (i % 2 == 0 ? a : b).AskAsync(Director, $"new Shared matter {i} lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei])));
            await Task.WhenAll(a.FollowUpsDoneAsync(), b.FollowUpsDoneAsync());

            // Both sweep every tenant at the same moment: whatever is left, only one of them may take it.
            a.Clock.Advance(TimeSpan.FromMinutes(1));
            b.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(Dispatcher(a).RunOnceAsync(CancellationToken.None), Dispatcher(b).RunOnceAsync(CancellationToken.None));

            Assert.Equal(10, Notifications(connector, MeiChat).Select(c => c.Summary).Distinct().Count());
            Assert.Equal(10, Notifications(connector, MeiChat).Count);
            Assert.Equal(10, Notifications(connector, WeiChat).Count);

            // A third instance takes a notification and dies while Teams is slow to answer.
            var hang = true;
            connector.InjectFault((kind, _) => hang && kind == ConnectorCallKind.Send ? Fault.Slow(TimeSpan.FromMinutes(2)) : null);
            var c = await BotHost.StartAsync(connector: connector, settings: settings);
            c.Clock.Advance(TimeSpan.FromMinutes(1));
            var arrivals = connector.Arrivals;
            await c.AskAsync(Director, "new Taken over lead @陳小美", "en-US", mentions: [Mei]);

            // The reply to the director, and the notification hanging at Teams.
            await WaitUntilAsync(() => connector.Arrivals >= arrivals + 2, TimeSpan.FromSeconds(20), () => string.Join("\n", connector.Attempts));
            await c.DisposeAsync();
            hang = false;

            // Before its lease runs out nobody else touches it; after, the other instance sends it.
            await Dispatcher(b).RunOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(Notifications(connector, MeiChat), n => (n.Summary ?? string.Empty).Contains("#11"));
            b.Clock.Advance(TimeSpan.FromMinutes(2));
            await Dispatcher(b).RunOnceAsync(CancellationToken.None);

            Assert.Single(Notifications(connector, MeiChat), n => (n.Summary ?? string.Empty).Contains("#11"));
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private static OutboxDispatcher Dispatcher(BotHost host) => (OutboxDispatcher)host.Services.GetService(typeof(OutboxDispatcher))!;

    private static List<ConnectorCall> Notifications(FakeConnector connector, string chat) =>
        connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat).ToList();
}
