using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Testing;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>Approved meetings written to leaders' Outlook calendars through the real GraphServiceClient and a fake Graph.</summary>
public sealed class GraphCalendarWriterTests : IAsyncLifetime
{
    private const string Tenant = "contoso";
    private static readonly string Leader = GraphLeaderCalendarSourceTests.Leader(1);
    private static readonly CalendarBooking Booking = new("meeting-42", "Budget review", new DateTimeOffset(2026, 1, 7, 10, 0, 0, TimeSpan.FromHours(8)),
        new DateTimeOffset(2026, 1, 7, 11, 30, 0, TimeSpan.FromHours(8)), "Room 301");

    private FakeGraph _graph = null!;
    private GraphCalendarWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        var options = new GraphOptions
        {
            Enabled = true, TenantId = Tenant, BaseUrl = _graph.BaseUrl, AllowHttpOnLoopback = true, WriteApprovedMeetings = true, MaxRetries = 1,
        };
        _writer = new GraphCalendarWriter(GraphClients.Create(options, new FixedTokenCredential()), Options.Create(options), new FakeTimeProvider(),
            NullLogger<GraphCalendarWriter>.Instance);
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task WriteAsync_Booking_PostsTheEventWithTheMeetingIdAsTransactionId()
    {
        var id = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(("POST", $"/v1.0/users/{Leader}/events", 201), (request.Method, request.Path, request.Status));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("meeting-42", (string?)body["transactionId"]);
        Assert.Equal("Budget review", (string?)body["subject"]);
        Assert.Equal("2026-01-07T02:00:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("UTC", (string?)body["start"]!["timeZone"]);
        Assert.Equal("2026-01-07T03:30:00", (string?)body["end"]!["dateTime"]);
        Assert.Equal("Room 301", (string?)body["location"]!["displayName"]);
        Assert.Equal("busy", (string?)body["showAs"]);
        Assert.NotNull(id);
        Assert.Equal([id], _graph.Events.Keys);
    }

    [Fact]
    public async Task WriteAsync_SameMeetingTwice_OneEvent()
    {
        var first = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);
        var second = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_graph.Events);
    }

    [Fact]
    public async Task WriteAsync_Throttled_RetriedAfterRetryAfter()
    {
        _graph.Fault = n => n == 1 ? new GraphFault(429, RetryAfterSeconds: 1) : null;

        var id = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);

        Assert.NotNull(id);
        Assert.Equal([429, 201], _graph.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task WriteAsync_GraphRefuses_NothingWrittenAndNoException()
    {
        _graph.Fault = _ => new GraphFault(503);

        var id = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);

        Assert.Null(id);
        Assert.Empty(_graph.Events);
    }

    [Fact]
    public async Task WriteAsync_AnotherTenant_NothingSent()
    {
        Assert.Null(await _writer.WriteAsync("fabrikam", Leader, Booking, CancellationToken.None));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task RemoveAsync_WrittenEvent_DeletedAndRemovingAgainIsHarmless()
    {
        var id = await _writer.WriteAsync(Tenant, Leader, Booking, CancellationToken.None);

        await _writer.RemoveAsync(Tenant, Leader, id!, CancellationToken.None);
        await _writer.RemoveAsync(Tenant, Leader, id!, CancellationToken.None);

        Assert.Empty(_graph.Events);
        Assert.Equal([("DELETE", 204), ("DELETE", 404)], _graph.Requests.Skip(1).Select(r => (r.Method, r.Status)));
    }

    [Fact]
    public async Task NoCalendarWriter_WritesNothing()
    {
        Assert.Null(await new NoCalendarWriter().WriteAsync(Tenant, Leader, Booking, CancellationToken.None));
    }
}
