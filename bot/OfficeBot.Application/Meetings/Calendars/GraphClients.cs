using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Microsoft.Graph.Models.ODataErrors;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>How OfficeBot talks to Microsoft Graph: one client, its credential, and what a failed call means to an administrator.</summary>
public static class GraphClients
{
    /// <summary>
    /// A Graph client over the SDK's own middleware (retry on 429/503/504 honouring Retry-After, compression, redirects)
    /// pointed at <see cref="GraphOptions.BaseUrl"/>. <paramref name="finalHandler"/> is the socket handler, for tests.
    /// </summary>
    public static GraphServiceClient Create(GraphOptions options, TokenCredential credential, HttpMessageHandler? finalHandler = null)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(),
            finalHandler: finalHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) });
        // Every call carries its own deadline (GraphOptions.Timeout); the HttpClient's own would only cut retries short.
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var root = new Uri(baseUrl);
        // The token goes to the configured Graph host only (the SDK's own provider knows just the public clouds' hosts).
        var authentication = new AzureIdentityAuthenticationProvider(credential, [root.Host], isCaeEnabled: true,
            scopes: [$"{root.Scheme}://{root.Authority}/.default"]);
        return new GraphServiceClient(http, authentication, baseUrl);
    }

    /// <summary>The app's own identity: its client secret when one is configured, else the host's managed identity.</summary>
    public static TokenCredential Credential(GraphOptions options) =>
        !string.IsNullOrWhiteSpace(options.ClientSecret)
            ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret)
            : new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));

    /// <summary>
    /// The SDK's retry, bounded: at most <see cref="GraphOptions.MaxRetries"/> retries, and no Retry-After wait that would
    /// carry the call past <see cref="GraphOptions.Timeout"/> (the call then fails at once instead of hanging).
    /// </summary>
    internal static void Configure<T>(RequestConfiguration<T> request, GraphOptions options)
        where T : class, new()
    {
        request.Options.Add(new RetryHandlerOption { MaxRetry = options.MaxRetries, RetriesTimeLimit = options.Timeout });
    }

    /// <summary>Why a call failed, worded for an administrator; null when the exception is not a failed Graph call.</summary>
    internal static string? Describe(Exception error, GraphOptions options) => error switch
    {
        ODataError { Error: { } body } odata => $"Microsoft Graph answered {odata.ResponseStatusCode} {body.Code}: {body.Message}",
        ApiException api => $"Microsoft Graph answered {api.ResponseStatusCode}: {api.Message}",
        AggregateException { InnerExceptions: [.., ApiException last] } => $"Microsoft Graph still answered {last.ResponseStatusCode} after {options.MaxRetries} retries.",
        HttpRequestException http => $"Microsoft Graph cannot be reached: {http.Message}",
        AuthenticationFailedException auth => $"OfficeBot cannot sign in to Microsoft Graph: {auth.Message}",
        _ => null,
    };
}
