using System.Net;
using OfficeBot.Application.Conversations;
using OfficeBot.Testing;
using OfficeBot.Web.Security;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// The bot posts cards, with its own credentials, wherever an activity's serviceUrl points: only Bot Framework and Teams
/// hosts are trusted (loopback only on a developer's machine and in these tests), and a refused activity leaves nothing
/// behind.
/// </summary>
public sealed class ServiceUrlTrustTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://evil-botframework.com/")]
    [InlineData("https://smba.evil.trafficmanager.net/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://user@smba.trafficmanager.net/amer/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("not a url")]
    public async Task Message_WithUntrustedServiceUrl_IsRefusedWith403AndNothingStored(string serviceUrl)
    {
        var activity = Activities.Personal(Mei, "new Leak the merger plan", "en-US", TenantA, serviceUrl, []);

        var (status, error) = await Probe.RefusalAsync(await _bot.PostRawAsync(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("serviceUrl", error);
        Assert.Null(await Probe.SavedForAsync(_bot, Mei));
        Assert.Empty(_bot.Connector.Calls);
        await Probe.AssertNoMatterAsync(_bot);
    }

    [Fact]
    public async Task CardPress_WithUntrustedServiceUrl_IsRefusedBeforeAnyCardIsDrawn()
    {
        await _bot.AskAsync(Director, "new Budget lead @陳小美", "en-US", mentions: [Mei]);
        var invoke = Activities.Personal(Mei, string.Empty, "en-US", TenantA, "https://evil.example/", []);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.Execute", ["verb"] = "accept", ["data"] = new System.Text.Json.Nodes.JsonObject { ["matter"] = 1, ["revision"] = 1 } },
        };

        var response = await _bot.PostRawAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("AdaptiveCard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reply_RedirectedByTheConnector_IsNotFollowed()
    {
        await using var attacker = await FakeConnector.StartAsync();
        _bot.Connector.InjectFault((kind, _) => kind is ConnectorCallKind.Reply or ConnectorCallKind.Send ? new Fault(RedirectTo: attacker.ServiceUrl + "v3/conversations/x/activities") : null);

        await _bot.PostRawAsync(Activities.Personal(Mei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []).ToJsonString());

        Assert.Contains(_bot.Connector.Attempts, a => a.Status == 302);
        Assert.Equal(0, attacker.Arrivals);
    }

    [Fact]
    public async Task Notification_ToAStoredReferenceWithAnUntrustedServiceUrl_IsNotSentThereButThroughTheTrustedService()
    {
        // An address stored before the rule existed (or by an older version) names a stranger's host.
        var conversations = Probe.Conversations(_bot);
        await conversations.SaveForUserAsync(Mei.AadObjectId, new SavedConversation(TenantA, "https://evil.example/", $"a:personal-{Mei.AadObjectId}", "personal",
            new System.Text.Json.Nodes.JsonObject
            {
                ["serviceUrl"] = "https://evil.example/",
                ["channelId"] = "msteams",
                ["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = $"a:personal-{Mei.AadObjectId}" },
                ["bot"] = new System.Text.Json.Nodes.JsonObject { ["id"] = BotId },
            }.ToJsonString(),
            DateTimeOffset.UtcNow), CancellationToken.None);

        await _bot.AskAsync(Director, "new Confidential merger plan lead @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();

        // The stored address is never used; Mei's Teams id (from the roster look-up of the @mention) opens a new chat with
        // her through the Teams service the director's own message came from.
        var sends = _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send).ToList();
        Assert.Contains(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.CreateConversation);
        var send = Assert.Single(sends);
        Assert.NotEqual($"a:personal-{Mei.AadObjectId}", send.ConversationId);
        Assert.Contains("Confidential merger plan", send.CardText);
    }

    [Fact]
    public async Task ConnectorClients_ForManyServiceUrls_StayBounded()
    {
        var cache = (OfficeBot.Web.Bot.ConnectorClientCache)_bot.Services.GetService(typeof(Microsoft.Bot.Connector.Authentication.BotFrameworkAuthentication))!;
        var factory = cache.CreateConnectorFactory(new System.Security.Claims.ClaimsIdentity());

        for (var i = 0; i < 3 * OfficeBot.Web.Bot.ConnectorClientCache.Capacity; i++)
        {
            await factory.CreateAsync($"https://region{i}.botframework.com/", "https://api.botframework.com", CancellationToken.None);
        }

        Assert.Equal(OfficeBot.Web.Bot.ConnectorClientCache.Capacity, cache.Count);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => factory.CreateAsync("https://evil.example/", "https://api.botframework.com", CancellationToken.None));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", false, true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/", false, true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/", false, true)]
    [InlineData("https://webchat.botframework.com/", false, true)]
    [InlineData("https://europe.webchat.botframework.com/", false, true)]
    [InlineData("https://token.botframework.azure.us/", false, true)]
    [InlineData("http://127.0.0.1:3978/", false, false)]
    [InlineData("http://localhost:56150/_connector", false, false)]
    [InlineData("http://[::1]:56150/", false, false)]
    [InlineData("http://127.0.0.1:3978/", true, true)]
    [InlineData("http://localhost:56150/_connector", true, true)]
    [InlineData("https://teams.contoso.example/", false, true)]
    [InlineData("https://a.relay.contoso.example/", false, true)]
    [InlineData("https://relay.contoso.example/", false, false)]
    public void Policy_TrustsBotFrameworkHostsOperatorHostsAndLoopbackOnlyLocally(string serviceUrl, bool local, bool trusted)
    {
        var policy = new ServiceUrlPolicy(["teams.contoso.example", "*.relay.contoso.example"], local);

        Assert.Equal(trusted, policy.IsTrusted(serviceUrl));
    }
}
