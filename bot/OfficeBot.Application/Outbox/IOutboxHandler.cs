namespace OfficeBot.Application.Outbox;

/// <summary>Carries out one kind of outbox item, step by step.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken);
}

/// <summary>
/// The steps of one item. A step already recorded as done (by an earlier attempt, maybe on another instance) is not run
/// again; a step that completes is recorded at once, so a crash repeats at most the step under way.
/// </summary>
public interface IOutboxProgress
{
    /// <summary>Runs <paramref name="step"/> unless <paramref name="key"/> is done; throws <see cref="OutboxLeaseLostException"/> if another instance took the item.</summary>
    Task StepAsync(string key, Func<CancellationToken, Task> step, CancellationToken cancellationToken);
}

/// <summary>A delivery that could not be made now but may succeed later (throttled, the service unavailable): the item is retried.</summary>
public sealed class DeliveryDeferredException(string reason, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(reason, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The lease on an item ran out and another instance owns it now; this one stops working on it.</summary>
public sealed class OutboxLeaseLostException(string itemId) : Exception($"Lost the lease on outbox item {itemId}.");
