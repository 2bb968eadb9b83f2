using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>
/// People are picked with Teams' people picker, which searches the whole organisation; the people OfficeBot has met
/// stay as a short list of choices for clients without the picker.
/// </summary>
public class PeoplePickerTests
{
    /// <summary>The longest fallback list a form carries beside the people it is prefilled with (CardLimits.Normal).</summary>
    private const int MaxFallbackChoices = 20;

    public static TheoryData<string, string, bool> PeopleForms() => new()
    {
        { "instruction card", CardInputs.Lead, false },
        { "instruction card", CardInputs.CoHandlers, true },
        { "matter card, director", CardInputs.Lead, false },
        { "matter card, director", CardInputs.CoHandlers, true },
        { "matter card, lead", CardInputs.To, false },
    };

    [Theory]
    [MemberData(nameof(PeopleForms))]
    public void PeopleInput_SearchesTheOrganisationWithAShortFallbackList(string card, string inputId, bool multi)
    {
        var json = Build(card, Roles.Candidates(200));

        var input = PeopleInput(json, inputId);

        Assert.Equal("Input.ChoiceSet", input["type"]!.GetValue<string>());
        Assert.Equal("""{"type":"Data.Query","dataset":"graph.microsoft.com/users"}""", input["choices.data"]!.ToJsonString());
        Assert.Equal(multi, input["isMultiSelect"]?.GetValue<bool>() ?? false);
        var choices = input["choices"]!.AsArray();
        Assert.InRange(choices.Count, 1, MaxFallbackChoices + Samples.Plain().CoHandlers.Count + 1);
        Assert.All(choices, c => Assert.False(string.IsNullOrWhiteSpace(c!["title"]!.GetValue<string>())));
        CardSchema.AssertValid(BuildCard(card, Roles.Candidates(200)));
    }

    [Fact]
    public void InstructForm_PrefilledPeopleNotAmongTheMet_AreStillChoicesSoThePickerNamesThem()
    {
        var newcomer = new PersonView("7d3c1b5e-0000-4000-8000-00000000abcd", "張新來");
        var view = Roles.In(Samples.Plain(), "registered") with
        {
            CoHandlers = [new CoHandlerView(newcomer, Domain.Matters.CoHandlingState.Requested, Acknowledged: false)],
        };
        var context = Roles.For("director", view) with { Candidates = Roles.Candidates(200) };

        var json = InstructionCard.Build(view, Language.English, context).ToJsonObject();

        var coHandlers = PeopleInput(json, CardInputs.CoHandlers);
        Assert.Equal(newcomer.ObjectId, coHandlers["value"]!.GetValue<string>());
        Assert.Contains(coHandlers["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == newcomer.ObjectId && c["title"]!.GetValue<string>() == "張新來");
        var lead = PeopleInput(json, CardInputs.Lead);
        Assert.Equal(Samples.Wang.ObjectId, lead["value"]!.GetValue<string>());
        Assert.Equal(Samples.Wang.ObjectId, lead["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void PeopleInput_NoOneMetYet_PickerStillOffered()
    {
        var json = Build("instruction card", []);

        var lead = PeopleInput(json, CardInputs.Lead);

        Assert.Equal("Data.Query", lead["choices.data"]!["type"]!.GetValue<string>());
        Assert.Single(lead["choices"]!.AsArray());
    }

    [Fact]
    public void Problems_PeoplePickerInAShowCardForm_Accepted()
    {
        var form = AdaptiveCard.Nested();
        form.Body.Add(new ChoiceSetInput
        {
            Id = "lead",
            Choices = [new Choice("王大明", "00000000-0000-0000-0000-000000000002")],
            ChoicesData = new DataQuery { Dataset = DataQuery.ConversationUsers },
            IsMultiSelect = true,
        });
        var card = new AdaptiveCard { Actions = [new ShowCardAction { Title = "Instruct", Card = form }] };

        Assert.Empty(CardSchema.Problems(card));
    }

    [Theory]
    [InlineData("""{"type":"Input.ChoiceSet","id":"a","choices":[],"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/groups"}}""", "dataset")]
    [InlineData("""{"type":"Input.ChoiceSet","id":"a","choices":[],"choices.data":{"type":"Query","dataset":"graph.microsoft.com/users"}}""", "type")]
    [InlineData("""{"type":"Input.ChoiceSet","id":"a","choices":[],"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users","top":5}}""", "top")]
    [InlineData("""{"type":"Input.ChoiceSet","id":"a","choices":[],"choices.data":"graph.microsoft.com/users"}""", "object")]
    [InlineData("""{"type":"Input.Text","id":"a","choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}}""", "Input.ChoiceSet")]
    public void Problems_BadPeoplePicker_Rejected(string input, string culprit)
    {
        var card = JsonNode.Parse($$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","items":[{{input}}]}]}""")!.AsObject();

        var problems = CardSchema.Problems(card);

        Assert.Contains(problems, p => p.Contains("choices.data", StringComparison.Ordinal) && p.Contains(culprit, StringComparison.Ordinal));
    }

    private static JsonObject Build(string card, IReadOnlyList<PersonView> candidates) => BuildCard(card, candidates).ToJsonObject();

    private static AdaptiveCard BuildCard(string card, IReadOnlyList<PersonView> candidates)
    {
        var registered = Roles.In(Samples.Plain(), "registered");
        var inProgress = Samples.Plain();
        return card switch
        {
            "instruction card" => InstructionCard.Build(registered, Language.English, Roles.For("director", registered) with { Candidates = candidates }),
            "matter card, director" => MatterCard.Build(registered, Language.English, Roles.For("director", registered) with { Candidates = candidates }),
            "matter card, lead" => MatterCard.Build(inProgress, Language.English, Roles.For("lead", inProgress) with { Candidates = candidates }),
            _ => throw new ArgumentOutOfRangeException(nameof(card), card, null),
        };
    }

    private static JsonObject PeopleInput(JsonObject card, string id) =>
        Assert.Single(Rendered.Blocks(card), b => b["id"]?.GetValue<string>() == id && b["type"]?.GetValue<string>() == "Input.ChoiceSet");
}
