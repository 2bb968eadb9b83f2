using OfficeBot.Application.Matters;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Domain.Meetings;
using OfficeBot.Storage;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// Keeps a meeting's events on its leaders' own calendars in step with it, through <see cref="ILeaderCalendarWriter"/>
/// (Microsoft Graph when the office allows it; nothing otherwise). The event written for each leader is remembered in a
/// row <c>g|e|{meeting}|{leader}</c>, so a move replaces it and a cancellation removes it. Each write is named by the
/// meeting and its revision, so a retry after a lost answer makes no second event.
/// </summary>
public sealed class MeetingCalendarWrites(ILeaderCalendarWriter writer, ITableStore store)
{
    public async Task FollowAsync(MeetingState meeting, string leaderId, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(meeting.TenantId);
        var key = $"g|e|{meeting.Number:D10}|{MatterKeys.Safe(leaderId.ToLowerInvariant())}";
        var row = await store.GetAsync(MatterKeys.Table, partition, key, cancellationToken);
        var written = row is null ? null : StoredJson.Deserialize<WrittenEvent>(row.Data);
        var wanted = meeting.Status == MeetingStatus.Approved;
        if (written is not null && (!wanted || written.Start != meeting.Start || written.End != meeting.End))
        {
            await writer.RemoveAsync(meeting.TenantId, leaderId, written.EventId, cancellationToken);
            await store.DeleteAsync(MatterKeys.Table, partition, key, row!.ETag!, cancellationToken);
            written = null;
        }

        if (wanted && written is null)
        {
            var booking = new CalendarBooking($"officebot-{meeting.TenantId}-M{meeting.Number}-r{meeting.Revision}", meeting.Title, meeting.Start, meeting.End, meeting.Room);
            if (await writer.WriteAsync(meeting.TenantId, leaderId, booking, cancellationToken) is { } eventId)
            {
                await store.UpsertAsync(MatterKeys.Table, new StoredRow(partition, key, StoredJson.Serialize(new WrittenEvent(eventId, meeting.Start, meeting.End))), cancellationToken);
            }
        }
    }

    private sealed record WrittenEvent(string EventId, DateTimeOffset Start, DateTimeOffset End);
}
