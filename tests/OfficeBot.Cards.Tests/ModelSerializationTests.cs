using System.Text.Json.Nodes;
using OfficeBot.Cards.Model;

namespace OfficeBot.Cards.Tests;

public class ModelSerializationTests
{
    [Fact]
    public void ContentType_IsAdaptiveCardMediaType()
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCard.ContentType);
    }

    [Fact]
    public void ToJson_Element_TypeFirstCamelCaseAndDefaultsOmitted()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("hi") { Size = FontSize.ExtraLarge, IsVisible = false }] };

        var json = card.ToJson();

        Assert.StartsWith("""{"type":"AdaptiveCard","version":"1.5",""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"TextBlock","text":"hi","size":"extraLarge","isVisible":false}""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("wrap", json, StringComparison.Ordinal);
        Assert.DoesNotContain("actions", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_UserTextWithQuotesAndBackslashes_RoundTripsExactly()
    {
        var card = new AdaptiveCard { Body = [new TextBlock(Samples.Awkward + "\"},{\"type\":\"Evil\"")] };

        var parsed = JsonNode.Parse(card.ToJson())!;

        Assert.Equal(Samples.Awkward + "\"},{\"type\":\"Evil\"", parsed["body"]![0]!["text"]!.GetValue<string>());
        Assert.Single(parsed["body"]!.AsArray());
        CardSchema.AssertValid(card);
    }

    [Fact]
    public void ToJson_CjkText_StaysUnescapedAndEmojiRoundTrips()
    {
        var json = new AdaptiveCard { Body = [new TextBlock("辦理中 🔴")] }.ToJson();

        Assert.Contains("辦理中", json, StringComparison.Ordinal);
        Assert.Equal("辦理中 🔴", JsonNode.Parse(json)!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ToJsonElement_MatchesToJson()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("簽收 #12")] };

        Assert.Equal(card.ToJson(), card.ToJsonElement().GetRawText());
    }

    [Fact]
    public void ToJson_EveryModelType_ValidAgainstSchema()
    {
        var execute = new ExecuteAction
        {
            Verb = "matter.ack",
            Title = "簽收",
            Style = ActionStyle.Positive,
            Data = new { MatterNumber = 12, Revision = 3 },
            AssociatedInputs = AssociatedInputs.None,
        };
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "matter.refresh", Data = new { MatterNumber = 12 } }, UserIds = ["a", "b"] },
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth, Entities = [TeamsMention.For("29:x", "王大明")] },
            Body =
            [
                new TextBlock("<at>王大明</at>") { Wrap = true, Color = TextColor.Attention, FontType = FontType.Monospace, Style = TextBlockStyle.Heading, MaxLines = 2 },
                new RichTextBlock { Inlines = [new TextRun("a") { Italic = true, Highlight = true }, new TextRun("b") { Weight = FontWeight.Bolder }] },
                new FactSet { Facts = [new Fact("來源", "領導交辦")] },
                new ColumnSet { Columns = [new Column { Width = "20px", Items = [new TextBlock("🔴")] }, new Column { Width = Column.Stretch, Items = [] }] },
                new Container { Id = "more", IsVisible = false, Style = ContainerStyle.Emphasis, Items = [new TextBlock("x")] },
                new Table
                {
                    Columns = [new TableColumnDefinition { Width = 1 }, new TableColumnDefinition { Width = 3 }],
                    Rows = [new TableRow { Cells = [new TableCell { Items = [new TextBlock("部門")] }, new TableCell { Items = [new TextBlock("準時率")] }] }],
                    FirstRowAsHeader = true,
                },
                new TextInput { Id = "note", Label = "說明", IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "請填寫" },
                new DateInput { Id = "due", Min = "2025-12-01", Value = "2025-12-05" },
                new ChoiceSetInput { Id = "lead", Choices = [new Choice("王大明", "oid-1")], Style = ChoiceInputStyle.Compact, IsMultiSelect = true },
                new ToggleInput { Id = "notify", Title = "通知會辦人", ValueOn = "yes", ValueOff = "no" },
                new ActionSet
                {
                    Actions =
                    [
                        execute,
                        new ShowCardAction { Title = "退辦", Card = new AdaptiveCard { Version = null, Body = [new TextInput { Id = "reason" }], Actions = [execute] } },
                        new ToggleVisibilityAction { Title = "更多", TargetElements = ["more"] },
                        new OpenUrlAction { Title = "文件", Url = "https://example.org/doc?id=1&x=2" },
                    ],
                },
            ],
            Actions = [execute],
        };

        CardSchema.AssertValid(card);
        var json = card.ToJsonObject();
        Assert.Equal(12, json["actions"]![0]!["data"]!["matterNumber"]!.GetValue<int>());
        Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("note", json["body"]![6]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Nested_CardForShowCard_HasNoVersionOrTeamsExtension()
    {
        var json = AdaptiveCard.Nested().ToJsonObject();

        Assert.False(json.ContainsKey("version"));
        Assert.False(json.ContainsKey("msteams"));
    }
}
