using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Serialization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Office;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// What reading a feed gave. <see cref="Content"/> is the last version read successfully (at <see cref="ReadAt"/>), the
/// same object for as long as the feed does not change; when <see cref="UnavailableSince"/> is set the latest reads
/// failed (<see cref="Problem"/> says why) and it is stale.
/// </summary>
public sealed record IcsFeed(string Display, IcsContent? Content, DateTimeOffset? ReadAt, DateTimeOffset? UnavailableSince, string? Problem);

/// <summary>
/// Reads iCalendar feeds from files (relative to the content root) or https URLs and keeps, per feed, the last version
/// that parsed (<see cref="IcsContent"/>: its text as UTF-8, a few MB, not the parsed calendar, which is some 123 MB for
/// 20,000 events and is let go once the caller has expanded it). A new body is still parsed here, so that a malformed
/// feed is reported (file and line) when it is read and the last good version is kept. An unchanged file is not read
/// again; a URL is fetched with a conditional GET (If-None-Match / If-Modified-Since) and a 304 keeps the same version.
/// Bodies are bounded (<see cref="LeaderCalendarOptions.MaxBytes"/>), each fetch has a timeout, and redirects are
/// followed only on the same host over https. The <see cref="HttpClient"/> should not follow redirects itself
/// (<c>AllowAutoRedirect = false</c>); if it does, an answer that came from another host is refused.
/// </summary>
public sealed partial class IcsFeedReader(HttpClient http, TimeProvider time, IOptions<LeaderCalendarOptions> options,
    string contentRoot, ILogger<IcsFeedReader> logger)
{
    private const int MaxRedirects = 5;
    private readonly ConcurrentDictionary<string, FeedState> _feeds = new(StringComparer.Ordinal);

    public async Task<IcsFeed> ReadAsync(string ics, CancellationToken ct)
    {
        var settings = options.Value;
        var location = IcsLocation.Parse(ics, settings.AllowHttpOnLoopback);
        if (location.Problem is { } invalid)
        {
            return new IcsFeed(location.Display, null, null, time.GetUtcNow(), $"{location.Display} {invalid}");
        }

        var feed = _feeds.GetOrAdd(location.Text, _ => new FeedState());
        await feed.Gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (feed.AttemptedAt is { } last && now - last < settings.RefreshAfter)
            {
                return feed.Snapshot(location.Display);
            }

            try
            {
                if (location.Url is { } url)
                {
                    await FetchAsync(feed, url, location.Display, settings, ct);
                }
                else
                {
                    ReadFile(feed, location.Text, settings);
                }

                feed.ReadAt = now;
                feed.UnavailableSince = null;
                feed.Problem = null;
            }
            catch (FeedProblem problem)
            {
                feed.UnavailableSince ??= now;
                feed.Problem = problem.Message;
                LogUnreadable(location.Display, feed.UnavailableSince.Value, problem.Message);
            }

            feed.AttemptedAt = now;
            return feed.Snapshot(location.Display);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    private void ReadFile(FeedState feed, string relative, LeaderCalendarOptions settings)
    {
        var path = Path.GetFullPath(relative, contentRoot);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FeedProblem($"calendar file '{relative}' was not found (looked for {path}).");
        }

        if (file.Length > settings.MaxBytes)
        {
            throw new FeedProblem($"calendar file '{relative}' is {file.Length} bytes, more than the {settings.MaxBytes} bytes allowed (Office:LeaderCalendars:MaxBytes).");
        }

        if (feed.Content is not null && feed.FileStamp == (file.LastWriteTimeUtc, file.Length))
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            throw new FeedProblem($"calendar file '{relative}' cannot be read: {error.Message}");
        }

        feed.Content = Content(text, relative);
        feed.FileStamp = (file.LastWriteTimeUtc, file.Length);
    }

    private async Task FetchAsync(FeedState feed, Uri url, string display, LeaderCalendarOptions settings, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var target = url;
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.Accept.ParseAdd("text/calendar");
                if (feed.Content is not null)
                {
                    if (feed.ETag is { } etag)
                    {
                        request.Headers.IfNoneMatch.Add(etag);
                    }

                    if (feed.LastModified is { } modified)
                    {
                        request.Headers.IfModifiedSince = modified;
                    }
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (response.RequestMessage?.RequestUri is { } answeredBy && !SameOrigin(answeredBy, url))
                {
                    throw new FeedProblem($"{display} was redirected to another host ({answeredBy.Host}); feeds are read only from the host configured.");
                }

                if (IsRedirect(response.StatusCode))
                {
                    var next = response.Headers.Location is { } location ? new Uri(target, location) : null;
                    if (next is null || !SameOrigin(next, url) || !IcsLocation.Allowed(next, settings.AllowHttpOnLoopback))
                    {
                        throw new FeedProblem($"{display} redirects to {(next is null ? "nowhere" : $"another host or scheme ({next.Scheme}://{next.Host})")}; feeds are read only from the host configured.");
                    }

                    if (hop >= MaxRedirects)
                    {
                        throw new FeedProblem($"{display} redirects more than {MaxRedirects} times.");
                    }

                    target = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified && feed.Content is not null)
                {
                    return;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FeedProblem($"{display} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                if (response.Content.Headers.ContentLength > settings.MaxBytes)
                {
                    throw new FeedProblem($"{display} is {response.Content.Headers.ContentLength} bytes, more than the {settings.MaxBytes} bytes allowed (Office:LeaderCalendars:MaxBytes).");
                }

                var text = await ReadBoundedAsync(response.Content, settings.MaxBytes, display, linked.Token);
                feed.Content = Content(text, display);
                feed.ETag = response.Headers.ETag;
                feed.LastModified = response.Content.Headers.LastModified;
                return;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new FeedProblem($"{display} did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException error)
        {
            throw new FeedProblem($"{display} cannot be reached: {error.Message}");
        }
        catch (IOException error)
        {
            throw new FeedProblem($"{display} broke off while sending the feed: {error.Message}");
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, long maxBytes, string display, CancellationToken ct)
    {
        await using var body = await content.ReadAsStreamAsync(ct);
        using var kept = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (kept.Length + read > maxBytes)
            {
                throw new FeedProblem($"{display} is larger than the {maxBytes} bytes allowed (Office:LeaderCalendars:MaxBytes).");
            }

            kept.Write(chunk, 0, read);
        }

        kept.Position = 0;
        using var reader = new StreamReader(kept, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>
    /// A new version of a feed: parsed now, so that a malformed one is a problem (and the last good version is kept), and
    /// kept as UTF-8 rather than as a string, half the size for the ASCII most feeds are written in.
    /// </summary>
    private static IcsContent Content(string text, string display) => new(Encoding.UTF8.GetBytes(text), Parse(text, display), display);

    /// <summary>Parses a whole feed; a malformed one is a problem naming where (file and line), never an empty calendar.</summary>
    internal static Ical.Net.Calendar Parse(string text, string display)
    {
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (SerializationException error)
        {
            throw new FeedProblem($"{display} line {CalendarLoader.LineOfParseError(error.Message, text.Split('\n'))}: {error.Message}");
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new FeedProblem($"{display} is not a readable iCalendar file: {error.Message}");
        }

        return calendar ?? throw new FeedProblem($"{display} line 1: no VCALENDAR found; the feed must start with BEGIN:VCALENDAR.");
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && a.Scheme == b.Scheme;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar feed {Feed} cannot be read (unavailable since {Since:o}): {Problem}")]
    private partial void LogUnreadable(string feed, DateTimeOffset since, string problem);

    private sealed class FeedState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IcsContent? Content { get; set; }

        public DateTimeOffset? ReadAt { get; set; }

        public DateTimeOffset? AttemptedAt { get; set; }

        public DateTimeOffset? UnavailableSince { get; set; }

        public string? Problem { get; set; }

        public EntityTagHeaderValue? ETag { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public (DateTime WrittenUtc, long Length)? FileStamp { get; set; }

        public IcsFeed Snapshot(string display) => new(display, Content, ReadAt, UnavailableSince, Problem);
    }
}

/// <summary>Why a feed cannot be used, worded for an administrator (where, and what is wrong).</summary>
internal sealed class FeedProblem(string message) : Exception(message);
