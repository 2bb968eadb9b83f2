using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.People;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using OfficeBot.Web.Tests.Inputs;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The director picks people with Teams' people picker, which searches the whole organisation and answers Entra object
/// ids: through the real pipeline, a colleague the bot has never met is named by the roster of the chat where the card
/// was pressed, and an id that no roster knows is refused with nothing changed.
/// </summary>
public sealed class PeoplePickerTests : IAsyncLifetime
{
    /// <summary>In the office's directory and in the roster, but has never written to the bot.</summary>
    private static readonly TeamsUser Newcomer = new("29:newcomer", "張新來", "5b1f3a52-8c1e-4f0e-9d2a-7c4b1e6f0a11");

    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _bot.Connector.AddMembers(Newcomer.Roster);
        await _bot.AskAsync(Director, "help", "en-US");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Instruct_LeadPickedFromTheDirectoryWhomTheBotNeverMet_LeadsTheMatterUnderTheirNameAndIsTold()
    {
        var registered = await _bot.AskAsync(Director, "new Office move plan", "en-US");
        var number = InputProbe.Number(registered);
        var mark = _bot.Connector.Calls.Count;

        var (status, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, number, InputProbe.Revision(registered),
            new Dictionary<string, string> { [CardInputs.Lead] = Newcomer.AadObjectId, [CardInputs.Text] = "請規劃搬遷" });
        await _bot.FollowUpsDoneAsync();

        Assert.Equal(200, status);
        Assert.Contains("張新來", InputProbe.AnswerCardText((status, body.ToJsonString())));
        var state = await _bot.StateAsync(number);
        Assert.Equal((Newcomer.AadObjectId, "張新來"), (state.Lead?.ObjectId, state.Lead?.DisplayName));
        var known = await _bot.Services.GetRequiredService<PeopleStore>().FindAsync(TenantA, Newcomer.AadObjectId, CancellationToken.None);
        Assert.Equal(Newcomer.TeamsUserId, known?.TeamsUserId);

        // The bot has no chat with them yet: it opens one with the Teams id the roster gave, and tells them.
        var created = Assert.Single(_bot.Connector.CallsSince(mark), c => c.Kind == ConnectorCallKind.CreateConversation);
        Assert.Equal(Newcomer.TeamsUserId, created.Body["members"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("c4a1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e")]
    [InlineData("not-an-object-id")]
    public async Task Instruct_LeadInNoRoster_IsRefusedSayingWhoCanBePickedAndNothingChanges(string id)
    {
        var registered = await _bot.AskAsync(Director, "new Office move plan", "en-US");
        var number = InputProbe.Number(registered);
        var before = await _bot.StoredAsync(number);

        var (status, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, number, InputProbe.Revision(registered),
            new Dictionary<string, string> { [CardInputs.Lead] = id, [CardInputs.CoHandlers] = Newcomer.AadObjectId });

        Assert.Equal(200, status);
        Assert.Contains("must be in this chat or team, or have used OfficeBot", InputProbe.AnswerCardText((status, body.ToJsonString())));
        Assert.Equal(before, await _bot.StoredAsync(number));
        var people = _bot.Services.GetRequiredService<PeopleStore>();
        Assert.Null(await people.FindAsync(TenantA, id, CancellationToken.None));
        Assert.Null(await people.FindAsync(TenantA, Newcomer.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task PickedInAPersonalChat_IsFoundInTheRosterOfAGroupChatTheBotIsIn()
    {
        // As in Teams: the director's personal chat with the bot has only the director in its roster.
        _bot.Connector.PersonalRostersHoldOnlyTheirPerson = true;
        await _bot.SendAsync(Activities.GroupChat(Mei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []));
        var registered = await _bot.AskAsync(Director, "new Office move plan", "en-US");
        var number = InputProbe.Number(registered);

        var (status, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, number, InputProbe.Revision(registered),
            new Dictionary<string, string> { [CardInputs.Lead] = Newcomer.AadObjectId });

        Assert.Equal(200, status);
        Assert.Contains("張新來", InputProbe.AnswerCardText((status, body.ToJsonString())));
        Assert.Equal(Newcomer.AadObjectId, (await _bot.StateAsync(number)).Lead?.ObjectId);
        Assert.Contains(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.GetMember && c.ConversationId == Activities.GroupChatId);
    }

    [Fact]
    public async Task PickedInAPersonalChat_WithNoSharedChatKnowingThem_IsRefusedAndNothingChanges()
    {
        _bot.Connector.PersonalRostersHoldOnlyTheirPerson = true;
        var registered = await _bot.AskAsync(Director, "new Office move plan", "en-US");
        var number = InputProbe.Number(registered);
        var before = await _bot.StoredAsync(number);

        var (status, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, number, InputProbe.Revision(registered),
            new Dictionary<string, string> { [CardInputs.Lead] = Newcomer.AadObjectId });

        Assert.Equal(200, status);
        Assert.Contains("must be in this chat or team, or have used OfficeBot", InputProbe.AnswerCardText((status, body.ToJsonString())));
        Assert.Equal(before, await _bot.StoredAsync(number));
    }
}
