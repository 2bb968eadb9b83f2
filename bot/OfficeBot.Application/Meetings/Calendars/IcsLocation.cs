using System.Net;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Where a feed is: a file (relative to the content root) or a URL. <see cref="Display"/> is what logs and problems show:
/// feed URLs often carry a secret token in their path or query, so only the host and the file name are shown.
/// </summary>
public sealed record IcsLocation(string Text, Uri? Url, string Display, string? Problem)
{
    public static IcsLocation Parse(string text, bool allowHttpOnLoopback)
    {
        text = text.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return new IcsLocation(text, null, text, null);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            return new IcsLocation(text, null, "(unreadable URL)", "is not a valid URL.");
        }

        var display = DisplayOf(url);
        var problem = Allowed(url, allowHttpOnLoopback)
            ? null
            : $"'{display}' must be an https URL{(allowHttpOnLoopback ? " (http only on a loopback address)" : string.Empty)}.";
        return new IcsLocation(text, url, display, problem);
    }

    internal static bool Allowed(Uri url, bool allowHttpOnLoopback) =>
        url.Scheme == Uri.UriSchemeHttps
        || (allowHttpOnLoopback && url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip))));

    internal static string DisplayOf(Uri url)
    {
        var name = url.Segments.Length > 1 ? url.Segments[^1] : string.Empty;
        var port = url.IsDefaultPort ? string.Empty : $":{url.Port}";
        return url.Segments.Length > 2 ? $"{url.Scheme}://{url.Host}{port}/…/{name}" : $"{url.Scheme}://{url.Host}{port}/{name}";
    }
}
