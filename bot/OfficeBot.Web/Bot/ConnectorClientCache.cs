using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;
using OfficeBot.Web.Security;

namespace OfficeBot.Web.Bot;

/// <summary>
/// The SDK's authentication, except that connector clients are reused across turns instead of built for every one.
/// A new <see cref="ConnectorClient"/> brings fresh Newtonsoft serializer settings whose contract cache is empty, and its
/// first call pays ~20 ms of reflection on the activity types — more than the rest of a turn. A client (and its
/// credentials, which refresh their own tokens) is safe to share, so one is kept per bot identity, service URL and audience.
/// Validation of incoming requests is untouched: it is all done by the wrapped <see cref="BotFrameworkAuthentication"/>.
/// The cache holds the <see cref="Capacity"/> most recently used clients (a flood of service URLs cannot grow it), and
/// it builds no client for a service URL the <see cref="ServiceUrlPolicy"/> does not trust, whoever asks.
/// </summary>
public sealed class ConnectorClientCache(BotFrameworkAuthentication inner, ServiceUrlPolicy serviceUrls) : BotFrameworkAuthentication
{
    /// <summary>A bot talks to a handful of regional service URLs; 64 leaves room for all clouds and audiences.</summary>
    public const int Capacity = 64;

    private readonly LruCache<string, Lazy<Task<IConnectorClient>>> _clients = new(Capacity);
    private readonly ServiceUrlPolicy _serviceUrls = serviceUrls;

    /// <summary>How many clients are kept now.</summary>
    public int Count => _clients.Count;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Reusing(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    /// <summary>
    /// The SDK asks for a user-token (OAuth) client on every turn, and building one costs ~100 KB and several regexes
    /// compiled from scratch (its user agent is cleaned with <c>new Regex</c> each time), ~6 % of a warm turn's CPU. The
    /// bot signs nobody in, so the real client is built only if something actually calls it.
    /// </summary>
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory Reusing(ConnectorFactory factory, ClaimsIdentity? identity)
    {
        var botId = identity?.Claims.FirstOrDefault(c => c.Type is AuthenticationConstants.AudienceClaim)?.Value ?? "anonymous";
        return new ReusingFactory(this, factory, botId);
    }

    private sealed class ReusingFactory(ConnectorClientCache cache, ConnectorFactory inner, string botId) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            if (cache._serviceUrls.Problem(serviceUrl) is { } problem)
            {
                throw new UnauthorizedAccessException($"No connector for an untrusted service URL: {problem}");
            }

            var key = $"{botId}|{serviceUrl}|{audience}";
            var lazy = cache._clients.GetOrAdd(key, () => new Lazy<Task<IConnectorClient>>(() => inner.CreateAsync(serviceUrl, audience, CancellationToken.None)));
            try
            {
                return new SharedClient(await lazy.Value);
            }
            catch
            {
                cache._clients.Remove(key);
                throw;
            }
        }
    }

    /// <summary>The SDK's user-token client, built on first use (and disposed with the turn if it was built).</summary>
    private sealed class DeferredUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
    {
        private readonly Lazy<Task<UserTokenClient>> _client = new(create);

        public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            await (await _client.Value).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            await (await _client.Value).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            await (await _client.Value).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            await (await _client.Value).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            await (await _client.Value).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            await (await _client.Value).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _client.IsValueCreated && _client.Value.IsCompletedSuccessfully)
            {
                _client.Value.Result.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The turn disposes what it was given; the shared client must outlive it.</summary>
    private sealed class SharedClient(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }

        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

        public ServiceClientCredentials Credentials => client.Credentials;

        public IAttachments Attachments => client.Attachments;

        public IConversations Conversations => client.Conversations;

        public void Dispose()
        {
        }
    }
}
