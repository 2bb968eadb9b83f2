using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>
/// Each viewer sees the buttons the domain accepts from them in the matter's status, and none other (ButtonsMatchDomainTests
/// checks the same against every operation). Director: SPEC §2 lets the director do everything, progress reports and asking
/// for completion included, and instruct again while the matter is in progress.
/// </summary>
public class RoleActionTests
{
    private static readonly string[] ChangingVerbs = CardVerbs.All.Where(v => v is not (CardVerbs.Refresh or CardVerbs.ShowHistory)).ToArray();

    /// <summary>A fresh assignment: the lead and the co-handler (李小華, asked, not acknowledged) have not answered yet.</summary>
    private static MatterView Fresh() => Samples.Plain() with
    {
        LeadAcknowledged = false,
        CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.Requested, Acknowledged: false)],
        Registrar = new PersonView("registrar-oid", "張書記"),
    };

    private static IReadOnlyList<string> ButtonsOf(string role, string scenario, MatterView? matter = null)
    {
        var view = Roles.In(matter ?? Fresh(), scenario);
        return Buttons.Reachable(MatterCard.Build(view, Language.English, Roles.For(role, view)).ToJsonObject());
    }

    [Theory]
    [InlineData("lead", "registered", "Acknowledge|Ask transfer")]
    [InlineData("lead", "in-progress", "Acknowledge|Report progress|Ask completion|Ask extension|Ask transfer")]
    [InlineData("lead", "in-progress+extension", "Acknowledge|Report progress")]
    [InlineData("lead", "awaiting-review", "")]
    [InlineData("lead", "completed", "")]
    [InlineData("co-handler", "registered", "Acknowledge|Accept|Decline|Give opinion|My part done")]
    [InlineData("co-handler", "in-progress", "Acknowledge|Accept|Decline|Give opinion|My part done")]
    [InlineData("co-handler", "awaiting-review", "")]
    [InlineData("director", "registered", "Instruct|Urge|Cancel matter")]
    [InlineData("director", "registered+transfer", "Instruct|Approve|Reject|Urge|Cancel matter")]
    [InlineData("director", "in-progress", "Instruct|Report progress|Ask completion|Urge|Cancel matter")]
    [InlineData("director", "in-progress+extension", "Instruct|Approve|Reject|Report progress|Urge|Cancel matter")]
    [InlineData("director", "awaiting-review", "Approve|Reject|Urge|Cancel matter")]
    [InlineData("director", "completed", "Archive")]
    [InlineData("director", "cancelled", "")]
    [InlineData("director", "archived", "")]
    [InlineData("registrar", "registered", "Urge|Cancel matter")]
    [InlineData("registrar", "in-progress", "Urge")]
    [InlineData("registrar", "awaiting-review", "Urge")]
    [InlineData("registrar", "completed", "")]
    [InlineData("leader", "registered", "Urge")]
    [InlineData("other", "in-progress", "")]
    [InlineData("other", "awaiting-review", "")]
    public void BuildMatterCard_RoleAndStatus_ShowsExactlyTheAllowedButtons(string role, string scenario, string expected)
    {
        Assert.Equal(expected, string.Join('|', ButtonsOf(role, scenario)));
    }

    [Theory]
    [InlineData("in-progress+extension", CardVerbs.ApproveExtension, CardVerbs.RejectExtension)]
    [InlineData("in-progress+transfer", CardVerbs.ApproveTransfer, CardVerbs.RejectTransfer)]
    [InlineData("registered+transfer", CardVerbs.ApproveTransfer, CardVerbs.RejectTransfer)]
    [InlineData("awaiting-review", CardVerbs.ApproveCompletion, CardVerbs.RejectCompletion)]
    public void BuildMatterCard_DirectorWithPendingRequest_DecidesThatRequest(string scenario, string approve, string reject)
    {
        var view = Roles.In(Fresh(), scenario);

        var verbs = Buttons.ChangingVerbs(MatterCard.Build(view, Language.English, Roles.For("director", view)).ToJsonObject());

        Assert.Contains(approve, verbs);
        Assert.Contains(reject, verbs);
        Assert.Equal(2, verbs.Count(v => v.StartsWith("review.", StringComparison.Ordinal)));
    }

    [Fact]
    public void BuildMatterCard_CoHandlerWhoAnswered_NoAcceptOrAcknowledgeAgain()
    {
        // Accepting is implied by a finished part; declining it after all is still open, as in the domain.
        var matter = Fresh() with { CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.Done, Acknowledged: true, "已提供")] };

        Assert.Equal("Decline|Give opinion", string.Join('|', ButtonsOf("co-handler", "in-progress", matter)));
    }

    [Fact]
    public void BuildMatterCard_SeveralRoles_UnionWithoutDuplicatesAndOverflowUnderMore()
    {
        var view = Fresh() with { Registrar = Samples.Wang };
        var context = Roles.WithActions(new CardContext(MatterRole.Director | MatterRole.Lead | MatterRole.Registrar, Samples.Wang.ObjectId, Roles.Candidates(3), ["a"]), view);

        var json = MatterCard.Build(view, Language.English, context).ToJsonObject();

        Assert.Equal(["Acknowledge", "Instruct", "Report progress", "Ask completion", "Ask extension", "More…"], Buttons.TopLevel(json));
        Assert.Equal(["Acknowledge", "Instruct", "Report progress", "Ask completion", "Ask extension", "Ask transfer", "Urge", "Cancel matter"], Buttons.Reachable(json));
    }

    [Theory]
    [MemberData(nameof(EveryRoleCardTests.Cases), MemberType = typeof(EveryRoleCardTests))]
    public void Build_CoHandlerOrBystander_NeverGetsAnotherRolesButton(string builder, string role, string scenario)
    {
        var view = Roles.In(Fresh() with { TotalHistoryCount = 9 }, scenario);

        var verbs = Buttons.ChangingVerbs(EveryRoleCardTests.Builders[builder](view, Language.English, Roles.For(role, view)).ToJsonObject());

        string[] allowed = role switch
        {
            "other" => [],
            "co-handler" => [CardVerbs.Acknowledge, CardVerbs.Accept, CardVerbs.Decline, CardVerbs.Opinion, CardVerbs.PartDone],
            "registrar" => [CardVerbs.Urge, CardVerbs.Cancel],
            "leader" => [CardVerbs.Urge],
            "lead" => [CardVerbs.Acknowledge, CardVerbs.Progress, CardVerbs.AskCompletion, CardVerbs.AskExtension, CardVerbs.AskTransfer],
            _ => ChangingVerbs.Except([CardVerbs.Acknowledge, CardVerbs.AskExtension, CardVerbs.AskTransfer,
                CardVerbs.Accept, CardVerbs.Decline, CardVerbs.Opinion, CardVerbs.PartDone]).ToArray(),
        };
        Assert.All(verbs, v => Assert.Contains(v, allowed));
    }

    [Fact]
    public void BuildMatterCard_HistoryLongerThanShown_OffersShowHistoryToEveryone()
    {
        var view = Fresh() with { TotalHistoryCount = 9 };

        var json = MatterCard.Build(view, Language.English, Roles.For("other", view)).ToJsonObject();

        Assert.Equal(["Show history"], Buttons.Reachable(json));
        Assert.Equal(CardVerbs.ShowHistory, json["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Language.Traditional, "簽收|回報進度|申請辦結|申請延期|申請轉辦")]
    [InlineData(Language.Simplified, "签收|回报进度|申请办结|申请延期|申请转办")]
    public void BuildMatterCard_LeadInChinese_ButtonsLocalised(Language language, string expected)
    {
        var view = Roles.In(Fresh(), "in-progress");

        var json = MatterCard.Build(view, language, Roles.For("lead", view)).ToJsonObject();

        Assert.Equal(expected, string.Join('|', Buttons.Reachable(json)));
    }

    [Theory]
    [InlineData(Language.Traditional, "同意會辦|婉拒|提供意見|我的部分已完成", "批辦|核准|退回|催辦|撤銷事項", "歸檔", "查看全部紀錄", "送出")]
    [InlineData(Language.Simplified, "同意会办|婉拒|提供意见|我的部分已完成", "批办|核准|退回|催办|撤销事项", "归档", "查看全部记录", "送出")]
    public void Build_ChineseTitles_MatchTheOfficeWording(Language language, string coHandler, string director, string archive, string history, string send)
    {
        var fresh = Fresh() with { LeadAcknowledged = true, CoHandlers = [new CoHandlerView(Samples.Li, CoHandlingState.Requested, true)], TotalHistoryCount = 1 };
        var review = Roles.In(fresh, "registered+transfer");
        var done = Roles.In(fresh, "completed") with { TotalHistoryCount = 9 };
        var working = Roles.In(fresh, "in-progress");

        Assert.Equal(coHandler, string.Join('|', Buttons.Reachable(MatterCard.Build(working, language, Roles.For("co-handler", working)).ToJsonObject())));
        Assert.Equal(director, string.Join('|', Buttons.Reachable(MatterCard.Build(review, language, Roles.For("director", review)).ToJsonObject())));
        Assert.Equal(archive + "|" + history, string.Join('|', Buttons.Reachable(MatterCard.Build(done, language, Roles.For("director", done)).ToJsonObject())));
        var sends = Buttons.Executes(MatterCard.Build(working, language, Roles.For("lead", working)).ToJsonObject())
            .Where(e => e["associatedInputs"]?.GetValue<string>() == "auto").Select(e => e["title"]!.GetValue<string>()).Distinct();
        Assert.Equal([send], sends);
    }
}
