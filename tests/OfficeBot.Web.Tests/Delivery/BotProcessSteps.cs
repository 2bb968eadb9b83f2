using System.Text;
using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.Web.Tests.Delivery;

/// <summary>What the process tests (kill -9 and restart) do to a bot running as its own process, and how they wait for it.</summary>
internal static class BotProcessSteps
{
    /// <summary>Posts a Teams-shaped activity (with a fresh id) to the bot process; anything but success fails with its output.</summary>
    public static async Task PostAsync(HttpClient http, BotProcess bot, System.Text.Json.Nodes.JsonObject activity)
    {
        activity["id"] = Guid.NewGuid().ToString("N");
        using var response = await http.PostAsync(bot.MessagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"the bot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{bot.Output()}");
    }

    /// <summary>Waits on the real clock until <paramref name="condition"/> holds, else fails with <paramref name="explain"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> explain)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {timeout.TotalSeconds:F0} s.\n{explain()}");
            }

            await Task.Delay(100);
        }
    }
}
