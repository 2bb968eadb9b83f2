using System.Text.Json.Nodes;

namespace OfficeBot.LoadTest;

/// <summary>A message in the sender's personal chat with the bot, shaped as Teams sends it (as in tests/OfficeBot.Web.Tests/BotHost.cs).</summary>
internal static class Activities
{
    public static string Personal(LoadUser from, string text, string locale, string serviceUrl, params LoadUser[] mentions) =>
        Personal(Office.Tenant, from, text, locale, serviceUrl, mentions);

    public static string Personal(string tenant, LoadUser from, string text, string locale, string serviceUrl, params LoadUser[] mentions)
    {
        var entities = new JsonArray();
        foreach (var m in mentions)
        {
            text = text.Replace("@" + m.Name, $"<at>{m.Name}</at>", StringComparison.Ordinal);
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{m.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = m.TeamsUserId, ["name"] = m.Name } });
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "TW", ["platform"] = "Web", ["timezone"] = "Asia/Taipei" });
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"in-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.TeamsUserId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
            ["conversation"] = new JsonObject { ["id"] = $"a:personal-{from.AadObjectId}", ["conversationType"] = "personal", ["tenantId"] = tenant, ["isGroup"] = false },
            ["recipient"] = new JsonObject { ["id"] = Office.BotId, ["name"] = "OfficeBot" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = locale,
            ["entities"] = entities,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        }.ToJsonString();
    }

    /// <summary>A press of an Action.Execute button (invoke adaptiveCard/action) in the sender's personal chat.</summary>
    public static string Invoke(LoadUser from, string verb, int matter, int revision, string serviceUrl, string? text = null)
    {
        var data = new JsonObject { ["matter"] = matter, ["revision"] = revision };
        if (text is not null)
        {
            data["text"] = text; // the card's Input.Text with id "text" (CardInputs.Text), as Teams adds it to the data
        }

        var activity = JsonNode.Parse(Personal(from, string.Empty, "en-US", serviceUrl))!.AsObject();
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity.ToJsonString();
    }
}

/// <summary>What the bot answered to an invoke (the HTTP response body of POST /api/messages).</summary>
internal sealed record InvokeAnswer(bool IsCard, bool OutOfDate, int? Revision, string Text)
{
    public static InvokeAnswer Parse(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            var isCard = node?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive";
            var revision = node?["value"]?["refresh"]?["action"]?["data"]?["revision"]?.GetValue<int>();
            var text = node?["value"]?.ToJsonString() ?? body;

            // The stale-card note (CardActionDispatcher): the fresh card, with what changed, and nothing applied.
            return new InvokeAnswer(isCard, text.Contains("out of date", StringComparison.Ordinal), revision, text);
        }
        catch (System.Text.Json.JsonException)
        {
            return new InvokeAnswer(false, false, null, body);
        }
    }
}
