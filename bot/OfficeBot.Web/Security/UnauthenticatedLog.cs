using System.Collections.Concurrent;
using OfficeBot.Domain.Limits;

namespace OfficeBot.Web.Security;

/// <summary>
/// Requests without a valid token are what the internet sends a public endpoint all day: each source is logged once a
/// minute at Warning, without a stack trace, so the log stays readable and cannot be flooded.
/// </summary>
public sealed partial class UnauthenticatedLog(TimeProvider clock, ILogger<UnauthenticatedLog> logger)
{
    private const int MaxSources = 1024;
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);

    public void Refused(string source, string reason)
    {
        var now = clock.GetUtcNow();
        if (_lastLogged.TryGetValue(source, out var last) && now - last < Quiet)
        {
            return;
        }

        if (_lastLogged.Count >= MaxSources)
        {
            // A flood from many addresses: forget the old ones rather than grow without bound.
            foreach (var (key, at) in _lastLogged)
            {
                if (now - at >= Quiet)
                {
                    _lastLogged.TryRemove(key, out _);
                }
            }
        }

        _lastLogged[source] = now;
        LogRefused(LogValue.Clean(source), LogValue.Clean(reason));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unauthenticated request from {Source} refused with 401 ({Reason}); further ones from it are not logged for a minute")]
    private partial void LogRefused(string source, string reason);
}
