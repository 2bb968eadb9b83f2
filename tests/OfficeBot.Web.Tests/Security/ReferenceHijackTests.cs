using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// The attack found by probing: a forged message carrying a real user's aadObjectId and the attacker's serviceUrl
/// replaced that user's stored address, and the next assignment to them ("Confidential merger plan") was posted to the
/// attacker. A stored address now moves only for a consistent activity, and never for an anonymous one over an
/// authenticated one.
/// </summary>
public sealed class ReferenceHijackTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private FakeConnector _attacker = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _attacker = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _attacker.DisposeAsync();
        await _bot.DisposeAllAsync();
    }

    [Fact]
    public async Task ForgedMessageWithAUsersObjectId_DoesNotRedirectTheirNextAssignment()
    {
        await _bot.AskAsync(Mei, "help", "en-US");

        // The attacker speaks as Mei, from their own connector (loopback is trusted here, as on a developer's machine).
        var forged = Activities.Personal(Mei, "help", "en-US", TenantA, _attacker.ServiceUrl, []);
        forged["id"] = "forged-1";
        await _bot.PostRawAsync(forged.ToJsonString());
        var forgedInAnotherChat = Activities.Personal(Mei, "help", "en-US", TenantA, _attacker.ServiceUrl, []);
        forgedInAnotherChat["conversation"]!["id"] = "a:attacker-chat";
        await _bot.PostRawAsync(forgedInAnotherChat.ToJsonString());
        var answeredToTheForgeries = _attacker.Calls.Count;

        await _bot.AskAsync(Director, "new Confidential merger plan lead @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();

        Assert.Equal(answeredToTheForgeries, _attacker.Calls.Count);
        Assert.DoesNotContain(_attacker.Calls, c => c.CardText.Contains("Confidential merger plan"));
        Assert.Contains(_bot.Connector.Sent, c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Mei.AadObjectId}" && c.CardText.Contains("Confidential merger plan"));
        var saved = await Probe.SavedForAsync(_bot, Mei);
        Assert.Equal(_bot.Connector.ServiceUrl, saved!.ServiceUrl);
    }

    [Fact]
    public async Task SomeoneElseInAPersonalChat_DoesNotTakeItsAddress()
    {
        await _bot.AskAsync(Mei, "help", "en-US");
        var intruder = Activities.Personal(Wei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []);
        intruder["conversation"]!["id"] = $"a:personal-{Mei.AadObjectId}";

        await _bot.PostRawAsync(intruder.ToJsonString());

        var chat = await Probe.Conversations(_bot).ForConversationAsync(TenantA, $"a:personal-{Mei.AadObjectId}", CancellationToken.None);
        Assert.Equal(Mei.AadObjectId, chat!.OwnerObjectId);
        Assert.Null(await Probe.SavedForAsync(_bot, Wei));
    }

    [Fact]
    public void AnonymousActivity_NeverReplacesAnAuthenticatedAddress()
    {
        var authenticated = new OfficeBot.Application.Conversations.SavedConversation(TenantA, "https://smba.trafficmanager.net/amer/", "a:1", "personal", "{}", DateTimeOffset.UtcNow, true, Mei.AadObjectId);
        var anonymousSameUrl = authenticated with { Authenticated = false };
        var tokenNewUrl = authenticated with { ServiceUrl = "https://smba.trafficmanager.net/emea/" };

        Assert.False(authenticated.MayBeReplacedBy(anonymousSameUrl));
        Assert.True(authenticated.MayBeReplacedBy(tokenNewUrl));
        Assert.False(anonymousSameUrl.MayBeReplacedBy(anonymousSameUrl with { ServiceUrl = "http://127.0.0.1:1/" }));
        Assert.False(authenticated.MayBeReplacedBy(tokenNewUrl with { OwnerObjectId = Wei.AadObjectId }));
    }
}
