using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Storage;

namespace OfficeBot.Application.Outbox;

/// <summary>
/// Sends what the outbox holds. It wakes when a change in this instance commits an item (<see cref="OutboxSignal.Nudge"/>),
/// when a tenant's hint says an item is due, and on a slower sweep of every tenant (the safety net for an instance that
/// died between a commit and its nudge). Items are claimed with an ETag-conditional lease, so several instances share
/// the work and each item is carried out by one of them; an item whose owner crashed is taken over when its lease runs
/// out. A pass only hands work to a pool of workers and returns, so one slow chat never holds up anyone else's
/// notifications; one matter's items still go one after another, in order.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private const int ClaimBatch = 32;
    private const int MaxTenantsPerPass = 10_000;
    private const int MaxDrainRounds = 1_000;

    private readonly OutboxStore _store;
    private readonly Dictionary<string, IOutboxHandler> _handlers;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<OutboxOptions> _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxSignal _signal;
    private readonly SemaphoreSlim _passGate = new(1, 1);
    private readonly SemaphoreSlim _workers;
    private readonly IReadOnlyList<IRecurringOutboxWork> _recurring;

    // The matters and people being worked on here ("tenant|m|number", "tenant|p|person"), and the tenants with due work that had to wait for one of them.
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _waiting = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public OutboxDispatcher(OutboxStore store, OutboxSignal signal, IEnumerable<IOutboxHandler> handlers, TimeProvider clock, IOptionsMonitor<OutboxOptions> options, ILogger<OutboxDispatcher> logger,
        IEnumerable<IRecurringOutboxWork>? recurring = null)
    {
        _recurring = recurring?.ToList() ?? [];
        _store = store;
        _signal = signal;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _clock = clock;
        _options = options;
        _logger = logger;
        _workers = new SemaphoreSlim(options.CurrentValue.Parallelism);
    }

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs passes until cancelled: on every nudge, every poll interval, and a full sweep every sweep interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.CurrentValue.PollInterval, _clock);
        Task<bool>? tick = null;

        // Both waits outlive a loop that the other one ended: a fresh wait on the signal each time would leave the old one
        // behind to swallow the next nudge, and a change would then wait for the poll instead of going out at once.
        Task? woken = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A store that is down or busy: log, and try again on the next wake.
                LogPassFailed(e);
            }

            tick ??= timer.WaitForNextTickAsync(cancellationToken).AsTask();
            woken ??= _signal.WaitAsync(cancellationToken);
            try
            {
                var first = await Task.WhenAny(tick, woken);
                await first;
                if (first == tick)
                {
                    tick = null;
                }
                else
                {
                    woken = null;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // Workers stop at their next step; what they had not finished is taken up again after the lease.
        await Task.WhenAll(_running.Values);
    }

    /// <summary>Passes until no more work starts, each awaited to the end: what is due now is done when this returns.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxDrainRounds; round++)
        {
            var started = await PassAsync(cancellationToken);
            if (started.Count == 0 && _running.IsEmpty)
            {
                return;
            }

            await Task.WhenAll(started.Count > 0 ? started : _running.Values);
        }
    }

    /// <summary>One pass: every tenant that was nudged, whose hint is due, or (on a sweep) every tenant; returns the work it started.</summary>
    private async Task<List<Task>> PassAsync(CancellationToken cancellationToken)
    {
        var started = new List<Task>();
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

            if (sweep)
            {
                foreach (var tenant in tenants)
                {
                    await EnsureRecurringAsync(tenant.TenantId, cancellationToken);
                }
            }

            foreach (var tenant in work)
            {
                await StartTenantAsync(tenant, started, cancellationToken);
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

        return started;
    }

    /// <summary>Each tenant's next recurring item (a point read when it is there); one tenant's failure does not hold up the others' work.</summary>
    private async Task EnsureRecurringAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var work in _recurring)
        {
            try
            {
                await work.EnsureNextAsync(tenantId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRecurringFailed(e, tenantId);
            }
        }
    }

    private async Task StartTenantAsync(OutboxTenant tenant, List<Task> started, CancellationToken cancellationToken)
    {
        // Every worker busy: the due items would only be read, parsed and left waiting (under a backlog that was a pass per
        // change reading ~50 rows for nothing). The tenant is looked at again when a worker ends — it is marked first, so a
        // worker that ends between the two checks either nudges it or leaves a worker free for this pass. The hint is not
        // touched: it can only be earlier than the tenant's next item, never later, so no instance waits longer for it.
        if (_workers.CurrentCount == 0)
        {
            _waiting[tenant.TenantId] = true;
            if (_workers.CurrentCount == 0)
            {
                return;
            }
        }

        // The hint as it was before looking: if a writer announces something meanwhile, its ETag changes and the hint is not raised over it.
        var seen = string.IsNullOrEmpty(tenant.ETag) ? await _store.TenantAsync(tenant.TenantId, cancellationToken) : tenant;
        var now = _clock.GetUtcNow();

        // No more rows than needed to find work for the free workers; when reading stopped early the tenant is looked at
        // again as soon as a worker ends, as when due work had to wait for a worker.
        var due = await _store.DueAsync(tenant.TenantId, now, ClaimBatch, _workers.CurrentCount, group => _running.ContainsKey($"{tenant.TenantId}|{group}"), cancellationToken);
        var left = due.Cut;
        if (left)
        {
            _waiting[tenant.TenantId] = true;
        }

        foreach (var items in due.Items.GroupBy(d => d.Item.GroupKey(), StringComparer.Ordinal))
        {
            var key = $"{tenant.TenantId}|{items.Key}";
            if (_running.ContainsKey(key) || !_workers.Wait(0))
            {
                // Its matter is being worked on, or every worker is busy: looked at again when one finishes.
                _waiting[tenant.TenantId] = true;
                left = true;
                continue;
            }

            // The worker starts only once it is on the list, so it cannot end (and leave the list) before it is on it.
            _signal.WorkStarted();
            var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var work = WorkAsync(tenant.TenantId, key, items.ToList(), listed.Task, cancellationToken);
            _running[key] = work;
            listed.SetResult();
            started.Add(work);
        }

        // Work due now was left for later and the hint already says "due": the next item is due now too, and writing the
        // hint again (a read of up to the in-progress items and a write, per pass under load) would not change that.
        if (seen is not null && !(left && seen.NextDueAt <= now))
        {
            // Items in progress count at the end of their lease: if this instance dies, the tenant is looked at then.
            var next = await _store.NextDueAsync(tenant.TenantId, cancellationToken) ?? DateTimeOffset.MaxValue;

            // A hint still ahead of now and no later than the next item already wakes a pass in time, which raises it then.
            // Writing it again would cost a write per pass under load (a pass per change), for no instance to act sooner.
            if (seen.NextDueAt <= now || seen.NextDueAt > next)
            {
                await _store.RaiseHintAsync(seen, next, cancellationToken);
            }
        }
    }

    /// <summary>One matter's (or one person's) due items, in order, on a worker of its own.</summary>
    private async Task WorkAsync(string tenantId, string key, List<StoredOutboxItem> items, Task listed, CancellationToken cancellationToken)
    {
        await listed;
        try
        {
            foreach (var item in items)
            {
                await ProcessAsync(item, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the item is taken up again.
        }
        catch (Exception e)
        {
            // The store failed around an item (claim, reschedule): it is still there and is looked at again.
            LogPassFailed(e);
        }
        finally
        {
            _running.TryRemove(key, out _);
            _workers.Release();
            if (_waiting.TryRemove(tenantId, out _))
            {
                _signal.Nudge(tenantId);
            }

            _signal.WorkEnded();
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
            await progress.SaveDoneAsync();
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

    /// <summary>
    /// The steps done so far. A step is recorded as done in the same write that renews the lease before the next step;
    /// after the last one the item is deleted (or, on failure, rescheduled with its steps), so a one-step item costs a
    /// claim and a delete. <see cref="Current"/> always carries every step done, and the ETag of the last write.
    /// </summary>
    private sealed class Progress(OutboxDispatcher dispatcher, StoredOutboxItem claimed) : IOutboxProgress
    {
        private bool _unsaved;

        public StoredOutboxItem Current { get; private set; } = claimed;

        public async Task StepAsync(string key, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
        {
            if (Current.Item.Done.Contains(key, StringComparer.Ordinal))
            {
                return;
            }

            // Steps done are written, and a lease about to run out is renewed, before the next step: nobody else starts
            // it meanwhile, and a crash during it repeats none of the steps before.
            var now = dispatcher._clock.GetUtcNow();
            var lease = dispatcher._options.CurrentValue.Lease;
            if (_unsaved || Current.Item.LeaseUntil is not { } until || until - now < lease / 2)
            {
                Current = await dispatcher._store.SaveAsync(Current, Current.Item with { LeaseUntil = now + lease }, cancellationToken)
                    ?? throw new OutboxLeaseLostException(Current.Item.Id);
                _unsaved = false;
            }

            await step(cancellationToken);
            Current = Current with { Item = Current.Item with { Done = [.. Current.Item.Done, key] } };
            _unsaved = true;
        }

        /// <summary>Writes the steps done so far, when the item is left unfinished (shutdown); best effort, the lease protects the rest.</summary>
        public async Task SaveDoneAsync()
        {
            if (!_unsaved)
            {
                return;
            }

            try
            {
                Current = await dispatcher._store.SaveAsync(Current, Current.Item, CancellationToken.None) ?? Current;
                _unsaved = false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                dispatcher.LogPassFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not plan the recurring outbox work of {TenantId}; trying again on the next sweep")]
    private partial void LogRecurringFailed(Exception exception, string tenantId);

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
