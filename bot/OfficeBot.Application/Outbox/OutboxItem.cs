namespace OfficeBot.Application.Outbox;

/// <summary>
/// Something the bot has promised to send, stored in the same atomic batch as the change that caused it (so in the
/// tenant's partition of the matters table). It stays until every step is done: a crash between the change and the
/// send means "sent later", never "lost". <see cref="Done"/> lists the steps already delivered, so a retry or another
/// instance that takes over resumes where the last one stopped instead of starting again.
/// </summary>
public sealed record OutboxItem
{
    /// <summary>Unique within the tenant: e.g. <c>m0000000012v000007</c>, the follow-up of revision 7 of matter #12.</summary>
    public required string Id { get; init; }

    /// <summary>Which handler carries it out (<see cref="OutboxKinds"/>).</summary>
    public required string Kind { get; init; }

    public required string TenantId { get; init; }

    public int MatterNumber { get; init; }

    /// <summary>For the follow-up of a meeting's change: the meeting (its number, M3).</summary>
    public int MeetingNumber { get; init; }

    /// <summary>The history lines the change appended (their sequence numbers): what the follow-up tells people about.</summary>
    public IReadOnlyList<int> Sequences { get; init; } = [];

    public string? ActorObjectId { get; init; }

    /// <summary>
    /// The card the actor pressed (<c>conversation|activity</c>), already redrawn by the answer to their press: when it is
    /// their own view, the follow-up leaves it alone, so a form they open next is not closed by a redundant update.
    /// </summary>
    public string? AnsweredCard { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is to be sent; a retry moves it later.</summary>
    public DateTimeOffset DueAt { get; init; }

    public int Attempts { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public IReadOnlyList<string> Done { get; init; } = [];

    public string? LastError { get; init; }

    /// <summary>List-index rows that did not fit the change's batch and must be deleted if still stale (see MatterRepository).</summary>
    public IReadOnlyList<string> StaleIndexKeys { get; init; } = [];

    /// <summary>True when the change's index rows were written after its batch, so the follow-up re-derives them in case that write was cut short.</summary>
    public bool RepairIndex { get; init; }

    /// <summary>For a reminder digest: the person it goes to (their Entra object id).</summary>
    public string? PersonObjectId { get; init; }

    /// <summary>For a reminder digest: the reminders it lists, each the matter and the history line that recorded it.</summary>
    public IReadOnlyList<ReminderRef> Reminders { get; init; } = [];

    /// <summary>
    /// Whether <paramref name="sent"/> is the actor's own view of the card they pressed, which the answer to the press
    /// already redrew. A card in a shared chat is still updated: the answer redraws it for the presser only.
    /// </summary>
    public bool AnswerRedrew(Messaging.SentCard sent) =>
        AnsweredCard is { } answered
        && string.Equals(answered, $"{sent.ConversationId}|{sent.ActivityId}", StringComparison.Ordinal)
        && sent.ViewerObjectId is { } viewer
        && string.Equals(viewer, ActorObjectId, StringComparison.OrdinalIgnoreCase);

    public bool IsLeasedAt(DateTimeOffset now) => LeaseUntil is { } until && until > now;

    /// <summary>Items of one group are carried out one after another by one worker: a matter's changes in order, a person's digests one at a time.</summary>
    public string GroupKey() => PersonObjectId is { } person ? $"p|{person}" : MeetingNumber > 0 ? $"g|{MeetingNumber}" : $"m|{MatterNumber}";
}

public static class OutboxKinds
{
    /// <summary>After a change of a matter: update its sent cards in place and tell the people it concerns.</summary>
    public const string MatterChange = "matter";

    /// <summary>A matter's next automatic reminder, due at its time (see Reminders.MatterReminders).</summary>
    public const string Reminder = "reminder";

    /// <summary>One person's reminders that came due together, sent as one message (see Reminders.ReminderDigests).</summary>
    public const string Digest = "digest";

    /// <summary>The supervision report of one working morning, to the directors and the report channel (see Reports.MorningReport).</summary>
    public const string Report = "report";

    /// <summary>After a change of a meeting request: update its sent cards in place, send its card to those it concerns (see Meetings.MeetingFollowUp).</summary>
    public const string Meeting = "meeting";

    /// <summary>A tenant's periodic check of pending and approved meetings against the calendars (see Meetings.MeetingSync).</summary>
    public const string MeetingSync = "meetingSync";
}

/// <summary>A reminder as recorded: the matter, and the sequence number of its history line.</summary>
public sealed record ReminderRef(int Matter, int Sequence);
