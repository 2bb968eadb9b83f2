using System.Net;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Teams-shaped activities through the real HTTP pipeline (CloudAdapter → handler → application → SQLite), replies read at the connector.</summary>
public sealed class MessagePipelineTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Healthz_Answers()
    {
        var response = await _bot.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task New_InPersonalChatTraditional_RegistersMatterOneAndAnswersWithItsCard()
    {
        var reply = await _bot.AskAsync(Mei, "新事項 年度預算報告 期限 12月5日 文號 府財字第12號 急件");

        Assert.Equal(ConnectorCallKind.Reply, reply.Kind);
        Assert.Contains("#1", reply.CardText);
        Assert.Contains("年度預算報告", reply.CardText);
        Assert.Contains("府財字第12號", reply.CardText);
        Assert.Contains("急件", reply.CardText);
        Assert.Contains("登記", reply.CardText);
        Assert.Contains("2026年12月5日", reply.CardText);
        Assert.Equal("1.5", reply.Card!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task New_InChannelWithMentions_StripsBotMentionAndResolvesPeopleThroughRoster()
    {
        var reply = Assert.Single(await _bot.SayInChannelAsync(Director, "新事項 場地協調 主辦 @陳小美 會辦 @林阿偉 期限 下週五", mentions: [Mei, Wei]));

        Assert.Contains("#1 場地協調", reply.CardText.Replace("\n", " "));
        Assert.Contains("陳小美", reply.CardText);
        Assert.Contains("林阿偉", reply.CardText);
        Assert.Contains("辦理中", reply.CardText); // a director's assignment starts at once
        Assert.DoesNotContain("OfficeBot", reply.CardText);
        Assert.Contains(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.GetMember && c.ActivityId == Mei.TeamsUserId);

        var mine = await _bot.AskAsync(Mei, "我的事項");
        Assert.Contains("場地協調", mine.CardText);
    }

    [Fact]
    public async Task New_MentionOfSomeoneOutsideTheConversation_IsRefusedAndCreatesNothing()
    {
        var reply = await _bot.AskAsync(Mei, "新事項 年度預算 主辦 @外人", mentions: [Outsider]);

        Assert.Contains("外人", reply.CardText);
        Assert.Contains("不在這個對話中", reply.CardText);
        var next = await _bot.AskAsync(Mei, "新事項 另一件事");
        Assert.Contains("#1", next.CardText);
    }

    [Theory]
    [InlineData("新事項 年度預算報告 期限 11月20日", "zh-TW", "已經過去")]
    [InlineData("新事项 年度预算报告 期限 11月20日", "zh-CN", "已经过去")]
    [InlineData("new Annual budget due Nov 20", "en-US", "already past")]
    [InlineData("新事項", "zh-TW", "需要標題")]
    [InlineData("new", "en-US", "needs a title")]
    [InlineData("新事項 職責(zé) &quot;報告&quot;", "zh-TW", "亂碼")]
    public async Task New_BadInput_GetsLocalisedProblemAndRightFormAndCreatesNothing(string text, string locale, string expected)
    {
        var reply = await _bot.AskAsync(Mei, text, locale);

        Assert.Contains(expected, reply.CardText);
        Assert.Contains(locale == "en-US" ? "new <title>" : locale == "zh-CN" ? "新事项 <标题>" : "新事項 <標題>", reply.CardText);
        var mine = await _bot.AskAsync(Mei, "my", "en-US");
        Assert.Contains("no open matters", mine.CardText);
    }

    [Fact]
    public async Task New_TitleOver200Characters_IsRefused()
    {
        var reply = await _bot.AskAsync(Mei, "new " + new string('x', 201), "en-US");

        Assert.Contains("too long", reply.CardText);
    }

    [Fact]
    public async Task Show_MatterOfAnotherTenant_IsUnknown()
    {
        await _bot.AskAsync(Mei, "新事項 機密簽呈 會辦 @林阿偉", mentions: [Wei]);

        var own = await _bot.AskAsync(Wei, "查看 #1");
        var other = await _bot.AskAsync(Wei, "查看 #1", tenant: TenantB);

        Assert.Contains("機密簽呈", own.CardText);
        Assert.DoesNotContain("機密簽呈", other.CardText);
        Assert.Contains("找不到", other.CardText);
    }

    [Fact]
    public async Task Show_UnknownNumber_SaysSoWithRightForm()
    {
        var reply = await _bot.AskAsync(Mei, "show #42", "en-US");

        Assert.Contains("no matter #42", reply.CardText);
        Assert.Contains("show #12", reply.CardText);
    }

    [Fact]
    public async Task Show_MatterSomeoneIsNoPartOf_IsUnknownToThem()
    {
        await _bot.AskAsync(Mei, "新事項 人事案");

        var reply = await _bot.AskAsync(Wei, "查看 #1");

        Assert.Contains("找不到", reply.CardText);
    }

    [Fact]
    public async Task AckProgressDone_ByLead_MovesMatterToReviewWithHistory()
    {
        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 due next Friday", "en-US", mentions: [Mei]);

        var ack = await _bot.AskAsync(Mei, "簽收 #1");
        var progress = await _bot.AskAsync(Mei, "進度 #1 已聯絡場地");
        var done = await _bot.AskAsync(Mei, "辦結 #1 已訂妥");

        Assert.Contains("已簽收", ack.CardText);
        Assert.Contains("已聯絡場地", progress.CardText);
        Assert.Contains("待審核", done.CardText);
        var review = await _bot.AskAsync(Director, "review", "en-US");
        Assert.Contains("Venue booking", review.CardText);
    }

    [Fact]
    public async Task Done_ByAStaffMemberWhoIsNotTheLead_IsRefusedAndChangesNothing()
    {
        await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉", "en-US", mentions: [Mei, Wei]);

        var reply = await _bot.AskAsync(Wei, "done #1", "en-US");
        var show = await _bot.AskAsync(Wei, "show #1", "en-US");

        Assert.Contains("may not", reply.CardText);
        Assert.Contains("In progress", show.CardText);
    }

    [Fact]
    public async Task Transfer_ByDirectorOnARegisteredMatter_NamesTheLeadAndStartsIt()
    {
        await _bot.AskAsync(Wei, "new Visitor badges", "en-US");

        var reply = await _bot.AskAsync(Director, "transfer #1 @陳小美 please handle", "en-US", mentions: [Mei]);
        var mine = await _bot.AskAsync(Mei, "my", "en-US");

        Assert.Contains("In progress", reply.CardText);
        Assert.Contains("陳小美", reply.CardText);
        Assert.Contains("Visitor badges", mine.CardText);
    }

    [Fact]
    public async Task Transfer_AskedByLead_WaitsForDirectorAndChangesNoLead()
    {
        await _bot.AskAsync(Director, "new Visitor badges lead @陳小美", "en-US", mentions: [Mei]);

        var reply = await _bot.AskAsync(Mei, "transfer #1 @林阿偉 belongs to personnel", "en-US", mentions: [Wei]);
        var weis = await _bot.AskAsync(Wei, "my", "en-US");

        Assert.Contains("the director decides", reply.CardText);
        Assert.DoesNotContain("Visitor badges", weis.CardText);
    }

    [Fact]
    public async Task Extend_ByLead_IsAskedAndByDirectorTakesEffectKeepingOriginalDue()
    {
        await _bot.AskAsync(Director, "new Visitor badges lead @陳小美 due Dec 4", "en-US", mentions: [Mei]);

        var asked = await _bot.AskAsync(Mei, "extend #1 Dec 11 waiting for the printer", "en-US");
        var extended = await _bot.AskAsync(Director, "extend #1 Dec 18", "en-US");

        Assert.Contains("the director decides", asked.CardText);
        Assert.Contains("18 Dec 2026", extended.CardText);
        Assert.Contains("4 Dec 2026", extended.CardText);
    }

    [Fact]
    public async Task Urge_ByTheRegistrar_IsRecorded()
    {
        await _bot.AskAsync(Wei, "new Visitor badges co @陳小美", "en-US", mentions: [Mei]);

        var reply = await _bot.AskAsync(Wei, "urge #1 please reply today", "en-US");

        Assert.Contains("Urged #1", reply.CardText);
        Assert.Contains("please reply today", reply.CardText);
    }

    [Fact]
    public async Task Ack_Twice_HasTheEffectOfOnce()
    {
        await _bot.AskAsync(Director, "new Venue booking lead @陳小美", "en-US", mentions: [Mei]);

        await _bot.AskAsync(Mei, "ack #1", "en-US");
        var second = await _bot.AskAsync(Mei, "ack #1", "en-US");

        Assert.Contains("already acknowledged", second.CardText);
    }

    [Fact]
    public async Task Overdue_ListsOnlyLateMattersForDirector()
    {
        await _bot.AskAsync(Director, "new On time lead @陳小美 due in 30 days", "en-US", mentions: [Mei]);

        var reply = await _bot.AskAsync(Director, "overdue", "en-US");

        Assert.Contains("Nothing is overdue", reply.CardText);
    }

    [Fact]
    public async Task FreeText_GetsHelpCardNotAnError()
    {
        var reply = await _bot.AskAsync(Mei, "你好，請問今天開會嗎");

        Assert.Contains("新事項", reply.CardText);
        Assert.Contains("我的事項", reply.CardText);
    }

    [Fact]
    public async Task Reply_FollowsActivityLocale()
    {
        var simplified = await _bot.AskAsync(Mei, "帮助", "zh-CN");
        var english = await _bot.AskAsync(Mei, "help", "en-US");

        Assert.Contains("新事项", simplified.CardText);
        Assert.Contains("new", english.CardText);
    }

    [Fact]
    public async Task New_TwoUsersAtOnce_GetDistinctNumbers()
    {
        var tasks = Enumerable.Range(0, 10).Select(i => _bot.AskAsync(i % 2 == 0 ? Mei : Wei, $"new Parallel matter {i}", "en-US"));

        var replies = await Task.WhenAll(tasks);

        var numbers = replies.Select(r => System.Text.RegularExpressions.Regex.Match(r.CardText, @"#(\d+)").Groups[1].Value).ToList();
        Assert.Equal(10, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString()).Order(), numbers.Order());
    }

    [Fact]
    public async Task Message_SavesConversationReferenceForProactiveMessages()
    {
        await _bot.AskAsync(Mei, "help", "en-US");

        var store = (OfficeBot.Application.Conversations.ConversationStore)_bot.Services.GetService(typeof(OfficeBot.Application.Conversations.ConversationStore))!;
        var saved = await store.ForUserAsync(TenantA, Mei.AadObjectId, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.Equal(_bot.Connector.ServiceUrl, saved.ServiceUrl);
        Assert.Contains(Mei.AadObjectId, saved.ReferenceJson);
    }
}
