using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OfficeBot.Testing;

/// <summary>A member of the fake Teams roster, in the wire shape of Teams' TeamsChannelAccount.</summary>
public sealed record RosterMember(string TeamsUserId, string Name, string AadObjectId, string? Email = null);

/// <summary>
/// What the fake connector answers instead of success: a status (with Retry-After), a slow answer, or a redirect.
/// A request whose client goes away while it is delayed (a killed bot) is not recorded as delivered, unless Teams had
/// already posted it (<see cref="PostedSlowly"/>).
/// </summary>
public sealed record Fault(int Status = 200, TimeSpan? RetryAfter = null, TimeSpan? Delay = null, string? RedirectTo = null, bool PostedBeforeAnswer = false)
{
    public static Fault Answer(int status, TimeSpan? retryAfter = null) => new(status, retryAfter);

    public static Fault Slow(TimeSpan delay) => new(Delay: delay);

    /// <summary>Teams posts the message at once but is slow to answer: a bot that dies meanwhile never learns it was delivered.</summary>
    public static Fault PostedSlowly(TimeSpan delay) => new(Delay: delay, PostedBeforeAnswer: true);
}

/// <summary>One request that reached the fake, whatever it was answered: for counting attempts and measuring send rates.</summary>
public sealed record ConnectorAttempt(ConnectorCallKind Kind, string ConversationId, string? ActivityId, int Status, DateTimeOffset At);

/// <summary>
/// A local stand-in for the Teams Bot Connector service (the one part that cannot run here), speaking its REST wire
/// format on loopback: the bot's replies, sends and updates are recorded, and roster look-ups
/// (<c>GET /v3/conversations/{id}/members/{userId}</c>, by Teams user id or Entra object id) answer from a roster the test
/// sets up.
/// Activities' <c>serviceUrl</c> points here. Faults can be injected per request (<see cref="InjectFault"/>): throttling
/// with Retry-After, 5xx storms, 403/404 for gone conversations, slow answers and redirects — answered in Teams' error
/// wire format (<c>{"error":{"code","message"}}</c>).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RosterMember> _roster = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _personalChats = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<ConnectorAttempt> _attempts = new();
    private readonly List<Func<ConnectorCallKind, string, Fault?>> _faults = [];
    private int _nextId;
    private int _arrivals;
    private int _throttled;

    private FakeConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>Ends with a slash, as Teams' service URLs do.</summary>
    public string ServiceUrl { get; }

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

    /// <summary>Replies, sends, updates and creations that have reached the fake so far, including those still being answered slowly.</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    /// <summary>Every request that reached the fake (delivered or not), in order of arrival.</summary>
    public IReadOnlyList<ConnectorAttempt> Attempts => _attempts.ToArray();

    /// <summary>
    /// Adds a rule asked for every reply, send, update and conversation creation (kind and conversation id): a fault to
    /// answer with, or null to let the request through. Rules are asked in the order added; the first fault wins.
    /// </summary>
    public void InjectFault(Func<ConnectorCallKind, string, Fault?> rule)
    {
        lock (_faults)
        {
            _faults.Add(rule);
        }
    }

    /// <summary>The next <paramref name="count"/> requests of <paramref name="kind"/> are answered with <paramref name="fault"/>.</summary>
    public void FailNext(ConnectorCallKind kind, int count, Fault fault)
    {
        var left = count;
        InjectFault((k, _) => k == kind && Interlocked.Decrement(ref left) >= 0 ? fault : null);
    }

    /// <summary>
    /// Throttles as Teams does: per conversation at most 7 messages (sends, replies, updates) in any second, 8 in 2 s, 60 in
    /// 30 s and 1,800 in an hour, and 50 a second over all conversations; a message over a limit is answered 429 with
    /// <c>Retry-After</c> and not delivered. Counted on arrival, as Teams counts.
    /// </summary>
    public void EnforceTeamsRateLimits()
    {
        var accepted = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var all = new List<DateTimeOffset>();
        (TimeSpan Window, int Limit)[] perConversation = [(TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800)];
        InjectFault((kind, conversationId) =>
        {
            if (kind is not (ConnectorCallKind.Send or ConnectorCallKind.Reply or ConnectorCallKind.Update))
            {
                return null;
            }

            var now = DateTimeOffset.UtcNow;
            lock (accepted)
            {
                var times = accepted.TryGetValue(conversationId, out var list) ? list : accepted[conversationId] = [];
                foreach (var (window, limit) in perConversation)
                {
                    if (times.Count(t => now - t < window) >= limit)
                    {
                        Interlocked.Increment(ref _throttled);
                        return Fault.Answer(429, window);
                    }
                }

                if (all.Count(t => now - t < TimeSpan.FromSeconds(1)) >= 50)
                {
                    Interlocked.Increment(ref _throttled);
                    return Fault.Answer(429, TimeSpan.FromSeconds(1));
                }

                times.Add(now);
                all.Add(now);
                return null;
            }
        });
    }

    /// <summary>Messages answered 429 by <see cref="EnforceTeamsRateLimits"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    public void ClearFaults()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    /// <summary>Activities the bot sent (replies and new messages), in order.</summary>
    public IReadOnlyList<ConnectorCall> Sent => _calls.Where(c => c.Kind is ConnectorCallKind.Reply or ConnectorCallKind.Send).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var connector = new FakeConnector(app, $"http://127.0.0.1:{port}/");
        connector.Map(app);
        await app.StartAsync();
        return connector;
    }

    /// <summary>
    /// As in Teams, a personal chat's roster holds only its person (and the bot): a member look-up there finds no one
    /// else. Personal chats are the ones this connector created (their member) and the test activities'
    /// <c>a:personal-{objectId}</c>. Off by default, where every roster is the whole office.
    /// </summary>
    public bool PersonalRostersHoldOnlyTheirPerson { get; set; }

    public void AddMembers(params RosterMember[] members)
    {
        foreach (var member in members)
        {
            _roster[member.TeamsUserId] = member;
        }
    }

    /// <summary>Calls recorded after <paramref name="mark"/> (a count taken from <see cref="Calls"/> before the step).</summary>
    public IReadOnlyList<ConnectorCall> CallsSince(int mark) => Calls.Skip(mark).ToList();

    public void Clear() => _calls.Clear();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext context) =>
            HandleAsync(ConnectorCallKind.Reply, conversationId, activityId, context));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext context) =>
            HandleAsync(ConnectorCallKind.Send, conversationId, null, context));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext context) =>
            HandleAsync(ConnectorCallKind.Update, conversationId, activityId, context));
        app.MapPost("/v3/conversations", (Delegate)((HttpContext context) => HandleAsync(ConnectorCallKind.CreateConversation, string.Empty, null, context)));
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (string conversationId, string memberId) =>
        {
            _calls.Enqueue(new ConnectorCall(ConnectorCallKind.GetMember, conversationId, memberId, new JsonObject(), DateTimeOffset.UtcNow));
            // Teams finds a member by Entra object id as well as by Teams user id (the people picker answers object ids).
            var m = _roster.TryGetValue(memberId, out var byTeamsId)
                ? byTeamsId
                : _roster.Values.FirstOrDefault(r => string.Equals(r.AadObjectId, memberId, StringComparison.OrdinalIgnoreCase));
            if (m is not null && PersonalRostersHoldOnlyTheirPerson && conversationId.StartsWith("a:", StringComparison.Ordinal))
            {
                var owner = _personalChats.TryGetValue(conversationId, out var created) ? created : conversationId["a:".Length..].Replace("personal-", string.Empty, StringComparison.Ordinal);
                m = string.Equals(owner, m.TeamsUserId, StringComparison.OrdinalIgnoreCase) || string.Equals(owner, m.AadObjectId, StringComparison.OrdinalIgnoreCase) ? m : null;
            }

            return m is not null
                ? Results.Json(new
                {
                    id = m.TeamsUserId,
                    name = m.Name,
                    aadObjectId = m.AadObjectId,
                    email = m.Email,
                    userPrincipalName = m.Email,
                    tenantId = (string?)null,
                    userRole = "user",
                })
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member was not found in the conversation." } }, statusCode: 404);
        });
    }

    private async Task<IResult> HandleAsync(ConnectorCallKind kind, string conversationId, string? activityId, HttpContext context)
    {
        Interlocked.Increment(ref _arrivals);
        var body = await ReadAsync(context.Request);
        Fault? fault;
        lock (_faults)
        {
            fault = _faults.Select(rule => rule(kind, conversationId)).FirstOrDefault(f => f is not null);
        }

        if (fault is { Delay: { } slowly, PostedBeforeAnswer: true } && kind is ConnectorCallKind.Send or ConnectorCallKind.Reply)
        {
            var posted = $"act-{Interlocked.Increment(ref _nextId)}";
            _calls.Enqueue(new ConnectorCall(kind, conversationId, activityId, body, DateTimeOffset.UtcNow, posted));
            try
            {
                await Task.Delay(slowly, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _attempts.Enqueue(new ConnectorAttempt(kind, conversationId, activityId, 499, DateTimeOffset.UtcNow));
                return Results.Empty;
            }

            _attempts.Enqueue(new ConnectorAttempt(kind, conversationId, activityId, 200, DateTimeOffset.UtcNow));
            return Results.Json(new { id = posted });
        }

        if (fault?.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller hung up (or died) before Teams answered: nothing was posted.
                _attempts.Enqueue(new ConnectorAttempt(kind, conversationId, activityId, 499, DateTimeOffset.UtcNow));
                return Results.Empty;
            }
        }

        var status = fault?.RedirectTo is not null ? 302 : fault?.Status ?? 200;
        _attempts.Enqueue(new ConnectorAttempt(kind, conversationId, activityId, status, DateTimeOffset.UtcNow));
        if (fault?.RedirectTo is { } location)
        {
            return Results.Redirect(location);
        }

        if (status != 200)
        {
            if (fault?.RetryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var code = status switch { 403 => "BotNotInConversationRoster", 404 => "ConversationNotFound", 429 => "Throttled", _ => "ServiceError" };
            return Results.Json(new { error = new { code, message = $"Injected {status}." } }, statusCode: status);
        }

        if (kind == ConnectorCallKind.CreateConversation)
        {
            _calls.Enqueue(new ConnectorCall(kind, conversationId, activityId, body, DateTimeOffset.UtcNow));
            var created = $"a:personal-{Interlocked.Increment(ref _nextId)}";
            _personalChats[created] = body["members"]?[0]?["id"]?.GetValue<string>() ?? string.Empty;
            return Results.Json(new { id = created, activityId = (string?)null });
        }

        var id = kind == ConnectorCallKind.Update && activityId is not null ? activityId : $"act-{Interlocked.Increment(ref _nextId)}";
        _calls.Enqueue(new ConnectorCall(kind, conversationId, activityId, body, DateTimeOffset.UtcNow, id));
        return Results.Json(new { id });
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        try
        {
            return (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}

public enum ConnectorCallKind
{
    Reply,
    Send,
    Update,
    CreateConversation,
    GetMember,
}

/// <summary>One call the bot made to the connector, with the activity it carried and (for a posted message) the id Teams gave it.</summary>
public sealed record ConnectorCall(ConnectorCallKind Kind, string ConversationId, string? ActivityId, JsonObject Body, DateTimeOffset At = default, string? MessageId = null)
{
    public string? Text => Body["text"]?.GetValue<string>();

    /// <summary>The activity's summary: the one line notifications show.</summary>
    public string? Summary => Body["summary"]?.GetValue<string>();

    /// <summary>The first Adaptive Card attached, as JSON.</summary>
    public JsonObject? Card => Body["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>Every piece of text on the card, joined, for asserting what a user would read.</summary>
    public string CardText => Card is null ? string.Empty : string.Join("\n", Strings(Card));

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" or "placeholder" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Strings(n!)),
        _ => [],
    };

    public override string ToString() => $"{Kind} {ConversationId}: {Text} | {CardText.Replace('\n', ' ')}";
}
