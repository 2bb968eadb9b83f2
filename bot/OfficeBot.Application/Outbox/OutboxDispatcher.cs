using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Storage;

namespace OfficeBot.Application.Outbox;

/// <summary>
/// Sends what the outbox holds. It wakes when a change in this instance commits an item (<see cref="Nudge"/>), when a
/// tenant's hint says an item is due, and on a slower sweep of every tenant (the safety net for an instance that died
/// between a commit and its nudge). Items are claimed with an ETag-conditional lease, so several instances share the
/// work and each item is carried out by one of them; an item whose owner crashed is taken over when its lease runs out.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private const int ClaimBatch = 32;
    private const int MaxTenantsPerPass = 10_000;

    private readonly OutboxStore _store;
    private readonly Dictionary<string, IOutboxHandler> _handlers;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<OutboxOptions> _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxSignal _signal;
    private readonly SemaphoreSlim _passGate = new(1, 1);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public OutboxDispatcher(OutboxStore store, OutboxSignal signal, IEnumerable<IOutboxHandler> handlers, TimeProvider clock, IOptionsMonitor<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
    {
        _store = store;
        _signal = signal;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs passes until cancelled: on every nudge, every poll interval, and a full sweep every sweep interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.CurrentValue.PollInterval, _clock);
        Task<bool>? tick = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A store that is down or busy: log, and try again on the next wake.
                LogPassFailed(e);
            }

            tick ??= timer.WaitForNextTickAsync(cancellationToken).AsTask();
            var woken = _signal.WaitAsync(cancellationToken);
            try
            {
                if (await Task.WhenAny(tick, woken) == tick)
                {
                    await tick;
                    tick = null;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: every tenant that was nudged, whose hint is due, or (on a sweep) every tenant.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _passGate.WaitAsync(cancellationToken);
        _signal.PassStarted();
        var succeeded = false;
        var (nudged, version) = _signal.Take();
        try
        {
            var now = _clock.GetUtcNow();
            var sweep = now - _lastSweep >= _options.CurrentValue.SweepInterval;
            var tenants = await _store.TenantsAsync(MaxTenantsPerPass, cancellationToken);
            var work = tenants.Where(t => sweep || t.NextDueAt <= now || nudged.Contains(t.TenantId, StringComparer.Ordinal)).ToList();
            foreach (var tenant in nudged.Where(n => tenants.All(t => t.TenantId != n)))
            {
                work.Add(new OutboxTenant(tenant, now, string.Empty));
            }

            foreach (var tenant in work)
            {
                await DrainTenantAsync(tenant, cancellationToken);
            }

            if (sweep)
            {
                _lastSweep = now;
            }

            succeeded = true;
        }
        finally
        {
            _signal.PassEnded(version, succeeded);
            _passGate.Release();
        }
    }

    private async Task DrainTenantAsync(OutboxTenant tenant, CancellationToken cancellationToken)
    {
        // The hint as it was before looking: if a writer announces something meanwhile, its ETag changes and the hint is not raised over it.
        var seen = string.IsNullOrEmpty(tenant.ETag) ? await _store.TenantAsync(tenant.TenantId, cancellationToken) : tenant;
        while (true)
        {
            var now = _clock.GetUtcNow();
            var due = await _store.DueAsync(tenant.TenantId, now, ClaimBatch, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var options = _options.CurrentValue;
            await Parallel.ForEachAsync(
                due.GroupBy(d => d.Item.MatterNumber),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (items, token) =>
                {
                    foreach (var item in items)
                    {
                        await ProcessAsync(item, token);
                    }
                });
        }

        if (seen is not null)
        {
            var next = await _store.NextDueAsync(tenant.TenantId, cancellationToken) ?? DateTimeOffset.MaxValue;
            await _store.RaiseHintAsync(seen, next, cancellationToken);
        }
    }

    private async Task ProcessAsync(StoredOutboxItem due, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var claimed = await _store.ClaimAsync(due, Owner, _clock.GetUtcNow() + options.Lease, cancellationToken);
        if (claimed is null)
        {
            return;
        }

        if (!_handlers.TryGetValue(claimed.Item.Kind, out var handler))
        {
            LogUnknownKind(claimed.Item.Kind, claimed.Item.Id);
            await _store.DeadLetterAsync(claimed, $"No handler for kind '{claimed.Item.Kind}'.", cancellationToken);
            return;
        }

        var progress = new Progress(this, claimed);
        try
        {
            await handler.HandleAsync(claimed.Item, progress, cancellationToken);
            await _store.CompleteAsync(progress.Current, cancellationToken);
            LogDone(claimed.Item.TenantId, claimed.Item.Id, progress.Current.Item.Attempts + 1);
        }
        catch (OutboxLeaseLostException)
        {
            LogLeaseLost(claimed.Item.TenantId, claimed.Item.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the item is taken up again, from the step it had reached.
        }
        catch (Exception e)
        {
            await RetryLaterAsync(progress.Current, e);
        }
    }

    private async Task RetryLaterAsync(StoredOutboxItem item, Exception failure)
    {
        var options = _options.CurrentValue;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > 500)
        {
            error = error[..500];
        }

        // Giving up is for the store and the operator to see, not a send that never happened without a trace.
        if (item.Item.Attempts + 1 >= options.MaxAttempts)
        {
            LogGaveUp(failure, item.Item.TenantId, item.Item.Id, item.Item.Attempts + 1);
            await _store.DeadLetterAsync(item, error, CancellationToken.None);
            return;
        }

        var backoff = Backoff(options, item.Item.Attempts, (failure as DeliveryDeferredException)?.RetryAfter);
        if (failure is DeliveryDeferredException)
        {
            LogDeferred(item.Item.TenantId, item.Item.Id, failure.Message, backoff.TotalSeconds);
        }
        else
        {
            LogFailed(failure, item.Item.TenantId, item.Item.Id, backoff.TotalSeconds);
        }

        await _store.RescheduleAsync(item, _clock.GetUtcNow() + backoff, error, CancellationToken.None);
    }

    /// <summary>Exponential, with full jitter in its upper half, never sooner than the service asked.</summary>
    internal static TimeSpan Backoff(OutboxOptions options, int attempts, TimeSpan? retryAfter)
    {
        var exponential = options.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 20));
        var capped = Math.Min(exponential, options.MaxBackoff.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    private sealed class Progress(OutboxDispatcher dispatcher, StoredOutboxItem claimed) : IOutboxProgress
    {
        public StoredOutboxItem Current { get; private set; } = claimed;

        public async Task StepAsync(string key, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
        {
            if (Current.Item.Done.Contains(key, StringComparer.Ordinal))
            {
                return;
            }

            // A lease that is about to run out is renewed before the step, so nobody else starts the same step meanwhile.
            var now = dispatcher._clock.GetUtcNow();
            var lease = dispatcher._options.CurrentValue.Lease;
            if (Current.Item.LeaseUntil is not { } until || until - now < lease / 2)
            {
                Current = await dispatcher._store.SaveAsync(Current, Current.Item with { LeaseUntil = now + lease }, cancellationToken)
                    ?? throw new OutboxLeaseLostException(Current.Item.Id);
            }

            await step(cancellationToken);
            Current = await dispatcher._store.SaveAsync(Current, Current.Item with { Done = [.. Current.Item.Done, key], LeaseUntil = dispatcher._clock.GetUtcNow() + lease }, CancellationToken.None)
                ?? throw new OutboxLeaseLostException(Current.Item.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox pass failed; trying again on the next wake")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {ItemId} has kind {Kind}, which no handler carries out; set aside")]
    private partial void LogUnknownKind(string kind, string itemId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox item {TenantId}/{ItemId} done after {Attempts} attempt(s)")]
    private partial void LogDone(string tenantId, string itemId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox item {TenantId}/{ItemId} was taken over by another instance")]
    private partial void LogLeaseLost(string tenantId, string itemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox item {TenantId}/{ItemId} deferred ({Reason}); retrying in {DelaySeconds:F1} s")]
    private partial void LogDeferred(string tenantId, string itemId, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {TenantId}/{ItemId} failed; retrying in {DelaySeconds:F1} s")]
    private partial void LogFailed(Exception exception, string tenantId, string itemId, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {TenantId}/{ItemId} failed {Attempts} times; set aside for a human (dead letter)")]
    private partial void LogGaveUp(Exception exception, string tenantId, string itemId, int attempts);
}
