using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class RoleCardContentTests
{
    private static readonly PersonView Chen = Samples.Director;

    [Fact]
    public void BuildMatterCard_Context_RefreshCarriesMatterAndFirstSixtyUsers()
    {
        var view = Samples.Plain();
        var context = Roles.For("other", view) with { RefreshUserIds = [.. Roles.RefreshIds(70), "00000000-0000-0000-0002-000000000001"] };

        var json = MatterCard.Build(view, Language.English, context).ToJsonObject();

        var refresh = json["refresh"]!;
        Assert.Equal(CardVerbs.Refresh, refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("""{"matter":12,"revision":3}""", refresh["action"]!["data"]!.ToJsonString());
        Assert.Equal(Roles.RefreshIds(60), refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public void BuildMatterCard_Notice_ShownFirstInWarningColours()
    {
        var view = Samples.Plain();

        var card = Rendered.Of(MatterCard.Build(view, Language.English, Roles.For("lead", view, notice: "This card was out of date; here is the current state.")));

        Assert.Equal("This card was out of date; here is the current state.", card.Texts[0]);
        Assert.Equal("#12", card.Texts[1]);
        Assert.Equal("warning", card.Json["body"]![0]!["style"]!.GetValue<string>());
        Assert.Equal("attention", card.BlockWithText(card.Texts[0])!["color"]!.GetValue<string>());
    }

    [Fact]
    public void BuildMatterCard_PendingInstructionAndNotes_AllShown()
    {
        var view = Roles.In(Samples.Plain(), "in-progress+extension") with
        {
            Instruction = "請會同財務處辦理",
            CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.OpinionGiven, true, "建議延後一週")],
        };

        var card = Rendered.Of(MatterCard.Build(view, Language.Traditional, Roles.For("director", view)));

        Assert.Contains("待審核的申請：申請延期", card.Texts);
        Assert.Equal("2025年12月5日（週五） 17:30 → 2025年12月19日（週五）", card.FactValue("新期限"));
        Assert.Equal("王大明", card.FactValue("申請人"));
        Assert.Equal("資料尚待財務處提供", card.FactValue("理由"));
        Assert.Contains("請會同財務處辦理", card.Texts);
        Assert.Contains("李小華（已回覆意見）：建議延後一週", card.Lines);
    }

    [Fact]
    public void BuildMatterCard_ReportProgressForm_RequiredMultilineTextAndSendGathersIt()
    {
        var view = Samples.Plain();

        var json = MatterCard.Build(view, Language.English, Roles.For("lead", view)).ToJsonObject();

        var form = json["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Report progress")!["card"]!;
        var input = form["body"]![0]!;
        Assert.Equal(CardInputs.Text, input["id"]!.GetValue<string>());
        Assert.True(input["isRequired"]!.GetValue<bool>());
        Assert.True(input["isMultiline"]!.GetValue<bool>());
        var send = form["actions"]![0]!;
        Assert.Equal(("Send", CardVerbs.Progress, "auto"), (send["title"]!.GetValue<string>(), send["verb"]!.GetValue<string>(), send["associatedInputs"]!.GetValue<string>()));
    }

    [Fact]
    public void BuildMatterCard_AskTransfer_OffersCandidatesButNotTheLead()
    {
        var view = Samples.Plain();
        var context = Roles.For("lead", view) with { Candidates = [Samples.Wang, Samples.Li, Chen] };

        var json = MatterCard.Build(view, Language.English, context).ToJsonObject();

        var form = json["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Ask transfer")!["card"]!;
        var choices = form["body"]![0]!["choices"]!.AsArray().Select(c => (c!["title"]!.GetValue<string>(), c["value"]!.GetValue<string>()));
        Assert.Equal([(Samples.Li.DisplayName, Samples.Li.ObjectId), (Chen.DisplayName, Chen.ObjectId)], choices);
        Assert.Equal(CardInputs.To, form["body"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void BuildInstructionCard_Director_FormInlinePrefilledAndSendInstructs()
    {
        var view = Roles.In(Samples.Plain(), "registered");
        var context = Roles.For("director", view) with { Candidates = [Samples.Wang, Samples.Li] };

        var json = InstructionCard.Build(view, Language.Traditional, context).ToJsonObject();

        var inputs = Rendered.Blocks(json["body"]).Where(b => b["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([CardInputs.Lead, CardInputs.CoHandlers, CardInputs.Due, CardInputs.Text], inputs.Select(i => i["id"]!.GetValue<string>()));
        Assert.Equal(Samples.Wang.ObjectId, inputs[0]["value"]!.GetValue<string>());
        Assert.True(inputs[0]["isRequired"]!.GetValue<bool>());
        Assert.True(inputs[1]["isMultiSelect"]!.GetValue<bool>());
        Assert.Equal(Samples.Li.ObjectId, inputs[1]["value"]!.GetValue<string>());
        Assert.Equal("2025-12-05", inputs[2]["value"]!.GetValue<string>());
        var send = json["actions"]!.AsArray().Single()!;
        Assert.Equal(("送出", CardVerbs.Instruct, "auto"), (send["title"]!.GetValue<string>(), send["verb"]!.GetValue<string>(), send["associatedInputs"]!.GetValue<string>()));
    }

    [Fact]
    public void BuildInstructionCard_NotDirector_NoFormSaysItAwaitsTheDirector()
    {
        var view = Roles.In(Samples.Plain(), "registered");

        var card = Rendered.Of(InstructionCard.Build(view, Language.English, Roles.For("registrar", view)));

        Assert.Contains("Awaiting the director's instruction", card.Texts);
        Assert.DoesNotContain(Rendered.Blocks(card.Json), b => b["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true);
        Assert.False(card.Json.ContainsKey("actions"));
    }

    [Fact]
    public void BuildCoHandlingRequestCard_AskedCoHandler_ShowsTheAskAndAnswers()
    {
        var view = Samples.Plain() with { CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.Requested, false)] };

        var card = Rendered.Of(CoHandlingRequestCard.Build(view, Language.English, Roles.For("co-handler", view), "Check the budget figures"));

        Assert.Contains("What is asked of you", card.Texts);
        Assert.Contains("Check the budget figures", card.Texts);
        Assert.Equal("Accept|Decline|Give opinion|My part done", string.Join('|', Buttons.Reachable(card.Json)));
    }

    [Fact]
    public void BuildUrgeCard_LeadOfOverdueMatter_ShowsUrgerLatenessAndAnswers()
    {
        var view = Samples.Plain() with { Light = TrafficLight.Red, OverdueWorkingDays = 3, LeadAcknowledged = false };

        var card = Rendered.Of(UrgeCard.Build(view, Language.Traditional, Roles.For("lead", view), Chen, "請今天回覆"));

        Assert.Equal("陳主任", card.FactValue("催辦人"));
        Assert.Equal("已逾期 3 個工作日", card.FactValue("逾期"));
        Assert.Contains("請今天回覆", card.Texts);
        Assert.Equal("簽收|回報進度|申請延期", string.Join('|', Buttons.Reachable(card.Json)));
    }

    [Theory]
    [InlineData("in-progress+transfer", "Transfer request", "Proposed lead", "王大明 → 李小華")]
    [InlineData("in-progress+extension", "Extension request", "New due", "Fri 5 Dec 2025, 17:30 → Fri 19 Dec 2025")]
    public void BuildApprovalCard_Director_ShowsTheRequestAndDecides(string scenario, string kind, string fact, string value)
    {
        var view = Roles.In(Samples.Plain(), scenario);

        var card = Rendered.Of(ApprovalCard.Build(view, Language.English, Roles.For("director", view)));

        Assert.Contains("Request awaiting review: " + kind, card.Texts);
        Assert.Equal(value, card.FactValue(fact));
        Assert.Equal("Reason", card.Facts.Single(f => f.Value == "資料尚待財務處提供").Title);
        Assert.Equal("Approve|Reject", string.Join('|', Buttons.Reachable(card.Json)));
    }

    [Fact]
    public void BuildApprovalCard_NothingPending_SaysSoWithoutButtons()
    {
        var view = Samples.Plain();

        var card = Rendered.Of(ApprovalCard.Build(view, Language.Simplified, Roles.For("director", view)));

        Assert.Contains("目前没有待审核的申请", card.Texts);
        Assert.False(card.Json.ContainsKey("actions"));
    }

    [Fact]
    public void BuildHistoryCard_AllEntries_OldestFirstNewestLast()
    {
        var view = Samples.Heavy() with
        {
            RecentHistory = Enumerable.Range(1, 50).Select(i => new HistoryLineView(Samples.Office(2025, 11, 1).AddHours(i), $"人{i}", $"第{i}次")).ToList(),
        };

        var card = Rendered.Of(HistoryCard.Build(view, Language.Traditional, Roles.For("other", view)));

        Assert.Equal(50, card.Lines.Count);
        Assert.EndsWith("人1：第1次", card.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("人50：第50次", card.Lines[^1], StringComparison.Ordinal);
        Assert.Contains("全部紀錄", card.Texts);
    }

    [Fact]
    public void BuildHistoryCard_VeryLongHistory_KeepsNewestAndCountsTheRest()
    {
        var view = Samples.Heavy() with
        {
            RecentHistory = Enumerable.Range(1, 500).Select(i => new HistoryLineView(Samples.Office(2025, 1, 1).AddHours(i), $"人{i}", Samples.Repeat(Samples.Awkward, 300))).ToList(),
            TotalHistoryCount = 500,
        };

        var built = HistoryCard.Build(view, Language.English, Roles.For("director", view));
        var card = Rendered.Of(built);

        Assert.True(built.Utf8Size() < CardSchema.MaxCardBytes);
        Assert.Contains("人500", card.Lines[^1], StringComparison.Ordinal);
        Assert.Contains($"{500 - card.Lines.Count} earlier entries not shown", card.Texts);
    }
}
