using System.Text.Json.Nodes;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests.Inputs;

/// <summary>
/// What a person wrote shows on a card exactly as typed: Markdown in a title, note, reason, instruction, urge text or
/// name is escaped, so a phishing link renders as text and "**URGENT**" does not turn bold; form fields stop at the
/// server's limits.
/// </summary>
public sealed class UserTextOnCardsTests
{
    private const string Phish = "[Click to verify your account](https://evil.example/login) **URGENT**";
    private const string Escaped = @"\[Click to verify your account\](https://evil.example/login) \*\*URGENT\*\*";

    private static readonly PersonView Mallory = new("00000000-0000-0000-0000-0000000000ff", "[Boss](https://evil.example) _x_");

    private static MatterView Poisoned() => Samples.Plain() with
    {
        Title = Phish,
        Description = Phish,
        DocumentNumber = "**A-1**",
        Instruction = Phish,
        Registrar = Mallory,
        Lead = Mallory,
        Status = MatterStatus.AwaitingReview,
        Pending = new PendingView(RequestKind.Transfer, Mallory, Samples.Office(2025, 12, 1), Phish, null, Samples.Li),
    };

    public static TheoryData<string> EveryMatterCard() => ["matter", "approval", "instruction", "coHandling", "urge", "history", "list"];

    [Theory]
    [MemberData(nameof(EveryMatterCard))]
    public void Card_UserTextWithMarkdown_ShowsNoLiveLinkOrEmphasis(string kind)
    {
        var card = Build(kind, Poisoned());
        var json = card.ToJson();

        Assert.DoesNotContain("[Click to verify your account](", Texts(card));
        Assert.DoesNotContain("**URGENT**", Texts(card));
        Assert.DoesNotContain("[Boss](", Texts(card));
        Assert.Empty(CardSchema.Problems(card));
        Assert.Contains("evil.example", json);
    }

    [Fact]
    public void MatterCard_PhishingTitle_ReadsLiterallyWithEscapes()
    {
        var card = Rendered.Of(MatterCard.Build(Poisoned(), Language.English));

        Assert.Contains(Escaped, card.Texts);
        Assert.Contains(card.Facts, f => f.Value.StartsWith(@"\[Boss\](https://evil.example) \_x\_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list", @"1\. not a list")]
    [InlineData("first\n+ second", "first\n\\+ second")]
    [InlineData("a - b 1. c", "a - b 1. c")]
    [InlineData(@"C:\path 審\核", @"C:\path 審\核")]
    [InlineData(@"\*not bold*", @"\\\*not bold\*")]
    [InlineData("`code` ~~strike~~", @"\`code\` \~\~strike\~\~")]
    [InlineData("年度預算 #12", "年度預算 #12")]
    public void NoticeCard_MarkdownInAQuotedText_IsEscaped(string typed, string shown)
    {
        var card = Rendered.Of(NoticeCard.Build(Language.English, typed));

        Assert.Contains(shown, card.Texts);
    }

    [Fact]
    public void ErrorCard_ProblemQuotingUserText_IsEscapedButTheRightFormIsNot()
    {
        var card = Rendered.Of(ErrorCard.Build(Language.English, $"\"{Phish}\" is not a date", "extend #12 <date> [reason]", null));

        Assert.Contains($"\"{Escaped}\" is not a date", card.Texts);
        Assert.Contains("extend #12 <date> [reason]", card.Texts);
    }

    [Theory]
    [MemberData(nameof(EveryMatterCard))]
    public void Card_EveryTextInput_StopsAtTheServersLimit(string kind)
    {
        var inputs = Inputs(JsonNode.Parse(Build(kind, Samples.Plain() with { Status = MatterStatus.Registered }).ToJson())!).ToList();

        if (kind is "matter" or "instruction")
        {
            Assert.NotEmpty(inputs);
        }

        Assert.All(inputs, input => Assert.Equal(InputLimits.CardInput, input["maxLength"]?.GetValue<int>()));
    }

    private static AdaptiveCard Build(string kind, MatterView matter)
    {
        var context = Roles.For("director", matter);
        return kind switch
        {
            "approval" => ApprovalCard.Build(matter, Language.English, context),
            "instruction" => InstructionCard.Build(matter, Language.English, context),
            "coHandling" => CoHandlingRequestCard.Build(matter, Language.English, Roles.For("co-handler", matter with { CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.Requested, false)] }), Phish),
            "urge" => UrgeCard.Build(matter, Language.English, context, Mallory, Phish),
            "history" => HistoryCard.Build(matter, Language.English, context),
            "list" => MatterListCard.Build("Mine", [matter], Language.English, "none"),
            _ => MatterCard.Build(matter, Language.English, context),
        };
    }

    private static string Texts(AdaptiveCard card) => Rendered.Of(card).AllText;

    private static IEnumerable<JsonObject> Inputs(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Input.Text" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Inputs(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Inputs(n)),
        _ => [],
    };
}
