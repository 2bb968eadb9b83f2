using System.Net;
using System.Text.Json.Nodes;
using OfficeBot.Application.Conversations;

namespace OfficeBot.Web.Tests.Security;

/// <summary>What the security tests look at after a refused request: the answer and the store.</summary>
internal static class Probe
{
    public static async Task<(HttpStatusCode Status, string Error)> RefusalAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var error = JsonNode.Parse(body)?["error"]?.GetValue<string>() ?? string.Empty;
        return (response.StatusCode, error);
    }

    public static ConversationStore Conversations(BotHost bot) => (ConversationStore)bot.Services.GetService(typeof(ConversationStore))!;

    public static Task<SavedConversation?> SavedForAsync(BotHost bot, TeamsUser user, string tenant = BotHost.TenantA) =>
        Conversations(bot).ForUserAsync(tenant, user.AadObjectId, CancellationToken.None);

    /// <summary>Nothing was registered: the next matter anyone registers is #1.</summary>
    public static async Task AssertNoMatterAsync(BotHost bot)
    {
        var reply = await bot.AskAsync(BotHost.Director, "new Probe after the refusal", "en-US");
        Assert.Contains("#1", reply.Summary ?? reply.CardText);
    }
}
