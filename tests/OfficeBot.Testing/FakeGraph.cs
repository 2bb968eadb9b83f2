using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OfficeBot.Testing;

/// <summary>An item of a mailbox's schedule as Graph's getSchedule returns it; times are wall-clock times in <see cref="TimeZone"/>.</summary>
public sealed record FakeScheduleItem(string Status, DateTime Start, DateTime End, string TimeZone = "UTC", string? Subject = null,
    string? Location = null, bool IsPrivate = false);

/// <summary>One request that reached the fake Graph, with what getSchedule asked for and what the fake answered.</summary>
public sealed record GraphRequest(string Method, string Path, IReadOnlyList<string> Schedules, string? StartTime, string? EndTime,
    string? Prefer, string? Authorization, string Body, int Status, DateTimeOffset At);

/// <summary>What the fake answers instead of success: a status with an optional Retry-After (seconds).</summary>
public sealed record GraphFault(int Status, int? RetryAfterSeconds = null);

/// <summary>
/// A local stand-in for Microsoft Graph on loopback, speaking its JSON wire format for the calls OfficeBot makes:
/// <c>POST /v1.0/users/{id}/calendar/getSchedule</c> (answered from the schedules the test sets per SMTP address, or with
/// a per-schedule <c>error</c> for an address the test marks), <c>POST /v1.0/users/{id}/events</c> (recorded, answered
/// 201 with an id; a repeated <c>transactionId</c> gets the same event back) and
/// <c>DELETE /v1.0/users/{id}/events/{eventId}</c>. Faults (429/503 with Retry-After) can be injected per request; errors
/// are answered in Graph's error format (<c>{"error":{"code","message"}}</c>).
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentDictionary<string, List<FakeScheduleItem>> _schedules = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _scheduleErrors = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _eventsByTransaction = new(StringComparer.Ordinal);
    private int _arrivals;

    private FakeGraph(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}/v1.0";
    }

    /// <summary>What <c>Office:Graph:BaseUrl</c> is set to.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<GraphRequest> Requests => _requests.ToArray();

    /// <summary>Asked with the 1-based number of each arriving request: a fault to answer with, or null to answer normally.</summary>
    public Func<int, GraphFault?> Fault { get; set; } = _ => null;

    /// <summary>Events created and not deleted, by id, as the JSON body that was posted.</summary>
    public IReadOnlyDictionary<string, string> Events => _events;

    public void Schedule(string address, params FakeScheduleItem[] items) => _schedules[address] = [.. items];

    /// <summary>The mailbox's schedule comes back with an <c>error</c> instead of items (as Graph does for an unknown or hidden mailbox).</summary>
    public void ScheduleError(string address, string message) => _scheduleErrors[address] = message;

    public static async Task<FakeGraph> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var graph = new FakeGraph(app, port);
        app.Run(graph.AnswerAsync);
        await app.StartAsync();
        return graph;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        // Graph reads action parameters whatever their case, and the SDK sends getSchedule's as "Schedules", "StartTime".
        var json = body.Length > 0 ? JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) : null;
        var segments = request.Path.Value!.Trim('/').Split('/');
        var status = StatusCodes.Status200OK;
        if (Fault(Interlocked.Increment(ref _arrivals)) is { } fault)
        {
            status = fault.Status;
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Error(context, status, status == 429 ? "TooManyRequests" : "ServiceUnavailable", "The fake was told to refuse this request.");
        }
        else if (request.Method == "POST" && segments is ["v1.0", "users", _, "calendar", "getSchedule"])
        {
            await Write(context, status, GetSchedule(json));
        }
        else if (request.Method == "POST" && segments is ["v1.0", "users", var user, "events"])
        {
            status = StatusCodes.Status201Created;
            var transaction = json?["transactionId"]?.GetValue<string>();
            var id = transaction is not null && _eventsByTransaction.TryGetValue(transaction, out var known) ? known : $"evt-{user}-{Guid.NewGuid():N}";
            if (transaction is not null)
            {
                _eventsByTransaction[transaction] = id;
            }

            _events[id] = body;
            var created = json!.AsObject().DeepClone().AsObject();
            created["id"] = id;
            await Write(context, status, created);
        }
        else if (request.Method == "DELETE" && segments is ["v1.0", "users", _, "events", var eventId])
        {
            status = _events.TryRemove(eventId, out _) ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
            if (status == StatusCodes.Status404NotFound)
            {
                await Error(context, status, "ErrorItemNotFound", "The specified object was not found in the store.");
            }
            else
            {
                context.Response.StatusCode = status;
            }
        }
        else
        {
            status = StatusCodes.Status400BadRequest;
            await Error(context, status, "BadRequest", $"The fake does not know {request.Method} {request.Path}.");
        }

        var schedules = json?["schedules"]?.AsArray().Select(s => s!.GetValue<string>()).ToList() ?? [];
        _requests.Enqueue(new GraphRequest(request.Method, request.Path.Value!, schedules, json?["startTime"]?["dateTime"]?.GetValue<string>(),
            json?["endTime"]?["dateTime"]?.GetValue<string>(), request.Headers["Prefer"].FirstOrDefault(),
            request.Headers.Authorization.FirstOrDefault(), body, status, DateTimeOffset.UtcNow));
    }

    private JsonObject GetSchedule(JsonNode? json)
    {
        var value = new JsonArray();
        foreach (var address in json?["schedules"]?.AsArray().Select(s => s!.GetValue<string>()) ?? [])
        {
            if (_scheduleErrors.TryGetValue(address, out var message))
            {
                value.Add(new JsonObject
                {
                    ["scheduleId"] = address,
                    ["availabilityView"] = string.Empty,
                    ["error"] = new JsonObject { ["message"] = message, ["responseCode"] = "ErrorMailRecipientNotFound" },
                });
                continue;
            }

            var items = new JsonArray();
            foreach (var item in _schedules.GetValueOrDefault(address) ?? [])
            {
                var node = new JsonObject
                {
                    ["isPrivate"] = item.IsPrivate,
                    ["status"] = item.Status,
                    ["start"] = new JsonObject { ["dateTime"] = item.Start.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = item.TimeZone },
                    ["end"] = new JsonObject { ["dateTime"] = item.End.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = item.TimeZone },
                };
                // Graph leaves out the subject and location of private items.
                if (!item.IsPrivate)
                {
                    node["subject"] = item.Subject;
                    node["location"] = item.Location;
                }

                items.Add(node);
            }

            value.Add(new JsonObject
            {
                ["scheduleId"] = address,
                ["availabilityView"] = "0",
                ["scheduleItems"] = items,
                ["workingHours"] = new JsonObject
                {
                    ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                    ["startTime"] = "09:00:00.0000000",
                    ["endTime"] = "18:00:00.0000000",
                    ["timeZone"] = new JsonObject { ["name"] = "Taipei Standard Time" },
                },
            });
        }

        return new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
            ["value"] = value,
        };
    }

    private static Task Error(HttpContext context, int status, string code, string message) =>
        Write(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static async Task Write(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
