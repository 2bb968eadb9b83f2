using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Universal Actions through the real pipeline: invoke adaptiveCard/action → the card for the presser, then notifications and updates in place.</summary>
public sealed class CardActionTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();

        // Everyone opens their chat with the bot once, so it can reach them later.
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Wei, "help", "zh-CN");
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Accept_ByCoHandler_AnswersWithUpdatedCardAndTellsTheLeadInTheirLanguage()
    {
        var (number, revision) = await RegisterAsync();
        var mark = _bot.Connector.Calls.Count;

        var (status, body) = await _bot.PressAsync(Wei, CardVerbs.Accept, number, revision, locale: "zh-CN");
        await _bot.FollowUpsDoneAsync();

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        Assert.Contains("已接受", Text(body["value"]));
        var toLead = _bot.Connector.CallsSince(mark).Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Mei.AadObjectId}").ToList();
        Assert.True(toLead.Count > 0, string.Join("\n", _bot.Connector.CallsSince(mark)));
        Assert.Contains("accepted co-handling", toLead[0].CardText);
    }

    [Fact]
    public async Task Press_OnStaleCard_AnswersWithFreshCardAndWhatChangedAndChangesNothing()
    {
        var (number, revision) = await RegisterAsync();
        await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "all booked" });

        // The co-handler's card still shows a matter in progress; it now waits for the director's review.
        var (_, body) = await _bot.PressAsync(Wei, CardVerbs.Opinion, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "use the big hall" }, locale: "en-US");
        var shown = await _bot.AskAsync(Mei, $"show #{number}", "en-US");

        // 林阿偉 last wrote in Simplified Chinese, so the answer is in Simplified whatever the press's locale.
        Assert.Contains("已过时", Text(body["value"]));
        Assert.Contains("申请办结", Text(body["value"]));
        Assert.DoesNotContain("use the big hall", shown.CardText);
    }

    [Fact]
    public async Task Press_AfterAnotherPersonsOwnAnswer_IsApplied()
    {
        var (number, revision) = await RegisterAsync();
        await _bot.PressAsync(Wei, CardVerbs.Accept, number, revision);

        // The co-handler's accept does not change what the lead's progress depends on.
        var (_, body) = await _bot.PressAsync(Mei, CardVerbs.Progress, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "draft sent" });
        var shown = await _bot.AskAsync(Mei, $"show #{number}", "en-US");

        Assert.DoesNotContain("out of date", Text(body["value"]));
        Assert.Contains("draft sent", shown.CardText);
    }

    [Fact]
    public async Task Press_SameButtonTwice_HasTheEffectOfOnce()
    {
        var (number, revision) = await RegisterAsync();

        await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "done" });
        var (_, second) = await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "done" });
        var (_, history) = await _bot.PressAsync(Mei, CardVerbs.ShowHistory, number, revision + 1);

        Assert.Contains("out of date", Text(second["value"]));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Text(history["value"]), "asked completion"));
    }

    [Fact]
    public async Task Approve_ByStaffMember_IsRefusedWithMessageAndMatterUnchanged()
    {
        var (number, revision) = await RegisterAsync();
        var (_, asked) = await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision);

        var (status, body) = await _bot.PressAsync(Wei, CardVerbs.ApproveCompletion, number, revision + 1);
        var shown = await _bot.AskAsync(Director, $"show #{number}", "en-US");

        // Wei's client said zh-CN when he last wrote (InitializeAsync); a press carries no text of its own.
        Assert.Equal(200, status);
        Assert.Contains("您没有权限", Text(body["value"]));
        Assert.Contains("Awaiting review", shown.CardText);
        Assert.Contains("Awaiting review", Text(asked["value"]));
    }

    [Fact]
    public async Task Refresh_ReturnsEachPersonsOwnView()
    {
        var (number, revision) = await RegisterAsync();
        await _bot.PressAsync(Mei, CardVerbs.AskCompletion, number, revision);

        var (_, director) = await _bot.PressAsync(Director, CardVerbs.Refresh, number, revision + 1);
        var (_, coHandler) = await _bot.PressAsync(Wei, CardVerbs.Refresh, number, revision + 1);

        Assert.Contains(CardVerbs.ApproveCompletion, director["value"]!.ToJsonString());
        Assert.DoesNotContain(CardVerbs.ApproveCompletion, coHandler["value"]!.ToJsonString());
    }

    [Fact]
    public async Task Change_UpdatesEveryCardAlreadySentInPlace()
    {
        var registered = await _bot.AskAsync(Mei, "new Press release lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();
        var number = Number(registered);
        var mark = _bot.Connector.Calls.Count;

        await _bot.PressAsync(Wei, CardVerbs.Accept, number, Revision(registered));
        await _bot.FollowUpsDoneAsync();

        var updates = _bot.Connector.CallsSince(mark).Where(c => c.Kind == ConnectorCallKind.Update).ToList();
        Assert.Contains(updates, u => u.ConversationId == $"a:personal-{Mei.AadObjectId}");
        Assert.Contains(updates, u => u.ConversationId == $"a:personal-{Wei.AadObjectId}");
        Assert.All(updates, u => Assert.Contains("Accepted", u.CardText.Replace("已接受", "Accepted")));
    }

    [Fact]
    public async Task Press_OnOwnCard_IsAnsweredInPlaceAndNotUpdatedAgainSoAnOpenFormSurvives()
    {
        // Seen in the Playground: the co-handler pressed Accept, opened "Give opinion", and the follow-up's update of the
        // very card they had pressed (already redrawn by the answer) closed the form under their hands.
        var registered = await _bot.AskAsync(Mei, "new Budget memo lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();
        var number = Number(registered);
        var weisCard = Assert.Single(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Wei.AadObjectId}").MessageId;
        var mark = _bot.Connector.Calls.Count;

        var (status, body) = await _bot.PressAsync(Wei, CardVerbs.Accept, number, Revision(registered), onCard: weisCard);
        await _bot.FollowUpsDoneAsync();

        Assert.Equal(200, status);
        Assert.Contains("已接受", Text(body["value"]));
        var updates = _bot.Connector.CallsSince(mark).Where(c => c.Kind == ConnectorCallKind.Update).ToList();
        Assert.DoesNotContain(updates, u => u.ActivityId == weisCard);
        Assert.Contains(updates, u => u.ConversationId == $"a:personal-{Mei.AadObjectId}");
    }

    [Fact]
    public async Task Registration_ReplyCardAlreadyShowsTheNewMatter_IsNotUpdatedAgain()
    {
        var mark = _bot.Connector.Calls.Count;

        var registered = await _bot.AskAsync(Mei, "new Venue booking lead @林阿偉", "en-US", mentions: [Wei]);
        await _bot.FollowUpsDoneAsync();

        var calls = _bot.Connector.CallsSince(mark);
        Assert.Contains($"#{Number(registered)}", registered.CardText);
        Assert.Contains(calls, c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Wei.AadObjectId}");
        Assert.DoesNotContain(calls, c => c.Kind == ConnectorCallKind.Update);
    }

    [Fact]
    public async Task Urge_TwiceWithinAnHour_SecondIsRefused()
    {
        var (number, revision) = await RegisterAsync();

        var (_, first) = await _bot.PressAsync(Director, CardVerbs.Urge, number, revision, new Dictionary<string, string> { [CardInputs.Text] = "today please" });
        var (_, second) = await _bot.PressAsync(Director, CardVerbs.Urge, number, revision + 1);
        await _bot.FollowUpsDoneAsync();

        Assert.DoesNotContain("less than an hour", Text(first["value"]));
        Assert.Contains("less than an hour", Text(second["value"]));
        Assert.Contains(_bot.Connector.Sent, c => c.ConversationId == $"a:personal-{Mei.AadObjectId}" && (c.Summary ?? "").Contains("urges"));
    }

    [Fact]
    public async Task TwentyCoHandlersPressingAtOnce_AreAllAppliedInOneRoundAndLoseNoUpdate()
    {
        var coHandlers = Enumerable.Range(1, 20).Select(i => new TeamsUser($"29:co{i}", $"會辦{i:D2}", $"aad-co{i}")).ToArray();
        _bot.Connector.AddMembers([.. coHandlers.Select(c => c.Roster)]);
        var registered = await _bot.AskAsync(Director, "new Budget review lead @陳小美 " + string.Join(' ', coHandlers.Select(c => $"co @{c.Name}")), "en-US", mentions: [Mei, .. coHandlers]);
        var number = Number(registered);

        // Each presses Accept on the card they were sent, all at once: one person's accept does not make another's card
        // out of date, so every press takes effect in this one round.
        using var start = new SemaphoreSlim(0);
        var presses = coHandlers.Select(async co =>
        {
            await start.WaitAsync();
            var (status, body) = await _bot.PressAsync(co, CardVerbs.Accept, number, Revision(registered));
            return (status, Text(body["value"]));
        }).ToList();
        start.Release(coHandlers.Length);
        var answers = await Task.WhenAll(presses);

        Assert.All(answers, a => Assert.Equal(200, a.status));
        Assert.True(answers.All(a => !a.Item2.Contains("out of date") && !a.Item2.Contains("try again")), string.Join("\n---\n", answers.Select(a => a.Item2)));
        var matters = (OfficeBot.Application.Matters.MatterService)_bot.Services.GetService(typeof(OfficeBot.Application.Matters.MatterService))!;
        var director = new OfficeBot.Domain.Matters.Actor(new OfficeBot.Domain.Office.Person(Director.AadObjectId, Director.Name), OfficeBot.Domain.Office.OfficeRole.Director);
        var matter = await matters.FindVisibleAsync(TenantA, number, director, CancellationToken.None);
        var history = await matters.RecentHistoryAsync(matter!, 100, CancellationToken.None);
        Assert.All(matter!.State.CoHandlers, c => Assert.Equal(OfficeBot.Domain.Matters.CoHandlingState.Accepted, c.State));
        Assert.Equal(20, history.Count(h => h.Kind == OfficeBot.Domain.Matters.HistoryKind.CoHandlingAccepted));
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Sequence));
    }

    private async Task<(int Number, int Revision)> RegisterAsync()
    {
        var reply = await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 10", "en-US", mentions: [Mei, Wei]);
        await _bot.FollowUpsDoneAsync();
        return (Number(reply), Revision(reply));
    }

    private static int Number(ConnectorCall reply) =>
        reply.Card?["refresh"]?["action"]?["data"]?["matter"]?.GetValue<int>() ?? throw new InvalidOperationException("Not a matter card: " + reply.CardText.Replace("\n", " "));

    private static int Revision(ConnectorCall reply) =>
        reply.Card?["refresh"]?["action"]?["data"]?["revision"]?.GetValue<int>() ?? throw new InvalidOperationException("No refresh on the card: " + reply.Body.ToJsonString());

    private static string Text(JsonNode? card) => card is null ? string.Empty : new ConnectorCall(ConnectorCallKind.Reply, "", null, new JsonObject
    {
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card.DeepClone() }),
    }).CardText;
}
