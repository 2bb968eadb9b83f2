using Microsoft.Extensions.Logging;
using OfficeBot.Application.FollowUp;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Matters;

/// <summary>The result of a change: the matter as it now stands, what the operation did, and the history lines it appended.</summary>
public sealed record ChangeResult(Matter? Matter, Outcome Outcome, IReadOnlyList<HistoryEntry> Appended)
{
    public bool NotFound => Matter is null;
}

/// <summary>
/// Changes matters without losing anyone's update: load, apply the domain operation, store with the ETag; if someone
/// else stored first, load again and re-apply to the newer state (the domain re-checks permission and state each time).
/// Every change is stored with its follow-up (who is told, which cards are updated) as an outbox item in the same batch.
/// </summary>
public sealed partial class MatterService(MatterRepository repository, OfficeTime time, OutboxSignal outbox, ILogger<MatterService> logger)
{
    /// <summary>Each round of contention lets at least one writer through, so this many attempts serve that many people pressing at once.</summary>
    private const int MaxAttempts = 40;

    /// <param name="tenantId">The tenant.</param>
    /// <param name="registration">What was asked.</param>
    /// <param name="actor">Who registers.</param>
    /// <param name="requestKey">The request's identity (conversation and activity id): the same request registers once.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public async Task<(Matter? Matter, Refusal? Refusal)> RegisterAsync(string tenantId, MatterRegistration registration, Actor actor, string? requestKey, CancellationToken cancellationToken)
    {
        var now = time.Now;
        var result = await repository.CreateAsync(tenantId, number => Planned(Matter.Register(tenantId, number, registration, actor, now, time.Zone), now),
            matter => MatterFollowUp.ItemFor(matter, matter.UncommittedHistory, actor, now), requestKey, cancellationToken);
        if (result.Matter is not null)
        {
            outbox.Nudge(tenantId);
        }

        return result;
    }

    /// <summary>
    /// Records that the planned reminder went out and plans the next; its follow-up sends the reminder card. Nothing
    /// happens when the plan has changed meanwhile (another instance recorded it, or the matter moved on).
    /// </summary>
    public Task<ChangeResult> RecordReminderAsync(string tenantId, int number, Domain.Reminders.PlannedReminder planned, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, number, Matter.Bot, matter =>
        {
            if (matter.State.NextReminder != planned)
            {
                return Outcome.Unchanged;
            }

            var current = Current(matter.State, planned);
            return matter.RecordReminder(time.Now, current, About(matter, current));
        }, cancellationToken);

    /// <summary>
    /// The latest of the due-date slots from <paramref name="planned"/> up to now: a reminder sent late (the bot was down
    /// over a weekend) says what is true now — "due today", not the "due in 2 working days" of the morning it missed.
    /// </summary>
    private Domain.Reminders.PlannedReminder Current(MatterState state, Domain.Reminders.PlannedReminder planned)
    {
        static bool AboutTheDueDate(Domain.Reminders.PlannedReminder r) => r.Rule is not (Domain.Reminders.ReminderRule.Receipt or Domain.Reminders.ReminderRule.ReceiptEscalation);

        // Only due-date reminders stand for one another; a receipt reminder and its escalation go to other people and are each sent.
        var current = planned;
        for (var i = 0; i < 400 && AboutTheDueDate(current)
            && Domain.Reminders.ReminderSchedule.Next(state, current.At, time.Calendar, time.Zone, time.Reminders) is { } later && later.At <= time.Now && AboutTheDueDate(later); i++)
        {
            current = later;
        }

        return current;
    }

    /// <summary>The people a receipt escalation names: those who have not acknowledged a working day after being asked.</summary>
    private string? About(Matter matter, Domain.Reminders.PlannedReminder planned) =>
        planned.Rule == Domain.Reminders.ReminderRule.ReceiptEscalation
            ? string.Join("、", Domain.Reminders.ReminderSchedule.LateReceipts(matter.State, planned.At, time.Reminders.ReceiptEscalationAfterWorkingHours, time.Calendar, time.Zone)
                .Select(p => p.DisplayName))
            : null;

    /// <summary>Loads a matter the actor may see; another tenant's matter or one the actor is no part of is simply not there.</summary>
    public async Task<Matter?> FindVisibleAsync(string tenantId, int number, Actor actor, CancellationToken cancellationToken)
    {
        var loaded = await repository.GetAsync(tenantId, number, cancellationToken);
        return loaded is not null && loaded.Matter.IsVisibleTo(actor) ? loaded.Matter : null;
    }

    public Task<ChangeResult> ChangeAsync(string tenantId, int number, Actor actor, Func<Matter, Outcome> operation, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, number, actor, operation, null, cancellationToken);

    /// <param name="tenantId">The tenant.</param>
    /// <param name="number">The matter.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="operation">The domain operation, applied to the latest state (again after a conflict).</param>
    /// <param name="answeredCard">The card pressed, when the change came from a card (<c>conversation|activity</c>); the answer redraws it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> ChangeAsync(string tenantId, int number, Actor actor, Func<Matter, Outcome> operation, string? answeredCard, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await repository.GetAsync(tenantId, number, cancellationToken);
            // The bot itself acts on any matter of the tenant (its automatic reminders).
            if (loaded is null || (actor != Matter.Bot && !loaded.Matter.IsVisibleTo(actor)))
            {
                return new ChangeResult(null, Outcome.Refused(Refusal.NotPermitted), []);
            }

            var outcome = operation(loaded.Matter);
            if (!outcome.IsChanged)
            {
                return new ChangeResult(loaded.Matter, outcome, []);
            }

            loaded.Matter.PlanReminders(time.Now, time.Calendar, time.Zone, time.Reminders);

            try
            {
                var appended = loaded.Matter.UncommittedHistory.ToList();
                await repository.SaveAsync(loaded, MatterFollowUp.ItemFor(loaded.Matter, appended, actor, time.Now, answeredCard), cancellationToken);
                outbox.Nudge(tenantId);
                return new ChangeResult(loaded.Matter, outcome, appended);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRetry(tenantId, number, attempt);

                // A little jitter spreads the writers out so fewer reloads are wasted; it is a back-off, not business time.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(50, 2 * attempt))), cancellationToken);
            }
        }
    }

    private (Matter? Matter, Refusal? Refusal) Planned((Matter? Matter, Refusal? Refusal) registered, DateTimeOffset now)
    {
        registered.Matter?.PlanReminders(now, time.Calendar, time.Zone, time.Reminders);
        return registered;
    }

    public async Task<IReadOnlyList<HistoryEntry>> RecentHistoryAsync(Matter matter, int count, CancellationToken cancellationToken)
    {
        var from = Math.Max(1, matter.State.HistoryCount - count + 1);

        // What this very object stored (a matter just registered) is the stored history: no need to read it back.
        var kept = matter.CommittedHistory;
        if (kept.Count > 0 && kept[0].Sequence <= from && kept[^1].Sequence == matter.State.HistoryCount)
        {
            return kept.Where(e => e.Sequence >= from).ToList();
        }

        return await repository.GetHistoryAsync(matter.State.TenantId, matter.Number, from, cancellationToken);
    }

    public async Task<IReadOnlyList<MatterSummary>> OpenForPersonAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var list = new List<MatterSummary>();
        await foreach (var summary in repository.OpenForPersonAsync(tenantId, objectId, cancellationToken))
        {
            list.Add(summary);
        }

        return list;
    }

    public async Task<IReadOnlyList<MatterSummary>> OpenAsync(string tenantId, CancellationToken cancellationToken)
    {
        var list = new List<MatterSummary>();
        await foreach (var summary in repository.OpenAsync(tenantId, cancellationToken))
        {
            list.Add(summary);
        }

        return list;
    }

    /// <summary>
    /// What the statistics counted in the last 7 office-local days, today included, and in the 7 before: two ranges of
    /// the statistics rows, never the matters or their history.
    /// </summary>
    public async Task<WeeklyStatistics> WeeklyStatisticsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var today = MatterStatistics.Day(time.Now, time.Zone);
        var thisWeek = await repository.StatisticsAsync(tenantId, today.AddDays(-6), today, cancellationToken);
        var weekBefore = await repository.StatisticsAsync(tenantId, today.AddDays(-13), today.AddDays(-7), cancellationToken);
        return new WeeklyStatistics(today, thisWeek, weekBefore);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matter {TenantId}#{MatterNumber} changed by someone else meanwhile; re-applying (attempt {Attempt})")]
    private partial void LogRetry(string tenantId, int matterNumber, int attempt);
}
