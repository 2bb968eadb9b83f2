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
