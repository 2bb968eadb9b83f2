using System.Text.Json.Nodes;
using OfficeBot.Cards.Model;

namespace OfficeBot.Cards.Tests;

public class SchemaValidatorTests
{
    private static JsonObject Card(string body, string extra = "") =>
        JsonNode.Parse($$"""{"type":"AdaptiveCard","version":"1.5"{{extra}},"body":{{body}}}""")!.AsObject();

    [Fact]
    public void Problems_MinimalCard_None()
    {
        Assert.Empty(CardSchema.Problems(Card("""[{"type":"TextBlock","text":"hi","wrap":true}]""")));
    }

    [Theory]
    [InlineData("""[{"type":"TextBlock","text":"hi","colour":"red"}]""", "colour")]
    [InlineData("""[{"type":"TextBlock","text":"hi","wrap":"yes"}]""", "wrap")]
    [InlineData("""[{"type":"TextBlock","text":5}]""", "text")]
    [InlineData("""[{"type":"TextBlock","text":"hi","size":"huge"}]""", "size")]
    [InlineData("""[{"type":"TextBlock"}]""", "text")]
    [InlineData("""[{"type":"Blink","text":"hi"}]""", "type")]
    [InlineData("""[{"type":"Input.Text"}]""", "id")]
    [InlineData("""[{"type":"FactSet","facts":[{"title":"a"}]}]""", "value")]
    [InlineData("""[{"type":"ActionSet","actions":[{"type":"Action.Execute","verb":"x","style":"loud"}]}]""", "style")]
    public void Problems_BadElement_Rejected(string body, string culprit)
    {
        var problems = CardSchema.Problems(Card(body));

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains(culprit, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownTopLevelProperty_Rejected()
    {
        Assert.NotEmpty(CardSchema.Problems(Card("[]", ""","theme":"dark" """)));
    }

    [Fact]
    public void Problems_MsTeamsFullWidthWithMention_Accepted()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("<at>王大明</at> 請簽收")],
            MsTeams = new TeamsCardProperties
            {
                Width = TeamsCardProperties.FullWidth,
                Entities = [TeamsMention.For("29:1abc", "王大明")],
            },
        };

        Assert.Empty(CardSchema.Problems(card));
        Assert.Equal("mention", card.ToJsonObject()["msteams"]!["entities"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"width":"Wide"}""", "width")]
    [InlineData("""{"entities":[{"type":"mention","text":"<at>A</at>"}]}""", "mentioned")]
    [InlineData("""{"entities":[{"type":"person","text":"<at>A</at>","mentioned":{"id":"1","name":"A"}}]}""", "type")]
    [InlineData("""{"entities":[{"type":"mention","text":"<at>A</at>","mentioned":{"id":"1"}}]}""", "mentioned")]
    [InlineData("""{"height":"Full"}""", "height")]
    public void Problems_BadMsTeams_Rejected(string teams, string culprit)
    {
        var problems = CardSchema.Problems(Card("[]", $""","msteams":{teams}"""));

        Assert.Contains(problems, p => p.StartsWith("msteams", StringComparison.Ordinal) && p.Contains(culprit, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MsTeamsInsideShowCard_Rejected()
    {
        // Only the top-level msteams is Teams' extension; anywhere else it is an unknown property.
        var body = """[{"type":"ActionSet","actions":[{"type":"Action.ShowCard","title":"x","card":{"type":"AdaptiveCard","body":[],"msteams":{"width":"Full"}}}]}]""";

        Assert.NotEmpty(CardSchema.Problems(Card(body)));
    }
}
