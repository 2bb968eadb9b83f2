using OfficeBot.Application.Matters;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;

namespace OfficeBot.Application.Meetings;

/// <summary>A meeting as loaded, with its ETag and the state it was loaded in (to know which time row to drop).</summary>
public sealed class LoadedMeeting(Meeting meeting, string etag)
{
    public Meeting Meeting { get; } = meeting;

    public string ETag { get; } = etag;

    public MeetingState Original { get; } = meeting.State;
}

/// <summary>What the time rows keep of a meeting that holds its time: enough to check other requests against it and to draw an agenda.</summary>
public sealed record MeetingSummary(int Number, string Title, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Person> Leaders, string? Room, string? Department,
    MeetingStatus Status, Person Requester, bool Urgent = false, bool UrgentConfirmed = false)
{
    public static MeetingSummary Of(MeetingState state) => new(state.Number, state.Title, state.Start, state.End, state.Leaders, state.Room, state.Department, state.Status,
        state.Requester, state.Urgent, state.UrgentConfirmedBy is not null);
}

/// <summary>
/// Stores meeting requests, their append-only history and their time rows (keys: <see cref="MeetingKeys"/>), each change
/// in one atomic batch with the outbox item it promises.
/// </summary>
public sealed class MeetingRepository(ITableStore store, OutboxStore outbox)
{
    private readonly TenantNumbers _numbers = new(store, MeetingKeys.Sequence, MeetingKeys.Request, "meeting");

    public async Task<LoadedMeeting?> GetAsync(string tenantId, int number, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), MeetingKeys.Meeting(number), cancellationToken);
        return row is null ? null : new LoadedMeeting(Meeting.FromState(StoredJson.Deserialize<MeetingState>(row.Data)), row.ETag!);
    }

    public async Task<IReadOnlyList<MeetingHistoryEntry>> GetHistoryAsync(string tenantId, int number, int fromSequence, CancellationToken cancellationToken)
    {
        var entries = new List<MeetingHistoryEntry>();
        var from = fromSequence <= 1 ? MeetingKeys.HistoryFrom(number) : MeetingKeys.History(number, fromSequence);
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), from, MeetingKeys.HistoryTo(number), cancellationToken: cancellationToken))
        {
            entries.Add(StoredJson.Deserialize<MeetingHistoryEntry>(row.Data));
        }

        return entries;
    }

    /// <summary>
    /// Takes the next meeting number and stores the new request in one batch with the sequence row and its outbox item;
    /// a redelivered message (<paramref name="requestKey"/>) returns the meeting it asked for instead of a second one.
    /// </summary>
    public async Task<(Meeting? Meeting, MeetingRefusal? Refusal)> CreateAsync(string tenantId, Func<int, (Meeting? Meeting, MeetingRefusal? Refusal)> request,
        Func<Meeting, OutboxItem> followUp, string? requestKey, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(tenantId);
        var (meeting, refusal) = await _numbers.CreateAsync(tenantId, requestKey, request,
            async (number, token) => (await GetAsync(tenantId, number, token))?.Meeting,
            (created, operations, token) =>
            {
                operations.Add(BatchOperation.Insert(new StoredRow(partition, MeetingKeys.Meeting(created.Number), StoredJson.Serialize(created.State))));
                operations.AddRange(HistoryRows(partition, created));
                operations.AddRange(TimeRows(partition, null, created.State));
                return CommitAsync(tenantId, operations, followUp(created), token);
            },
            cancellationToken);
        meeting?.MarkCommitted();
        return (meeting, refusal);
    }

    /// <summary>Stores the changed meeting if nobody changed it since it was loaded; otherwise throws <see cref="ConcurrencyException"/>.</summary>
    public async Task SaveAsync(LoadedMeeting loaded, OutboxItem? followUp, CancellationToken cancellationToken)
    {
        var state = loaded.Meeting.State;
        var partition = MatterKeys.Partition(state.TenantId);
        var operations = new List<BatchOperation>
        {
            BatchOperation.Replace(new StoredRow(partition, MeetingKeys.Meeting(state.Number), StoredJson.Serialize(state)), loaded.ETag),
        };
        operations.AddRange(HistoryRows(partition, loaded.Meeting));
        operations.AddRange(TimeRows(partition, loaded.Original, state));
        await CommitAsync(state.TenantId, operations, followUp, cancellationToken);
        loaded.Meeting.MarkCommitted();
    }

    /// <summary>The meetings holding time (pending or approved) that overlap [<paramref name="from"/>, <paramref name="to"/>): one range of time rows.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> HoldingTimeAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var found = new List<MeetingSummary>();
        // A meeting lasts at most Meeting.Longest, so one starting that long before the window cannot reach into it.
        await foreach (var row in store.QueryAsync(MatterKeys.Table, MatterKeys.Partition(tenantId), MeetingKeys.TimeFrom(from - Meeting.Longest), MeetingKeys.TimeFrom(to),
            cancellationToken: cancellationToken))
        {
            var summary = StoredJson.Deserialize<MeetingSummary>(row.Data);
            if (summary.End > from && summary.Start < to)
            {
                found.Add(summary);
            }
        }

        return found;
    }

    /// <summary>A change, its history and time rows (at most a few rows) and its outbox item: one atomic batch.</summary>
    private async Task<IReadOnlyList<string>> CommitAsync(string tenantId, List<BatchOperation> operations, OutboxItem? followUp, CancellationToken cancellationToken)
    {
        if (followUp is not null)
        {
            await outbox.EnsureTenantAsync(tenantId, followUp.DueAt, cancellationToken);
            operations.Add(BatchOperation.Insert(OutboxStore.NewRow(followUp)));
        }

        return await store.SubmitBatchAsync(MatterKeys.Table, operations, cancellationToken);
    }

    private static IEnumerable<BatchOperation> HistoryRows(string partition, Meeting meeting) =>
        meeting.UncommittedHistory.Select(entry => BatchOperation.Insert(
            new StoredRow(partition, MeetingKeys.History(meeting.Number, entry.Sequence), StoredJson.Serialize(entry))));

    /// <summary>The meeting's time row follows its state: written while it holds time, moved with it, removed when it no longer does.</summary>
    private static IEnumerable<BatchOperation> TimeRows(string partition, MeetingState? before, MeetingState after)
    {
        var wanted = after.HoldsTime ? MeetingKeys.Time(after.Start, after.Number) : null;
        if (wanted is not null)
        {
            yield return BatchOperation.Upsert(new StoredRow(partition, wanted, StoredJson.Serialize(MeetingSummary.Of(after))));
        }

        if (before is { HoldsTime: true } && MeetingKeys.Time(before.Start, before.Number) is var old && old != wanted)
        {
            yield return BatchOperation.Delete(partition, old, BatchOperation.AnyETag);
        }
    }
}
