using System.Net;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>Which tenant an activity belongs to decides whose matters it sees: both places Teams names it must agree, and the channel must be Teams.</summary>
public sealed class TenantScreenTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Message_WhoseTwoTenantIdsDiffer_IsRefusedWith400AndNothingStored()
    {
        await _bot.AskAsync(Director, "new Tenant B secret", "en-US", tenant: TenantB);
        var activity = Activities.Personal(Mei, "show #1", "en-US", TenantA, _bot.Connector.ServiceUrl, []);
        activity["channelData"]!["tenant"]!["id"] = TenantB;
        var before = _bot.Connector.Calls.Count;

        var (status, error) = await Probe.RefusalAsync(await _bot.PostRawAsync(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tenant", error);
        Assert.Equal(before, _bot.Connector.Calls.Count);
        Assert.Null(await Probe.SavedForAsync(_bot, Mei, TenantA));
        Assert.Null(await Probe.SavedForAsync(_bot, Mei, TenantB));
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("directline")]
    [InlineData("")]
    public async Task Message_FromAnotherChannel_IsRefusedWith403(string channel)
    {
        var activity = Activities.Personal(Mei, "new From elsewhere", "en-US", TenantA, _bot.Connector.ServiceUrl, []);
        activity["channelId"] = channel;

        var (status, error) = await Probe.RefusalAsync(await _bot.PostRawAsync(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("msteams", error);
        Assert.Empty(_bot.Connector.Calls);
        await Probe.AssertNoMatterAsync(_bot);
    }

    [Fact]
    public async Task PlaygroundEmulatorChannel_IsAcceptedInTheLocalEnvironments()
    {
        var activity = Activities.Personal(Mei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []);
        activity["channelId"] = "emulator";

        var response = await _bot.PostRawAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
