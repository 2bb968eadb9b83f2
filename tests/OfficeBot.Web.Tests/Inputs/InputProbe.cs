using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.Matters;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Testing;

namespace OfficeBot.Web.Tests.Inputs;

/// <summary>What the input tests send that <see cref="BotHost"/> does not shape itself (any invoke value at all), and what they read back from the store.</summary>
internal static class InputProbe
{
    /// <summary>Posts an adaptiveCard/action invoke whose value is exactly <paramref name="value"/>; returns the status and the raw body.</summary>
    public static async Task<(int Status, string Body)> InvokeAsync(this BotHost bot, TeamsUser from, JsonNode? value, string locale = "en-US")
    {
        var invoke = Activities.Personal(from, string.Empty, locale, BotHost.TenantA, bot.Connector.ServiceUrl, []);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke.Remove("text");
        invoke["value"] = value;
        invoke["id"] = $"in-{Guid.NewGuid():N}";
        var response = await bot.PostRawAsync(invoke.ToJsonString());
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An Action.Execute value with the given verb and data, as Teams sends it.</summary>
    public static JsonObject Execute(string verb, JsonNode? data) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
        ["trigger"] = "manual",
    };

    /// <summary>Every text of the card in an invoke answer; fails the test if the answer is not a 200 with a card.</summary>
    public static string AnswerCardText((int Status, string Body) answer)
    {
        var (status, body) = answer;
        Assert.True(status == 200, $"The invoke answered {status}: {body}");
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", json["type"]?.GetValue<string>());
        var card = json["value"]!;
        return new ConnectorCall(ConnectorCallKind.Reply, string.Empty, null, new JsonObject
        {
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card.DeepClone() }),
        }).CardText;
    }

    /// <summary>The matter as stored, seen by the director, serialised so two reads can be compared field by field.</summary>
    public static async Task<string?> StoredAsync(this BotHost bot, int number)
    {
        var matters = bot.Services.GetRequiredService<MatterService>();
        var director = new Actor(new Person(BotHost.Director.AadObjectId, BotHost.Director.Name), OfficeRole.Director);
        var matter = await matters.FindVisibleAsync(BotHost.TenantA, number, director, CancellationToken.None);
        return matter is null ? null : JsonSerializer.Serialize(matter.State);
    }

    public static async Task<MatterState> StateAsync(this BotHost bot, int number)
    {
        var matters = bot.Services.GetRequiredService<MatterService>();
        var director = new Actor(new Person(BotHost.Director.AadObjectId, BotHost.Director.Name), OfficeRole.Director);
        return (await matters.FindVisibleAsync(BotHost.TenantA, number, director, CancellationToken.None))!.State;
    }

    public static int Number(ConnectorCall reply) =>
        reply.Card?["refresh"]?["action"]?["data"]?["matter"]?.GetValue<int>() ?? throw new InvalidOperationException("Not a matter card: " + reply.CardText.Replace("\n", " "));

    public static int Revision(ConnectorCall reply) =>
        reply.Card?["refresh"]?["action"]?["data"]?["revision"]?.GetValue<int>() ?? throw new InvalidOperationException("No refresh on the card: " + reply.Body.ToJsonString());

    public static TeamsUser[] Colleagues(int count) =>
        Enumerable.Range(1, count).Select(i => new TeamsUser($"29:colleague{i}", $"同事{i:D3}", $"aad-colleague{i}")).ToArray();
}
