using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>Feeds fetched over HTTP from a calendar server on loopback.</summary>
public sealed class IcsFeedReaderHttpTests : IAsyncLifetime
{
    private const string Leader = "00000000-0000-0000-0000-00000000000b";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Kinds = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Meetings/Calendars/kinds.ics"));
    private readonly FakeTimeProvider _time = new(Now);
    private readonly LeaderCalendarOptions _options = new() { AllowHttpOnLoopback = true, RefreshAfter = TimeSpan.Zero };
    private HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private IcsServer _server = null!;

    public async Task InitializeAsync() => _server = await IcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private IcsFeedReader Reader() =>
        new(_http, _time, Options.Create(_options), AppContext.BaseDirectory, NullLogger<IcsFeedReader>.Instance);

    private IcsLeaderCalendarSource Source(IcsFeedReader reader, string path = "/leader.ics")
    {
        _options.Feeds.Add(new LeaderCalendarOptions.LeaderFeed { Leader = Leader, Ics = _server.Url(path) });
        return new IcsLeaderCalendarSource(reader, Options.Create(_options), TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"), _time);
    }

    private static Task<LeaderCalendar> Read(ILeaderCalendarSource source) =>
        source.ReadAsync(Leader, Now, Now.AddDays(62), CancellationToken.None);

    private static async Task Calendar(HttpContext context, string body = "")
    {
        context.Response.ContentType = "text/calendar; charset=utf-8";
        await context.Response.WriteAsync(body.Length > 0 ? body : Kinds);
    }

    [Fact]
    public async Task ReadAsync_UnchangedFeedWithETag_SecondGetSendsIfNoneMatchAnd304KeepsTheEvents()
    {
        _server.Answer = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            await Calendar(context);
        };
        var source = Source(Reader());

        var first = await Read(source);
        _time.Advance(TimeSpan.FromMinutes(10));
        var second = await Read(source);

        Assert.Equal([(null, 200), ("\"v1\"", 304)], _server.Requests.Select(r => (r.IfNoneMatch, r.Status)));
        Assert.Equal(2, first.Busy.Count);
        Assert.Equal(first.Busy, second.Busy);
        Assert.True(second.IsAvailable);
        Assert.Equal(Now.AddMinutes(10), second.ReadAt);
    }

    [Fact]
    public async Task ReadAsync_304NotModified_DoesNotParseAgain()
    {
        _server.Answer = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            await Calendar(context);
        };
        var reader = Reader();

        var first = await reader.ReadAsync(_server.Url("/leader.ics"), CancellationToken.None);
        var second = await reader.ReadAsync(_server.Url("/leader.ics"), CancellationToken.None);

        Assert.NotNull(first.Content);
        Assert.Same(first.Content, second.Content);
        Assert.Equal(0, second.Content!.ParsedAgain);
        Assert.Equal(304, _server.Requests[^1].Status);
    }

    [Fact]
    public async Task ReadAsync_FeedWithLastModified_SecondGetSendsIfModifiedSince()
    {
        var modified = new DateTimeOffset(2025, 12, 24, 8, 0, 0, TimeSpan.Zero);
        _server.Answer = async context =>
        {
            if (context.Request.GetTypedHeaders().IfModifiedSince >= modified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.GetTypedHeaders().LastModified = modified;
            await Calendar(context);
        };
        var source = Source(Reader());

        var first = await Read(source);
        var second = await Read(source);

        Assert.Equal([200, 304], _server.Requests.Select(r => r.Status));
        Assert.Equal("Wed, 24 Dec 2025 08:00:00 GMT", _server.Requests[1].IfModifiedSince);
        Assert.Equal(first.Busy, second.Busy);
    }

    [Fact]
    public async Task ReadAsync_ChangedFeed_ReadsTheNewEvents()
    {
        var version = 1;
        _server.Answer = async context =>
        {
            context.Response.Headers.ETag = $"\"v{version}\"";
            await Calendar(context, version == 1 ? Kinds : Kinds.Replace("Budget hearing", "Budget hearing (room 3)", StringComparison.Ordinal));
        };
        var source = Source(Reader());

        await Read(source);
        version = 2;
        var changed = await Read(source);

        Assert.Contains(changed.Busy, b => b.Title == "Budget hearing (room 3)");
    }

    [Fact]
    public async Task ReadAsync_304ThenANewBody_SameContentUntilTheFeedChangesThenNewContentAndEvents()
    {
        var version = 1;
        _server.Answer = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == $"\"v{version}\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = $"\"v{version}\"";
            await Calendar(context, version == 1 ? Kinds : Kinds.Replace("Budget hearing", "Budget hearing (room 3)", StringComparison.Ordinal));
        };
        var reader = Reader();
        var source = Source(reader);
        var url = _server.Url("/leader.ics");

        var first = (await reader.ReadAsync(url, CancellationToken.None)).Content;
        var before = await Read(source);
        var notModified = (await reader.ReadAsync(url, CancellationToken.None)).Content;
        version = 2;
        var after = await Read(source);
        var changed = (await reader.ReadAsync(url, CancellationToken.None)).Content;

        Assert.Equal([200, 304, 304, 200, 304], _server.Requests.Select(r => r.Status));
        Assert.NotNull(first);
        Assert.Same(first, notModified);
        Assert.NotSame(first, changed);
        Assert.Contains(before.Busy, b => b.Title == "Budget hearing");
        Assert.Contains(after.Busy, b => b.Title == "Budget hearing (room 3)");
        Assert.DoesNotContain(after.Busy, b => b.Title == "Budget hearing");
    }

    [Fact]
    public async Task ReadAsync_ServerError_UnavailableSinceTheFirstFailureNotFree()
    {
        _server.Answer = context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        };
        var source = Source(Reader());

        await Read(source);
        _time.Advance(TimeSpan.FromMinutes(10));
        var calendar = await Read(source);

        Assert.False(calendar.IsAvailable);
        Assert.Equal(Now, calendar.UnavailableSince);
        Assert.Empty(calendar.Busy);
        Assert.Contains("answered 503", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_ServerFailsAfterAGoodRead_LastEventsKeptButFlaggedStale()
    {
        var failing = false;
        _server.Answer = async context =>
        {
            if (failing)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await Calendar(context);
        };
        var source = Source(Reader());

        var good = await Read(source);
        failing = true;
        _time.Advance(TimeSpan.FromMinutes(10));
        var stale = await Read(source);
        _time.Advance(TimeSpan.FromMinutes(10));
        var later = await Read(source);

        Assert.Equal(good.Busy, later.Busy);
        Assert.Equal(Now, later.ReadAt);
        Assert.Equal(Now.AddMinutes(10), stale.UnavailableSince);
        Assert.Equal(Now.AddMinutes(10), later.UnavailableSince);
        Assert.False(later.IsAvailable);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyLargerThanAllowed_Refused(bool declaresLength)
    {
        _options.MaxBytes = 1000;
        _server.Answer = async context =>
        {
            var body = Kinds + new string(' ', 2000);
            if (declaresLength)
            {
                context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body);
            }

            await Calendar(context, body);
        };

        var calendar = await Read(Source(Reader()));

        Assert.False(calendar.IsAvailable);
        Assert.Empty(calendar.Busy);
        Assert.Contains("1000 bytes allowed", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_RedirectToAnotherHost_RefusedWithoutFollowing()
    {
        _server.Answer = async context =>
        {
            if (context.Request.Path == "/leader.ics")
            {
                context.Response.Redirect($"http://localhost:{_server.Port}/elsewhere.ics");
                return;
            }

            await Calendar(context);
        };

        var calendar = await Read(Source(Reader()));

        Assert.False(calendar.IsAvailable);
        Assert.Contains("another host", calendar.Problem);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/elsewhere.ics");
    }

    [Fact]
    public async Task ReadAsync_ClientThatFollowsRedirectsItself_AnswerFromAnotherHostRefused()
    {
        _http.Dispose();
        _http = new HttpClient();
        _server.Answer = async context =>
        {
            if (context.Request.Path == "/leader.ics")
            {
                context.Response.Redirect($"http://localhost:{_server.Port}/elsewhere.ics");
                return;
            }

            await Calendar(context);
        };

        var calendar = await Read(Source(Reader()));

        Assert.False(calendar.IsAvailable);
        Assert.Empty(calendar.Busy);
        Assert.Contains("redirected to another host (localhost)", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_RedirectOnTheSameHost_Followed()
    {
        _server.Answer = async context =>
        {
            if (context.Request.Path == "/leader.ics")
            {
                context.Response.Redirect("/moved/leader.ics");
                return;
            }

            await Calendar(context);
        };

        var calendar = await Read(Source(Reader()));

        Assert.True(calendar.IsAvailable, calendar.Problem);
        Assert.Equal(2, calendar.Busy.Count);
    }

    [Fact]
    public async Task ReadAsync_ServerTooSlow_UnavailableAfterTheTimeout()
    {
        _options.Timeout = TimeSpan.FromSeconds(20);
        var arrived = new TaskCompletionSource();
        _server.Answer = async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        var source = Source(Reader());

        var reading = Read(source);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(21));
        var calendar = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(calendar.IsAvailable);
        Assert.Contains("did not answer within 20 s", calendar.Problem);
    }

    [Fact]
    public async Task ReadAsync_PlainHttpWithoutTheLoopbackOption_RefusedWithoutARequest()
    {
        _options.AllowHttpOnLoopback = false;

        var calendar = await Read(Source(Reader()));

        Assert.False(calendar.IsAvailable);
        Assert.Contains("must be an https URL", calendar.Problem);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ReadAsync_RefreshedRecently_DoesNotAskTheServerAgain()
    {
        _options.RefreshAfter = TimeSpan.FromMinutes(5);
        _server.Answer = context => Calendar(context);
        var source = Source(Reader());

        await Read(source);
        _time.Advance(TimeSpan.FromMinutes(4));
        await Read(source);
        _time.Advance(TimeSpan.FromMinutes(2));
        await Read(source);

        Assert.Equal(2, _server.Requests.Count);
    }
}
