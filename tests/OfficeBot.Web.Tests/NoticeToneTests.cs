using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Confirmations and news read as such through the real pipeline; only problems are drawn in warning colours.</summary>
public sealed class NoticeToneTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Progress_Recorded_IsConfirmedInGoodColours()
    {
        await _bot.AskAsync(Director, "new Budget memo lead @陳小美", "en-US", mentions: [Mei]);

        var reply = await _bot.AskAsync(Mei, "progress #1 first draft sent", "en-US");

        Assert.Contains("Progress on #1 recorded.", reply.CardText);
        Assert.Equal("good", reply.Card!["body"]![0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decision_ToldToTheLead_IsNewsNotAWarning()
    {
        await _bot.AskAsync(Director, "new Budget memo lead @陳小美", "en-US", mentions: [Mei]);
        var asked = await _bot.AskAsync(Mei, "done #1 filed", "en-US");
        await _bot.FollowUpsDoneAsync();
        var mark = _bot.Connector.Calls.Count;

        await _bot.PressAsync(Director, CardVerbs.ApproveCompletion, 1, asked.Card!["refresh"]!["action"]!["data"]!["revision"]!.GetValue<int>());
        await _bot.FollowUpsDoneAsync();

        var toMei = Assert.Single(_bot.Connector.CallsSince(mark), c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Mei.AadObjectId}");
        Assert.Contains("approved completion", toMei.CardText);
        Assert.Equal("emphasis", toMei.Card!["body"]![0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refusal_IsStillAWarning()
    {
        await _bot.AskAsync(Director, "new Budget memo lead @陳小美", "en-US", mentions: [Mei]);
        var registered = await _bot.AskAsync(Mei, "show #1", "en-US");

        var (_, body) = await _bot.PressAsync(Mei, CardVerbs.Archive, 1, registered.Card!["refresh"]!["action"]!["data"]!["revision"]!.GetValue<int>());

        Assert.Equal("warning", body["value"]!["body"]![0]!["style"]!.GetValue<string>());
    }
}
