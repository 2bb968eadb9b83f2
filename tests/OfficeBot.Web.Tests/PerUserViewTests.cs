using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// Per-user views as real Teams runs them (the Agents Playground cannot): a card in a group chat names the people whose
/// client fetches their own view by their Teams ids (<c>29:…</c>) in <c>refresh.userIds</c>, and each one's refresh
/// invoke answers with their own buttons.
/// </summary>
public sealed class PerUserViewTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task GroupChatCard_NamesTeamsIdsAndShowsNoOnesButtons()
    {
        // Mei and Wei have never written to the bot: the roster look-up of their @mentions gives their Teams ids.
        var card = await RegisterInGroupChatAsync();

        var userIds = card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal([Mei.TeamsUserId, Director.TeamsUserId, Wei.TeamsUserId], userIds);
        Assert.DoesNotContain(userIds, id => id.StartsWith("aad-", StringComparison.Ordinal));
        Assert.DoesNotContain(Verbs(card), v => v != CardVerbs.ShowHistory);
    }

    [Fact]
    public async Task GroupChat_EachPersonsRefresh_AnswersWithTheirOwnButtons()
    {
        var card = await RegisterInGroupChatAsync();
        var number = card["refresh"]!["action"]!["data"]!["matter"]!.GetValue<int>();
        var revision = card["refresh"]!["action"]!["data"]!["revision"]!.GetValue<int>();

        var views = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var person in (TeamsUser[])[Director, Mei, Wei])
        {
            var (status, body) = await _bot.PressAsync(person, CardVerbs.Refresh, number, revision, inGroupChat: true);
            Assert.Equal(200, status);
            views[person.Name] = Verbs(body["value"]!);
        }

        Assert.Contains(CardVerbs.Cancel, views[Director.Name]);
        Assert.DoesNotContain(CardVerbs.Accept, views[Director.Name]);
        Assert.Contains(CardVerbs.Progress, views[Mei.Name]);
        Assert.DoesNotContain(CardVerbs.Cancel, views[Mei.Name]);
        Assert.Contains(CardVerbs.Accept, views[Wei.Name]);
        Assert.DoesNotContain(CardVerbs.Progress, views[Wei.Name]);
    }

    [Fact]
    public async Task PersonalChatCard_NamesTeamsIdsOfThoseTheBotHasMet()
    {
        var reply = await _bot.AskAsync(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 10", "en-US", mentions: [Mei, Wei]);

        var userIds = reply.Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal([Mei.TeamsUserId, Director.TeamsUserId, Wei.TeamsUserId], userIds);
    }

    private async Task<JsonObject> RegisterInGroupChatAsync()
    {
        var activity = Activities.GroupChat(Director, "new Venue booking lead @陳小美 co @林阿偉 due Dec 10", "en-US", TenantA, _bot.Connector.ServiceUrl, [Mei, Wei]);
        var replies = await _bot.SendAsync(activity);
        var reply = Assert.Single(replies);
        Assert.Equal(Activities.GroupChatId, reply.ConversationId);
        return reply.Card!.AsObject();
    }

    /// <summary>Every Action.Execute verb of a card's buttons, those under "More…" included (not the refresh action).</summary>
    private static IReadOnlyList<string> Verbs(JsonNode card) =>
        card.DescendantsAndSelf()
            .Where(n => n is JsonObject o && o["type"]?.GetValue<string>() == "Action.Execute")
            .Select(n => n!["verb"]!.GetValue<string>())
            .ToList();
}

internal static class JsonNodeWalk
{
    public static IEnumerable<JsonNode?> DescendantsAndSelf(this JsonNode? node)
    {
        yield return node;
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == "refresh")
                    {
                        continue;
                    }

                    foreach (var d in child.DescendantsAndSelf())
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var d in child.DescendantsAndSelf())
                    {
                        yield return d;
                    }
                }

                break;
        }
    }
}
