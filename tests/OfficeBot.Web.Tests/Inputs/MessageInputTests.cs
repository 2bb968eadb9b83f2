using OfficeBot.Domain.Limits;
using static OfficeBot.Web.Tests.BotHost;
using static OfficeBot.Web.Tests.Inputs.InputProbe;

namespace OfficeBot.Web.Tests.Inputs;

/// <summary>Chat commands over the limits, through the real pipeline: a clear answer naming the limit, and nothing stored.</summary>
public sealed class MessageInputTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task New_With95CoHandlers_IsRefusedNamingTheLimitAndRegistersNothing()
    {
        // Was: a batch of 101 operations, "Sorry, something went wrong".
        var colleagues = Colleagues(95);
        _bot.Connector.AddMembers([.. colleagues.Select(c => c.Roster)]);

        var reply = await _bot.AskAsync(Director, "new Census lead @陳小美 " + string.Join(' ', colleagues.Select(c => $"co @{c.Name}")), "en-US", mentions: [Mei, .. colleagues]);

        Assert.Contains($"at most {InputLimits.CoHandlers} co-handlers", reply.CardText);
        Assert.Null(await _bot.StoredAsync(1));
    }

    [Fact]
    public async Task New_With60CoHandlers_IsRegistered()
    {
        var colleagues = Colleagues(InputLimits.CoHandlers);
        _bot.Connector.AddMembers([.. colleagues.Select(c => c.Roster)]);

        var reply = await _bot.AskAsync(Director, "new Census lead @陳小美 " + string.Join(' ', colleagues.Select(c => $"co @{c.Name}")), "en-US", mentions: [Mei, .. colleagues]);

        Assert.Equal(InputLimits.CoHandlers, (await _bot.StateAsync(Number(reply))).CoHandlers.Count);
    }

    [Fact]
    public async Task Progress_50KilobyteNote_IsRefusedNamingTheLimitAndNotStored()
    {
        var number = Number(await _bot.AskAsync(Mei, "new Budget lead @陳小美", "en-US", mentions: [Mei]));
        var before = await _bot.StoredAsync(number);

        var reply = await _bot.AskAsync(Mei, $"progress #{number} " + new string('x', 50_000), "en-US");

        Assert.Contains($"a note in {InputLimits.Text}", reply.CardText);
        Assert.Equal(before, await _bot.StoredAsync(number));
    }

    [Fact]
    public async Task Progress_NoteOneOverTheTextLimit_IsRefusedNamingTheLimit()
    {
        var number = Number(await _bot.AskAsync(Mei, "new Budget lead @陳小美", "en-US", mentions: [Mei]));
        var before = await _bot.StoredAsync(number);

        var reply = await _bot.AskAsync(Mei, $"progress #{number} " + new string('x', InputLimits.Text + 1), "en-US");

        // The parser answers first, with the length it counted; the domain would refuse it too (Domain tests).
        Assert.Contains($"({InputLimits.Text + 1} characters); keep it to {InputLimits.Text}", reply.CardText);
        Assert.Equal(before, await _bot.StoredAsync(number));
    }

    [Fact]
    public async Task Progress_PrivateUseCharacter_IsAnsweredNotCrashed()
    {
        var number = Number(await _bot.AskAsync(Mei, "new Budget lead @陳小美", "en-US", mentions: [Mei]));
        var before = await _bot.StoredAsync(number);

        var reply = await _bot.AskAsync(Mei, $"progress #{number} \uE000", "en-US");

        Assert.Contains("garbled", reply.CardText);
        Assert.Equal(before, await _bot.StoredAsync(number));
    }

    [Fact]
    public async Task Extend_To9999_IsRefusedNotCrashed()
    {
        var number = Number(await _bot.AskAsync(Director, "new Budget lead @陳小美 due Dec 10", "en-US", mentions: [Mei]));
        var before = await _bot.StoredAsync(number);

        var reply = await _bot.AskAsync(Director, $"extend #{number} 9999-12-31", "en-US");

        // Whether the chat parser reads this date is the date parser's business; either way it is refused, not a crash.
        Assert.True(reply.CardText.Contains("9999", StringComparison.Ordinal) || reply.CardText.Contains($"{InputLimits.DueHorizonYears} years", StringComparison.Ordinal), reply.CardText);
        Assert.DoesNotContain("went wrong", reply.CardText);
        Assert.Equal(before, await _bot.StoredAsync(number));
    }

    [Fact]
    public async Task Message_OverTheMessageLimit_IsAnsweredWithTheLimitAndRegistersNothing()
    {
        var reply = await _bot.AskAsync(Mei, "new " + new string('報', InputLimits.Message), "en-US");

        Assert.Contains($"{InputLimits.Message}", reply.CardText);
        Assert.Null(await _bot.StoredAsync(1));
    }
}
