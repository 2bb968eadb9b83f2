using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OfficeBot.Application.Conversations;
using OfficeBot.Storage.Sqlite;
using OfficeBot.Testing.EndToEnd;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// Bot Framework authentication end to end and offline: the bot in Production with an app id, its token settings
/// (<c>ToBotFromChannelOpenIdMetadataUrl</c>, <c>ToBotFromChannelTokenIssuer</c>) pointing at a local issuer. A valid
/// token gets in; a forged signature, an expired token, another audience, another issuer, or a serviceurl claim that
/// is not the activity's is a 401 with nothing stored or sent.
/// </summary>
public sealed class JwtEndToEndTests(JwtEndToEndTests.Bot bot) : IClassFixture<JwtEndToEndTests.Bot>
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    [Fact]
    public async Task ValidToken_IsAccepted_AndTheAddressIsStoredAsAuthenticated()
    {
        var user = User("valid");

        var response = await bot.PostAsync(Install(user), bot.Issuer.Token(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await bot.SavedForAsync(user);
        Assert.NotNull(saved);
        Assert.True(saved.Authenticated);
    }

    [Fact]
    public async Task ForgedSignature_Answers401AndStoresNothing()
    {
        using var stranger = RSA.Create(2048);
        await AssertRefusedAsync("forged", user => bot.Issuer.Token(AppId, ServiceUrl, signWith: stranger));
    }

    [Fact]
    public Task ExpiredToken_Answers401AndStoresNothing() =>
        AssertRefusedAsync("expired", _ => bot.Issuer.Token(AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-10)));

    [Fact]
    public Task TokenForAnotherBot_Answers401AndStoresNothing() =>
        AssertRefusedAsync("audience", _ => bot.Issuer.Token("99999999-8888-7777-6666-555555555555", ServiceUrl));

    [Fact]
    public Task TokenFromAnotherIssuer_Answers401AndStoresNothing() =>
        AssertRefusedAsync("issuer", _ => bot.Issuer.Token(AppId, ServiceUrl, issuer: "https://evil.example"));

    [Fact]
    public Task ServiceUrlClaimOtherThanTheActivitys_Answers401AndStoresNothing() =>
        AssertRefusedAsync("serviceurl", _ => bot.Issuer.Token(AppId, "https://smba.trafficmanager.net/emea/"));

    [Fact]
    public async Task ValidTokenForAnActivityWithoutATenant_IsRefusedWith400()
    {
        var user = User("no-tenant");
        var activity = Install(user);
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity.Remove("channelData");

        var response = await bot.PostAsync(activity, bot.Issuer.Token(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await bot.SavedForAsync(user));
    }

    private static TeamsUser User(string name) => new($"29:{name}", name, $"aad-{name}");

    /// <summary>An installation: the bot stores the address and sends nothing, so no call leaves for Teams.</summary>
    private static System.Text.Json.Nodes.JsonObject Install(TeamsUser user)
    {
        var activity = Activities.Personal(user, string.Empty, "en-US", TenantA, ServiceUrl, []);
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity.Remove("text");
        return activity;
    }

    private async Task AssertRefusedAsync(string name, Func<TeamsUser, string> token)
    {
        var user = User(name);

        var response = await bot.PostAsync(Install(user), token(user));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync());
        Assert.Null(await bot.SavedForAsync(user));
    }

    /// <summary>The bot process in Production with an app id, trusting the local issuer's certificate and no one else's.</summary>
    public sealed class Bot : IAsyncLifetime
    {
        private BotProcess _process = null!;
        private readonly HttpClient _http = new();

        public LocalOpenIdIssuer Issuer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Issuer = await LocalOpenIdIssuer.StartAsync();
            _process = await BotProcess.StartAsync(typeof(Program).Assembly.Location, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "MultiTenant",
                ["ToBotFromChannelOpenIdMetadataUrl"] = Issuer.MetadataUrl,
                ["ToBotFromChannelTokenIssuer"] = LocalOpenIdIssuer.Issuer,

                // Once any token setting is given the SDK takes none from its public-cloud table: the outbound ones too.
                ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
                ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
                ["OAuthUrl"] = "https://api.botframework.com",
                ["ValidateAuthority"] = "true",
                ["SSL_CERT_FILE"] = Issuer.CertificateBundlePath,
            });
        }

        public async Task<HttpResponseMessage> PostAsync(System.Text.Json.Nodes.JsonObject activity, string token)
        {
            activity["id"] = $"in-{Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Post, _process.MessagesEndpoint)
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await _http.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                // Let the process's log of the failure arrive before it is shown.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{_process.Output()}");
            return response;
        }

        public async Task<SavedConversation?> SavedForAsync(TeamsUser user)
        {
            using var store = new SqliteTableStore(Path.Combine(_process.Folder, "officebot.db"));
            return await new ConversationStore(store).ForUserAsync(TenantA, user.AadObjectId, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _process.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }
}
