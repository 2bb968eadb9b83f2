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
/// A local stand-in for the Teams Bot Connector service (the one part that cannot run here), speaking its REST wire
/// format on loopback: the bot's replies, sends and updates are recorded, and roster look-ups
/// (<c>GET /v3/conversations/{id}/members/{userId}</c>) answer from a roster the test sets up.
/// Activities' <c>serviceUrl</c> points here.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RosterMember> _roster = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private int _nextId;

    private FakeConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>Ends with a slash, as Teams' service URLs do.</summary>
    public string ServiceUrl { get; }

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

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
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
            Record(ConnectorCallKind.Reply, conversationId, activityId, await ReadAsync(request)));
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
            Record(ConnectorCallKind.Send, conversationId, null, await ReadAsync(request)));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
            Record(ConnectorCallKind.Update, conversationId, activityId, await ReadAsync(request)));
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            _calls.Enqueue(new ConnectorCall(ConnectorCallKind.CreateConversation, string.Empty, null, body));
            return Results.Json(new { id = $"a:personal-{Interlocked.Increment(ref _nextId)}", activityId = (string?)null });
        });
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (string conversationId, string memberId) =>
        {
            _calls.Enqueue(new ConnectorCall(ConnectorCallKind.GetMember, conversationId, memberId, new JsonObject()));
            return _roster.TryGetValue(memberId, out var m)
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

    private IResult Record(ConnectorCallKind kind, string conversationId, string? activityId, JsonObject body)
    {
        _calls.Enqueue(new ConnectorCall(kind, conversationId, activityId, body));
        var id = kind == ConnectorCallKind.Update && activityId is not null ? activityId : $"act-{Interlocked.Increment(ref _nextId)}";
        return Results.Json(new { id });
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
}

public enum ConnectorCallKind
{
    Reply,
    Send,
    Update,
    CreateConversation,
    GetMember,
}

/// <summary>One call the bot made to the connector, with the activity it carried.</summary>
public sealed record ConnectorCall(ConnectorCallKind Kind, string ConversationId, string? ActivityId, JsonObject Body)
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
