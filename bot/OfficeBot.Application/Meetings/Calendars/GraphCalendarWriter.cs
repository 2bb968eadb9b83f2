using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Writes approved meetings to leaders' Outlook calendars (<c>POST /users/{id}/events</c>, Calendars.ReadWrite). The
/// meeting id is sent as the event's <c>transactionId</c>, so a write retried after a lost answer does not make a second
/// event. A write or removal that fails is logged and leaves the meeting approved: the calendar is a copy, not the record.
/// Bookings of a tenant other than <see cref="GraphOptions.TenantId"/> are not written.
/// </summary>
public sealed partial class GraphCalendarWriter(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider time,
    ILogger<GraphCalendarWriter> logger) : ILeaderCalendarWriter
{
    public async Task<string?> WriteAsync(string tenantId, string leaderObjectId, CalendarBooking booking, CancellationToken ct)
    {
        var settings = options.Value;
        if (!OwnTenant(tenantId, settings))
        {
            return null;
        }

        var created = new Event
        {
            Subject = booking.Title,
            Start = new DateTimeTimeZone { DateTime = Wire(booking.Start), TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = Wire(booking.End), TimeZone = "UTC" },
            Location = booking.Room is null ? null : new Location { DisplayName = booking.Room },
            ShowAs = FreeBusyStatus.Busy,
            TransactionId = booking.MeetingId,
        };

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var written = await graph.Users[leaderObjectId].Events.PostAsync(created, request => GraphClients.Configure(request, settings), linked.Token);
            return written?.Id;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogNotWritten(booking.MeetingId, leaderObjectId, $"Microsoft Graph did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
            return null;
        }
        catch (Exception error) when (GraphClients.Describe(error, settings) is { } problem)
        {
            LogNotWritten(booking.MeetingId, leaderObjectId, problem);
            return null;
        }
    }

    public async Task RemoveAsync(string tenantId, string leaderObjectId, string eventId, CancellationToken ct)
    {
        var settings = options.Value;
        if (!OwnTenant(tenantId, settings))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await graph.Users[leaderObjectId].Events[eventId].DeleteAsync(request => GraphClients.Configure(request, settings), linked.Token);
        }
        catch (ODataError gone) when (gone.ResponseStatusCode == 404)
        {
            // Removed in Outlook already: what was asked for is done.
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogNotRemoved(eventId, leaderObjectId, $"Microsoft Graph did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception error) when (GraphClients.Describe(error, settings) is { } problem)
        {
            LogNotRemoved(eventId, leaderObjectId, problem);
        }
    }

    private static bool OwnTenant(string tenantId, GraphOptions settings) =>
        string.Equals(tenantId.Trim(), settings.TenantId?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Wire(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId} was not written to the calendar of leader {Leader}: {Problem}")]
    private partial void LogNotWritten(string meetingId, string leader, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} was not removed from the calendar of leader {Leader}: {Problem}")]
    private partial void LogNotRemoved(string eventId, string leader, string problem);
}
