using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Domain.Limits;
using static OfficeBot.Web.Tests.BotHost;
using static OfficeBot.Web.Tests.Inputs.InputProbe;

namespace OfficeBot.Web.Tests.Inputs;

/// <summary>
/// Card presses whose data or inputs are out of range, malformed or oversized, through the real pipeline: each is
/// answered 200 with a card that says what was wrong, and the stored matter is exactly as before.
/// </summary>
public sealed class CardInputTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private int _number;
    private int _revision;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Wei, "help", "en-US");
        var reply = await _bot.AskAsync(Director, "new Venue booking co @林阿偉", "en-US", mentions: [Wei]);
        (_number, _revision) = (Number(reply), Revision(reply));
        await _bot.FollowUpsDoneAsync();
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("4294967297")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    [InlineData("[1]")]
    public async Task Press_MatterNumberOutOfRange_IsAnsweredNotAMatterCard(string matter)
    {
        var before = await _bot.StoredAsync(_number);
        var data = JsonNode.Parse($$"""{"matter":{{matter}},"revision":{{_revision}}}""");

        var text = AnswerCardText(await _bot.InvokeAsync(Director, Execute(CardVerbs.Archive, data)));

        Assert.Contains("does not belong to a matter card", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Theory]
    [InlineData("1099511627776")]
    [InlineData("99999999999999999999")]
    [InlineData("-5")]
    [InlineData("\"x\"")]
    public async Task Press_RevisionOutOfRange_IsAnsweredWithTheFreshCardAndNothingApplied(string revision)
    {
        var before = await _bot.StoredAsync(_number);
        var data = JsonNode.Parse($$"""{"matter":{{_number}},"revision":{{revision}},"text":"should not be stored"}""");

        var text = AnswerCardText(await _bot.InvokeAsync(Director, Execute(CardVerbs.Urge, data)));

        Assert.Contains("out of date", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Fact]
    public async Task Press_VerbLongerThanTheLimit_IsAnsweredAsAnOlderCard()
    {
        var data = new JsonObject { ["matter"] = _number, ["revision"] = _revision };

        var text = AnswerCardText(await _bot.InvokeAsync(Director, Execute(new string('v', 100_000), data)));

        Assert.Contains("older version", text);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"matter.archive"}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":["x"],"data":7}}""")]
    [InlineData("null")]
    public async Task Invoke_MalformedValue_IsAnsweredWithALocalisedCard(string value)
    {
        var text = AnswerCardText(await _bot.InvokeAsync(Mei, JsonNode.Parse(value), "zh-TW"));

        Assert.Contains("卡片", text);
    }

    [Theory]
    [InlineData("2031-01-01garbage")]
    [InlineData("2026-12-1")]
    [InlineData("12/20/2026")]
    [InlineData("2026-02-30")]
    public async Task Instruct_DueNotExactlyADate_IsRefusedNamingTheForm(string due)
    {
        var before = await _bot.StoredAsync(_number);

        var text = await PressAsync(CardVerbs.Instruct, new() { [CardInputs.Lead] = Mei.AadObjectId, [CardInputs.Due] = due });

        Assert.Contains("YYYY-MM-DD", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Fact]
    public async Task Instruct_CoHandlerListWithAnUnknownId_IsRefusedAndTheRealCoHandlerStays()
    {
        var before = await _bot.StoredAsync(_number);

        var text = await PressAsync(CardVerbs.Instruct, new() { [CardInputs.Lead] = Mei.AadObjectId, [CardInputs.CoHandlers] = $"{Mei.AadObjectId},aad-nobody" });

        Assert.Contains("not known", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Fact]
    public async Task Instruct_TwentyThousandUnknownIds_IsRefusedWithTheLimitAndTheRealCoHandlerStays()
    {
        var before = await _bot.StoredAsync(_number);
        var ids = string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"aad-ghost-{i}"));

        var text = await PressAsync(CardVerbs.Instruct, new() { [CardInputs.Lead] = Mei.AadObjectId, [CardInputs.CoHandlers] = ids });

        Assert.Contains($"at most {InputLimits.CoHandlers} co-handlers", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
        Assert.Single((await _bot.StateAsync(_number)).CoHandlers, c => c.Person.ObjectId == Wei.AadObjectId);
    }

    [Fact]
    public async Task Instruct_UnknownLead_IsRefused()
    {
        var before = await _bot.StoredAsync(_number);

        var text = await PressAsync(CardVerbs.Instruct, new() { [CardInputs.Lead] = "aad-nobody" });

        Assert.Contains("not known", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Theory]
    [InlineData(CardVerbs.Urge, CardInputs.Text)]
    [InlineData(CardVerbs.Cancel, CardInputs.Reason)]
    [InlineData(CardVerbs.Instruct, CardInputs.Text)]
    public async Task Press_TextOverTheLimit_IsRefusedNamingTheLimitAndNothingIsStored(string verb, string input)
    {
        var before = await _bot.StoredAsync(_number);
        var inputs = new Dictionary<string, string> { [input] = new string('長', InputLimits.CardInput + 1) };
        if (verb == CardVerbs.Instruct)
        {
            inputs[CardInputs.Lead] = Mei.AadObjectId;
        }

        var text = await PressAsync(verb, inputs);

        Assert.Contains($"keep it to {InputLimits.CardInput}", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Fact]
    public async Task Press_Opinion600000Characters_IsRefusedAndNothingIsStored()
    {
        var before = await _bot.StoredAsync(_number);

        var text = await PressAsync(CardVerbs.Opinion, new() { [CardInputs.Text] = new string('意', 600_000) }, Wei);

        Assert.Contains("too long", text);
        Assert.Equal(before, await _bot.StoredAsync(_number));
    }

    [Fact]
    public async Task Instruct_OnAMatterOf60CoHandlers_IsApplied()
    {
        var colleagues = Colleagues(InputLimits.CoHandlers);
        _bot.Connector.AddMembers([.. colleagues.Select(c => c.Roster)]);
        var reply = await _bot.AskAsync(Director, "new Census " + string.Join(' ', colleagues.Select(c => $"co @{c.Name}")), "en-US", mentions: colleagues);
        var number = Number(reply);

        var (status, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, number, Revision(reply),
            new Dictionary<string, string> { [CardInputs.Lead] = Mei.AadObjectId, [CardInputs.CoHandlers] = Wei.AadObjectId, [CardInputs.Text] = "請協助" });

        Assert.Equal(200, status);
        Assert.NotNull(body["value"]);
        var state = await _bot.StateAsync(number);
        Assert.Equal(Mei.AadObjectId, state.Lead?.ObjectId);
        Assert.Single(state.CoHandlers);
    }

    private async Task<string> PressAsync(string verb, Dictionary<string, string> inputs, TeamsUser? by = null)
    {
        var data = new JsonObject { ["matter"] = _number, ["revision"] = _revision };
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        return AnswerCardText(await _bot.InvokeAsync(by ?? Director, Execute(verb, data)));
    }
}
