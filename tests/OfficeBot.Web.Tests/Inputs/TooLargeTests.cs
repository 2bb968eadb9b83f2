using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.People;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;
using static OfficeBot.Web.Tests.Inputs.InputProbe;

namespace OfficeBot.Web.Tests.Inputs;

/// <summary>
/// A row the storage port refuses as too large (here: a sender whose display name is 300,000 CJK characters, 1.8 MB as
/// sent to Azure Tables) is answered in chat and on a card with a localised "too large", and nothing is written.
/// </summary>
public sealed class TooLargeTests : IAsyncLifetime
{
    private static readonly TeamsUser HugeMei = Mei with { Name = new string('美', 300_000) };

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Mei, "help", "en-US");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Message_FromASenderTooLargeToStore_IsAnsweredTooLargeInTheirLanguage()
    {
        var reply = await _bot.AskAsync(HugeMei, "help", "zh-TW");

        Assert.Contains("內容太大", reply.Text ?? reply.CardText);
        Assert.Equal("陳小美", (await KnownMeiAsync())?.DisplayName);
    }

    [Fact]
    public async Task Press_FromASenderTooLargeToStore_IsAnsweredWithATooLargeCard()
    {
        var data = new JsonObject { ["matter"] = 1, ["revision"] = 1 };

        var text = AnswerCardText(await _bot.InvokeAsync(HugeMei, Execute(CardVerbs.Refresh, data), "zh-CN"));

        Assert.Contains("内容太大", text);
        Assert.Equal("陳小美", (await KnownMeiAsync())?.DisplayName);
    }

    private Task<KnownPerson?> KnownMeiAsync() =>
        _bot.Services.GetRequiredService<PeopleStore>().FindAsync(TenantA, Mei.AadObjectId, CancellationToken.None);
}
