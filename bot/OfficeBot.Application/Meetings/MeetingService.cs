using Microsoft.Extensions.Logging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Storage;

namespace OfficeBot.Application.Meetings;

/// <summary>The result of a change of a meeting: the meeting as it now stands, what the operation did, and the history lines it appended.</summary>
public sealed record MeetingChangeResult(Meeting? Meeting, Outcome<MeetingRefusal> Outcome, IReadOnlyList<MeetingHistoryEntry> Appended);

/// <summary>
/// Asks for and changes meetings without losing anyone's update: load, check against the calendars, apply, store with
/// the ETag; if someone else stored first, load, check and apply again. Every change is stored with its follow-up (whose
/// cards are updated, who gets the card) as one outbox item in the same batch.
/// </summary>
public sealed partial class MeetingService(MeetingRepository repository, MeetingChecks checks, MeetingSyncSchedule sync, OfficeTime time, OutboxSignal outbox,
    ILogger<MeetingService> logger)
{
    private const int MaxAttempts = 20;

    /// <summary>Checks the request, then stores it with its conflicts and alternatives; a redelivered message asks once.</summary>
    public async Task<(Meeting? Meeting, MeetingRefusal? Refusal)> RequestAsync(string tenantId, MeetingRequestData data, Actor actor, string? requestKey,
        CancellationToken cancellationToken)
    {
        var now = time.Now;
        if (Meeting.CheckTime(data.Start, data.End, now) is { } refusal)
        {
            return (null, refusal);
        }

        var proposal = new MeetingProposal("new", data.Title, data.Start, data.End, data.Leaders.Select(l => l.ObjectId).ToList(),
            MeetingChecks.DepartmentOf(data.Department, actor.Person), data.Room);
        var check = await checks.CheckAsync(tenantId, proposal, withAlternatives: true, cancellationToken);
        var result = await repository.CreateAsync(tenantId, number => Meeting.Request(tenantId, number, data, actor, now, check),
            meeting => MeetingFollowUp.ItemFor(meeting, meeting.UncommittedHistory, actor.Person.ObjectId, now), requestKey, cancellationToken);
        if (result.Meeting is not null)
        {
            // From now on the tenant has something to watch.
            await sync.EnsureNextAsync(tenantId, cancellationToken);
            outbox.Nudge(tenantId);
        }

        return result;
    }

    /// <summary>Loads a meeting the actor may see; another tenant's, or one the actor is no part of, is simply not there.</summary>
    public async Task<Meeting?> FindVisibleAsync(string tenantId, int number, Actor actor, CancellationToken cancellationToken)
    {
        var loaded = await repository.GetAsync(tenantId, number, cancellationToken);
        return loaded is not null && loaded.Meeting.IsVisibleTo(actor) ? loaded.Meeting : null;
    }

    public Task<IReadOnlyList<MeetingHistoryEntry>> RecentHistoryAsync(Meeting meeting, int count, CancellationToken cancellationToken) =>
        repository.GetHistoryAsync(meeting.State.TenantId, meeting.Number, Math.Max(1, meeting.State.HistoryCount - count + 1), cancellationToken);

    /// <summary>The check of a stored meeting now (at its own time, or at <paramref name="slot"/>), with alternatives when it has conflicts.</summary>
    /// <param name="read">Calendars already read for this check (the sync's round), or null to read them now.</param>
    public Task<MeetingCheck> CheckAsync(MeetingState state, Slot? slot, bool withAlternatives, CancellationToken cancellationToken, CalendarRead? read = null)
    {
        var proposal = MeetingChecks.ProposalOf(state);
        if (slot is { } at)
        {
            proposal = proposal with { Start = at.Start, End = at.End };
        }

        return read is null ? checks.CheckAsync(state.TenantId, proposal, withAlternatives, cancellationToken) : Task.FromResult(checks.Check(proposal, read, withAlternatives));
    }

    /// <param name="tenantId">The tenant.</param>
    /// <param name="number">The meeting.</param>
    /// <param name="actor">Who changes it (<see cref="Matter.Bot"/> for the sync).</param>
    /// <param name="operation">Checks what it needs and applies the domain operation to the latest state (again after a conflict).</param>
    /// <param name="answeredCard">The card pressed (<c>conversation|activity</c>); the answer to the press redraws it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<MeetingChangeResult> ChangeAsync(string tenantId, int number, Actor actor, Func<Meeting, Task<Outcome<MeetingRefusal>>> operation, string? answeredCard,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await repository.GetAsync(tenantId, number, cancellationToken);
            if (loaded is null || (actor != Matter.Bot && !loaded.Meeting.IsVisibleTo(actor)))
            {
                return new MeetingChangeResult(null, Outcome<MeetingRefusal>.Refused(MeetingRefusal.NotPermitted), []);
            }

            var outcome = await operation(loaded.Meeting);
            if (!outcome.IsChanged)
            {
                return new MeetingChangeResult(loaded.Meeting, outcome, []);
            }

            try
            {
                var appended = loaded.Meeting.UncommittedHistory.ToList();
                await repository.SaveAsync(loaded, MeetingFollowUp.ItemFor(loaded.Meeting, appended, actor.Person.ObjectId, time.Now, answeredCard), cancellationToken);
                outbox.Nudge(tenantId);
                return new MeetingChangeResult(loaded.Meeting, outcome, appended);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRetry(tenantId, number, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(50, 2 * attempt))), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {TenantId}#M{MeetingNumber} changed by someone else meanwhile; re-applying (attempt {Attempt})")]
    private partial void LogRetry(string tenantId, int meetingNumber, int attempt);
}
