namespace OfficeBot.Application.Outbox;

/// <summary>
/// Outbox work that no change causes, which recurs on its own (the morning report). Each tenant gets its next item when
/// the outbox first learns of the tenant and again on every sweep, so a chain broken by a failed item mends itself. The
/// item's key must follow from the tenant and the occasion alone, so that instances ensuring it at once write one item.
/// </summary>
public interface IRecurringOutboxWork
{
    Task EnsureNextAsync(string tenantId, CancellationToken cancellationToken);
}

public static class RecurringOutboxSteps
{
    /// <summary>
    /// The first step of a recurring item: plan the one after it (<paramref name="planNext"/> answers when that is due,
    /// or null if nothing was planned) and wake the outbox for it. Done once per item, so a retry does not plan it again.
    /// </summary>
    public static Task PlanNextAsync(this IOutboxProgress progress, OutboxStore outbox, string tenantId, Func<CancellationToken, Task<DateTimeOffset?>> planNext,
        CancellationToken cancellationToken) =>
        progress.StepAsync("next", async token =>
        {
            if (await planNext(token) is { } due)
            {
                await outbox.AnnounceAsync(tenantId, due, token);
            }
        }, cancellationToken);
}
