using System.Net;
using Microsoft.Extensions.Options;

namespace OfficeBot.Web.Security;

/// <summary>Hosts an operator trusts beyond the Bot Framework's own (section <c>Bot</c>).</summary>
public sealed class TrustOptions
{
    public const string Section = "Bot";

    /// <summary>Extra service hosts, exact (<c>smba.example.net</c>) or a whole domain (<c>*.example.net</c>); https only.</summary>
    public List<string> TrustedServiceHosts { get; set; } = [];
}

/// <summary>
/// Which <c>serviceUrl</c>s the bot will talk to. The bot sends replies, notifications and card updates, with its own
/// credentials, to whatever serviceUrl an activity or a stored reference names, so a URL outside the Bot Framework's
/// hosts would turn the bot into a relay that posts confidential cards (and its token) wherever a sender points it.
/// Trusted: https on the public, government and China clouds' Bot Framework and Teams connector hosts, plus hosts the
/// operator adds; loopback (http or https) only in <see cref="LocalMode"/>, for the Agents Playground and the tests.
/// </summary>
public sealed class ServiceUrlPolicy
{
    // Bot Framework service hosts as the SDK and the Teams documentation give them: smba.trafficmanager.net (public
    // cloud, exact — anyone can create other *.trafficmanager.net names), *.botframework.com, the US government clouds
    // (*.botframework.us, *.botframework.azure.us; Teams GCC smba.infra.gcc.teams.microsoft.com, GCC High and DoD
    // smba.infra.gov/dod.teams.microsoft.us) and the China cloud (*.botframework.azure.cn).
    private static readonly string[] BuiltInExact = ["smba.trafficmanager.net"];

    private static readonly string[] BuiltInDomains =
        ["botframework.com", "botframework.us", "botframework.azure.us", "botframework.azure.cn", "teams.microsoft.com", "teams.microsoft.us"];

    private readonly HashSet<string> _exact;
    private readonly string[] _domains;
    private readonly bool _allowLoopback;

    public ServiceUrlPolicy(IOptions<TrustOptions> options, IHostEnvironment environment)
        : this(options.Value.TrustedServiceHosts, LocalMode.IsLocal(environment))
    {
    }

    public ServiceUrlPolicy(IEnumerable<string> extraHosts, bool allowLoopback)
    {
        var extra = extraHosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).ToList();
        _exact = new HashSet<string>(BuiltInExact.Concat(extra.Where(h => !h.StartsWith("*.", StringComparison.Ordinal))), StringComparer.OrdinalIgnoreCase);
        _domains = BuiltInDomains.Concat(extra.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[2..])).ToArray();
        _allowLoopback = allowLoopback;
    }

    /// <summary>Null when the bot may send to <paramref name="serviceUrl"/>; otherwise why not, in a few words.</summary>
    public string? Problem(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "serviceUrl is missing";
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "serviceUrl is not an http(s) URL";
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (IsLoopback(host))
        {
            return _allowLoopback ? null : "serviceUrl is a loopback address, trusted only in Development";
        }

        if (uri.Scheme != "https")
        {
            return "serviceUrl must use https";
        }

        var trusted = _exact.Contains(host) || _domains.Any(domain => host.EndsWith("." + domain, StringComparison.Ordinal));
        return trusted ? null : "serviceUrl is not a Bot Framework or Teams service host";
    }

    public bool IsTrusted(string? serviceUrl) => Problem(serviceUrl) is null;

    private static bool IsLoopback(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
