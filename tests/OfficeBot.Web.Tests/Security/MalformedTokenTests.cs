using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// With an app id every request needs a Bot Framework token. Whatever else arrives — no header, another scheme, a
/// token that is not even a JWT — is a 401 with a JSON reason, never a 500; and the log gets one Warning per source a
/// minute, not a stack trace at Error per request.
/// </summary>
public sealed class MalformedTokenTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(
        settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555", ["MicrosoftAppPassword"] = "not-a-real-secret" },
        services: services => services.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("x")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    public async Task BearerThatIsNotAValidToken_Answers401WithAReason(string? bearer)
    {
        var activity = Activities.Personal(Mei, "new Sneaked in", "en-US", TenantA, _bot.Connector.ServiceUrl, []);

        var (status, error) = await Probe.RefusalAsync(await _bot.PostRawAsync(activity.ToJsonString(), bearer));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("token", error);
        Assert.Empty(_bot.Connector.Calls);
        Assert.Null(await Probe.SavedForAsync(_bot, Mei));
    }

    [Fact]
    public async Task BasicScheme_Answers401()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.Personal(Mei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", "YWRtaW46YWRtaW4=");

        var response = await ((HttpClient)typeof(BotHost).GetField("_client", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(_bot)!).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ManyUnauthenticatedRequests_AreLoggedOnceAtWarningWithoutAStackTrace()
    {
        var activity = Activities.Personal(Mei, "help", "en-US", TenantA, _bot.Connector.ServiceUrl, []).ToJsonString();
        for (var i = 0; i < 20; i++)
        {
            await _bot.PostRawAsync(activity, i % 2 == 0 ? "x" : null);
        }

        Assert.DoesNotContain(_logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(_logs.Lines, l => l.Exception is not null);
        Assert.Single(_logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Unauthenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BodyThatIsNotAnActivity_Answers400WithAReason()
    {
        var (status, error) = await Probe.RefusalAsync(await _bot.PostRawAsync("{ this is not json", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("activity", error);
    }
}
