using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.People;
using OfficeBot.Cards.Actions;
using OfficeBot.Storage;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The language of the answer when the client's locale says English (the Agents Playground always sends en-US) but the
/// person writes Chinese: the script they typed is answered, remembered, and used for their card presses and
/// notifications, through the real pipeline with Teams-shaped activities.
/// </summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Help_TraditionalTextFromAnEnglishClient_IsAnsweredInTraditional()
    {
        var reply = await _bot.AskAsync(Mei, "幫助", "en-US");

        Assert.Contains("OfficeBot 使用說明", reply.CardText);
    }

    [Fact]
    public async Task Help_SimplifiedTextFromAnEnglishClient_IsAnsweredInSimplified()
    {
        var reply = await _bot.AskAsync(Mei, "帮助", "en-US");

        Assert.Contains("OfficeBot 使用说明", reply.CardText);
    }

    [Fact]
    public async Task Help_SimplifiedTextFromATraditionalClient_IsAnsweredInTheScriptTyped()
    {
        var reply = await _bot.AskAsync(Mei, "帮助", "zh-TW");

        Assert.Contains("OfficeBot 使用说明", reply.CardText);
    }

    [Fact]
    public async Task Help_EnglishWordFromAChineseClient_IsAnsweredInTheClientsScript()
    {
        var reply = await _bot.AskAsync(Mei, "help", "zh-CN");

        Assert.Contains("OfficeBot 使用说明", reply.CardText);
    }

    [Fact]
    public async Task Help_InChannelFromAnEnglishClient_IsAnsweredInTheScriptTyped()
    {
        var replies = await _bot.SayInChannelAsync(Mei, "帮助", "en-US");

        Assert.Contains("OfficeBot 使用说明", Assert.Single(replies).CardText);
    }

    [Fact]
    public async Task CardPress_AfterWritingSimplifiedFromAnEnglishClient_IsAnsweredInSimplified()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        var registered = await _bot.AskAsync(Mei, "新事项 预算报告 主办 @陳小美", "en-US", mentions: [Mei]);
        Assert.Contains("已登记并交办 #1", registered.CardText);

        var (status, body) = await _bot.PressAsync(Mei, CardVerbs.Refresh, 1, Revision(registered), locale: "en-US");

        Assert.Equal(200, status);
        var text = Text(body["value"]);
        Assert.Contains("办理中", text);
        Assert.DoesNotContain("In progress", text);
    }

    [Fact]
    public async Task CommandWithoutATellingCharacter_FromAnEnglishClient_FollowsTheRememberedScript()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        await _bot.AskAsync(Mei, "新事项 预算报告 主办 @陳小美", "en-US", mentions: [Mei]);

        // 查看 is written alike in both scripts.
        var shown = await _bot.AskAsync(Mei, "查看 #1", "en-US");

        Assert.Contains("办理中", shown.CardText);
    }

    [Fact]
    public async Task Notification_ToAPersonWhoLastWroteSimplified_IsInSimplified()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        await _bot.AskAsync(Director, "help", "en-US");
        var mark = _bot.Connector.Calls.Count;

        await _bot.AskAsync(Director, "new Budget report lead @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();

        var toMei = Assert.Single(_bot.Connector.CallsSince(mark), c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Mei.AadObjectId}");
        Assert.Equal("您是 #1 Budget report 的主办人。", toMei.Summary);
        Assert.Contains("办理中", toMei.CardText);
    }

    [Fact]
    public async Task Notification_AfterThePersonWritesEnglishAgain_IsInEnglish()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.AskAsync(Director, "help", "en-US");
        var mark = _bot.Connector.Calls.Count;

        await _bot.AskAsync(Director, "new Budget report lead @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();

        var toMei = Assert.Single(_bot.Connector.CallsSince(mark), c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{Mei.AadObjectId}");
        Assert.Contains("In progress", toMei.CardText);
    }

    [Fact]
    public async Task ReplyCard_UpdatedInPlace_StaysInTheScriptItWasDrawnIn()
    {
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "帮助", "en-US");
        var registered = await _bot.AskAsync(Mei, "新事项 预算报告 主办 @陳小美", "en-US", mentions: [Mei]);
        await _bot.FollowUpsDoneAsync();
        var mark = _bot.Connector.Calls.Count;

        await _bot.AskAsync(Director, "urge #1", "en-US");
        await _bot.FollowUpsDoneAsync();

        var update = Assert.Single(_bot.Connector.CallsSince(mark), c => c.Kind == ConnectorCallKind.Update && c.ActivityId == registered.MessageId);
        Assert.Contains("办理中", update.CardText);
    }

    [Fact]
    public async Task SameScriptAgain_WritesThePersonsRowNoMore()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        var before = await PeopleRowAsync(Mei);

        await _bot.AskAsync(Mei, "帮助", "en-US");
        await _bot.AskAsync(Mei, "我的事项", "en-US");

        Assert.Equal("zh-Hans", (await _bot.Services.GetRequiredService<PeopleStore>().FindAsync(TenantA, Mei.AadObjectId, CancellationToken.None))?.Locale);
        Assert.Equal(before.ETag, (await PeopleRowAsync(Mei)).ETag);
    }

    [Fact]
    public async Task StoreBusy_AfterWritingSimplified_IsSaidInSimplified()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        using var holder = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False");
        holder.Open();
        using var lockFile = holder.CreateCommand();
        lockFile.CommandText = "BEGIN EXCLUSIVE;";
        lockFile.ExecuteNonQuery();

        var reply = await _bot.AskAsync(Mei, "新事项 锁定时登记", "en-US");

        Assert.Equal("办公室记录正忙，没有任何数据被更改，请稍后再试。", reply.Text);
        using var release = holder.CreateCommand();
        release.CommandText = "ROLLBACK;";
        release.ExecuteNonQuery();
    }

    [Fact]
    public async Task Registration_DueOnASaturday_IsTakenAndSaysTheWorkingDayBefore()
    {
        var reply = await _bot.AskAsync(Director, "new Budget report due 2026-12-12", "en-US");

        Assert.Contains("Registered #1. Press \"Instruct\" to name its lead and start it.", reply.CardText);
        Assert.Contains("Due on a Saturday — Friday 11 Dec is the last working day before it.", reply.CardText);
        Assert.Equal("good", reply.Card!["body"]![0]!["style"]!.GetValue<string>());
        Assert.Contains(Nodes(reply.Card), n => n is JsonObject o && o["title"]?.GetValue<string>() == "Instruct");
    }

    [Fact]
    public async Task Instruct_DueOnASunday_IsTakenAndSaysTheWorkingDayBefore()
    {
        await _bot.AskAsync(Mei, "帮助", "en-US");
        var registered = await _bot.AskAsync(Director, "new Budget report", "en-US");

        var (_, body) = await _bot.PressAsync(Director, CardVerbs.Instruct, 1, Revision(registered),
            new Dictionary<string, string> { [CardInputs.Lead] = Mei.AadObjectId, [CardInputs.Due] = "2026-12-13" });

        var text = Text(body["value"]);
        Assert.Contains("In progress", text);
        Assert.Contains("Due on a Sunday — Friday 11 Dec is the last working day before it.", text);
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Nodes)],
        JsonArray a => a.OfType<JsonNode>().SelectMany(Nodes),
        _ => [node],
    };

    private async Task<StoredRow> PeopleRowAsync(TeamsUser user) =>
        // Tenant and object ids here hold no character that keys escape, so they are the keys as they are.
        await _bot.Services.GetRequiredService<ITableStore>().GetAsync(PeopleStore.Table, TenantA, user.AadObjectId)
        ?? throw new InvalidOperationException("No people row for " + user.Name);

    private static int Revision(ConnectorCall reply) =>
        reply.Card?["refresh"]?["action"]?["data"]?["revision"]?.GetValue<int>() ?? throw new InvalidOperationException("No refresh on the card: " + reply.Body.ToJsonString());

    private static string Text(JsonNode? card) => card is null ? string.Empty : new ConnectorCall(ConnectorCallKind.Reply, "", null, new JsonObject
    {
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card.DeepClone() }),
    }).CardText;
}
