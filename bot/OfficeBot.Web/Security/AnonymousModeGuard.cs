using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OfficeBot.Web.Security;

/// <summary>
/// Anonymous mode (no <c>MicrosoftAppId</c>) accepts every request without a token, so anyone who can reach the port can
/// speak as anyone. It is allowed only in <see cref="LocalMode"/> and only while every address the server listens on is
/// a loopback address; otherwise the host does not start, and says what to set.
/// </summary>
public sealed partial class AnonymousModeGuard(IServer server, IHostEnvironment environment, IConfiguration configuration, ILogger<AnonymousModeGuard> logger)
    : IHostedLifecycleService
{
    public const string WhatToSet =
        "Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (the bot's Entra app registration) for any deployment; " +
        "anonymous mode (an empty MicrosoftAppId) is only for ASPNETCORE_ENVIRONMENT=Development on a loopback address " +
        "(e.g. --urls http://127.0.0.1:3978).";

    /// <summary>Refuses an anonymous start outside Development at once, before anything listens.</summary>
    public static void EnsureAllowed(IHostEnvironment environment, IConfiguration configuration)
    {
        if (LocalMode.IsAnonymous(configuration) && !LocalMode.IsLocal(environment))
        {
            throw new InvalidOperationException($"MicrosoftAppId is empty in the {environment.EnvironmentName} environment, so requests would not be authenticated. {WhatToSet}");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        EnsureAllowed(environment, configuration);
        return Task.CompletedTask;
    }

    /// <summary>The addresses are known only once the server has bound them (ASPNETCORE_URLS, --urls, HTTP_PORTS or Kestrel settings).</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!LocalMode.IsAnonymous(configuration))
        {
            return Task.CompletedTask;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count > 0)
        {
            LogExposed(logger, string.Join(", ", exposed), WhatToSet);
            throw new InvalidOperationException($"Anonymous mode listens on {string.Join(", ", exposed)}, which is not a loopback address. {WhatToSet}");
        }

        LogAnonymous(logger, string.Join(", ", addresses));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool IsLoopback(string address)
    {
        // Kestrel reports what it bound: http://127.0.0.1:5000, http://[::1]:5000, http://localhost:5000, or http://[::]:8080 / http://0.0.0.0:80 for all interfaces.
        var text = address.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Anonymous mode refused: the server listens on {Addresses}. {WhatToSet}")]
    private static partial void LogExposed(ILogger logger, string addresses, string whatToSet);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** ANONYMOUS MODE *** MicrosoftAppId is empty: /api/messages accepts requests WITHOUT authentication, on {Addresses} only. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId for any real deployment.")]
    private static partial void LogAnonymous(ILogger logger, string addresses);
}
