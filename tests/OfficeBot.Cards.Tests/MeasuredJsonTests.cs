using System.Text;
using System.Text.Json;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>A card keeps the JSON its size check wrote, and sends that only while the card is as it was measured.</summary>
public class MeasuredJsonTests
{
    private static string Fresh(AdaptiveCard card) => JsonSerializer.Serialize(card, CardJson.Options);

    [Fact]
    public void Utf8Size_IsTheUtf8LengthOfTheJsonSent()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("急件：報告 ✅ \"quoted\" \\ end")] };

        var size = card.Utf8Size();

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(card, CardJson.Options).Length, size);
        Assert.Equal(Encoding.UTF8.GetByteCount(card.ToJson()), size);
    }

    [Fact]
    public void BuiltMatterCard_SendsTheSameJsonAsAFreshSerialisation()
    {
        var card = MatterCard.Build(Samples.Plain(), Language.Traditional);

        Assert.Equal(Fresh(card), card.ToJson());
    }

    [Fact]
    public void ChangedAfterMeasuring_IsSerialisedAgain()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("one")] };
        card.Utf8Size();

        card.Body.Add(new TextBlock("two"));
        Assert.Contains("two", card.ToJson(), StringComparison.Ordinal);

        card.Utf8Size();
        card.Actions = [SubmitAction.MessageBack("go", "go")];
        Assert.Equal(Fresh(card), card.ToJson());

        card.Utf8Size();
        card.Actions.Add(SubmitAction.MessageBack("more", "more"));
        Assert.Equal(Fresh(card), card.ToJson());

        card.Utf8Size();
        card.MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth };
        Assert.Equal(Fresh(card), card.ToJson());

        card.Utf8Size();
        card.Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "refresh" }, UserIds = ["a"] };
        Assert.Equal(Fresh(card), card.ToJson());
    }
}
