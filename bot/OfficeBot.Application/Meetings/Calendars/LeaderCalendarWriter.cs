namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>An approved meeting as it is put in a leader's calendar. <see cref="MeetingId"/> makes a repeated write harmless.</summary>
public sealed record CalendarBooking(string MeetingId, string Title, DateTimeOffset Start, DateTimeOffset End, string? Room);

/// <summary>Puts approved meetings in leaders' own calendars, where the tenant allows it.</summary>
public interface ILeaderCalendarWriter
{
    /// <summary>Writes the booking; returns the calendar's id of the event (for <see cref="RemoveAsync"/>), or null when nothing was written.</summary>
    Task<string?> WriteAsync(string tenantId, string leaderObjectId, CalendarBooking booking, CancellationToken ct);

    /// <summary>Removes an event written by <see cref="WriteAsync"/>; an event already gone is not an error.</summary>
    Task RemoveAsync(string tenantId, string leaderObjectId, string eventId, CancellationToken ct);
}

/// <summary>The default: approved meetings stay in OfficeBot only.</summary>
public sealed class NoCalendarWriter : ILeaderCalendarWriter
{
    public Task<string?> WriteAsync(string tenantId, string leaderObjectId, CalendarBooking booking, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task RemoveAsync(string tenantId, string leaderObjectId, string eventId, CancellationToken ct) => Task.CompletedTask;
}
