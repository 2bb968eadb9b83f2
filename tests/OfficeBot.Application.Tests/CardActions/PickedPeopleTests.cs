using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.CardActions;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Actions;
using OfficeBot.Commands;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Application.Tests.CardActions;

/// <summary>
/// The instruct form's people picker searches the whole organisation, so the director may pick a colleague OfficeBot has
/// never met. Through the real card-action dispatcher on SQLite: such a person is accepted when the roster of the chat
/// where the card was pressed knows them, and the press is refused, with nothing stored, when it does not.
/// </summary>
public sealed class PickedPeopleTests : IAsyncLifetime, IDisposable
{
    private const string Tenant = "tenant-a";
    private static readonly Person Director = new("d-1", "王主任");
    private static readonly ConversationMember Newcomer = new(new Person("5b1f3a52-8c1e-4f0e-9d2a-7c4b1e6f0a11", "張新來"), "29:newcomer");
    private static readonly ConversationMember Another = new(new Person("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b", "周同事"), "29:another");
    private const string Stranger = "c4a1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e";

    private readonly Roster _roster = new(Newcomer, Another);
    private SqliteOffice _office = null!;
    private CardActionDispatcher _dispatcher = null!;
    private MatterService _matters = null!;
    private PeopleStore _people = null!;
    private Actor _director = null!;

    public async Task InitializeAsync()
    {
        _office = await SqliteOffice.StartAsync(Director.ObjectId);
        (_dispatcher, _matters, _people, _director) = (_office.CardActions, _office.Matters, _office.People, _office.Roles.ActorFor(Director));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _office.Dispose();

    [Fact]
    public async Task Instruct_LeadNeverMetButInTheRoster_BecomesTheLeadByTheRostersNameAndIsRemembered()
    {
        var matter = await RegisterAsync();

        var result = await InstructAsync(matter, new() { [CardInputs.Lead] = Newcomer.Person.ObjectId, [CardInputs.CoHandlers] = Another.Person.ObjectId });

        Assert.False(result.Refused, result.Reply.Summary);
        var state = await StateAsync(matter.Number);
        Assert.Equal(MatterStatus.InProgress, state.Status);
        Assert.Equal(Newcomer.Person, state.Lead);
        Assert.Equal(Another.Person, Assert.Single(state.CoHandlers).Person);
        var remembered = await _people.FindAsync(Tenant, Newcomer.Person.ObjectId, CancellationToken.None);
        Assert.Equal(("張新來", "29:newcomer"), (remembered?.DisplayName, remembered?.TeamsUserId));
    }

    [Fact]
    public async Task Instruct_LeadInNoRosterAndNeverMet_IsRefusedSayingWhyAndNothingIsStored()
    {
        var matter = await RegisterAsync();

        var result = await InstructAsync(matter, new() { [CardInputs.Lead] = Stranger });

        Assert.True(result.Refused);
        Assert.Contains("must be in this chat or team, or have used OfficeBot", Text(result));
        await AssertUnchangedAsync(matter);
        Assert.Null(await _people.FindAsync(Tenant, Stranger, CancellationToken.None));
    }

    [Fact]
    public async Task Instruct_OneGoodNewcomerAndOneStranger_RefusesTheWholePressAndRemembersNoOne()
    {
        var matter = await RegisterAsync();

        var result = await InstructAsync(matter, new() { [CardInputs.Lead] = Newcomer.Person.ObjectId, [CardInputs.CoHandlers] = $"{Another.Person.ObjectId},{Stranger}" });

        Assert.True(result.Refused);
        await AssertUnchangedAsync(matter);
        Assert.Empty(await _people.AllAsync(Tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData("aad-nobody")]
    [InlineData("{5b1f3a52-8c1e-4f0e-9d2a-7c4b1e6f0a11}")]
    [InlineData("5b1f3a528c1e4f0e9d2a7c4b1e6f0a11")]
    [InlineData("29:newcomer")]
    public async Task Instruct_IdThatIsNotAnObjectId_IsRefusedWithoutAskingTheRoster(string id)
    {
        var matter = await RegisterAsync();

        var result = await InstructAsync(matter, new() { [CardInputs.Lead] = id });

        Assert.True(result.Refused);
        Assert.Equal(0, _roster.Asked);
        await AssertUnchangedAsync(matter);
    }

    [Fact]
    public async Task Instruct_NoRosterAtHand_OnlyPeopleAlreadyMetAreAccepted()
    {
        var matter = await RegisterAsync();
        await _people.SaveAsync(Tenant, new KnownPerson(Another.Person.ObjectId, Another.Person.DisplayName, "zh-TW"), CancellationToken.None);

        var refused = await InstructAsync(matter, new() { [CardInputs.Lead] = Newcomer.Person.ObjectId }, withRoster: false);
        var accepted = await InstructAsync(matter, new() { [CardInputs.Lead] = Another.Person.ObjectId }, withRoster: false);

        Assert.True(refused.Refused);
        Assert.False(accepted.Refused, accepted.Reply.Summary);
        Assert.Equal(Another.Person, (await StateAsync(matter.Number)).Lead);
    }

    private async Task<Matter> RegisterAsync()
    {
        var (matter, refusal) = await _matters.RegisterAsync(Tenant, new MatterRegistration("年度預算"), _director, null, CancellationToken.None);
        Assert.Null(refusal);
        Assert.Equal(MatterStatus.Registered, matter!.Status);
        return matter;
    }

    private Task<CardActionResult> InstructAsync(Matter matter, Dictionary<string, string?> inputs, bool withRoster = true) =>
        _dispatcher.HandleAsync(new CardActionRequest(Tenant, Director, CardVerbs.Instruct, new CardActionData(matter.Number, matter.State.Revision), inputs, "en-US",
            Members: withRoster ? _roster : null), CancellationToken.None);

    private async Task AssertUnchangedAsync(Matter matter)
    {
        var state = await StateAsync(matter.Number);
        Assert.Equal((matter.State.Revision, MatterStatus.Registered, null), (state.Revision, state.Status, state.Lead));
        Assert.Empty(state.CoHandlers);
    }

    private async Task<MatterState> StateAsync(int number) => (await _matters.FindVisibleAsync(Tenant, number, _director, CancellationToken.None))!.State;

    private static string Text(CardActionResult result) => result.Reply.Card.ToJson();

    /// <summary>The members of the chat where the card was pressed, found by object id as Teams' member look-up does.</summary>
    private sealed class Roster(params ConversationMember[] members) : IMemberDirectory
    {
        public int Asked { get; private set; }

        public Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken) =>
            Task.FromResult(members.FirstOrDefault(m => m.TeamsUserId == mention.TeamsUserId)?.Person);

        public Task<ConversationMember?> FindAsync(string objectId, CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult(members.FirstOrDefault(m => m.Person.Is(objectId)));
        }
    }
}
