using System.Collections.Concurrent;

namespace OfficeBot.Application.Outbox;

/// <summary>
/// Wakes this instance's dispatcher when a change here committed an outbox item, so the follow-up goes out at once
/// instead of on the next poll. Only a hint: the item itself is in the store, and any instance finds it without this.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, bool> _nudged = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _nudges;
    private long _settled;
    private int _passesRunning;
    private int _working;

    // The running dispatcher of this instance, if any, and the items committed here already leased to it (see Born).
    private volatile Adopter? _adopter;
    private readonly ConcurrentDictionary<string, bool> _born = new(StringComparer.Ordinal);

    /// <summary>
    /// An item about to be committed here, due now: leased from birth to this instance's running dispatcher, which then
    /// starts it without first claiming it with a write of its own. The lease protects it from other instances as a
    /// claim would; if this instance dies it runs out and another instance claims the item as usual. Without a running
    /// dispatcher, or for an item due later, the item is returned unchanged.
    /// </summary>
    public OutboxItem Born(OutboxItem item, DateTimeOffset now)
    {
        if (_adopter is not { } adopter || item.DueAt > now || item.LeaseOwner is not null)
        {
            return item;
        }

        if (_born.Count >= MaxUnstartedBorn)
        {
            // Ids of commits that failed are never taken; should they pile up, forgetting them only means the items
            // still pending wait for their lease to run out and are then claimed as usual.
            _born.Clear();
        }

        _born[item.Id] = true;
        return item with { LeaseOwner = adopter.Owner, LeaseUntil = now + adopter.Lease };
    }

    /// <summary>The dispatcher takes items born leased to <paramref name="owner"/> from now on.</summary>
    internal void Adopt(string owner, TimeSpan lease) => _adopter = new Adopter(owner, lease);

    /// <summary>No more items are born leased to <paramref name="owner"/> (it is stopping).</summary>
    internal void Forsake(string owner)
    {
        if (_adopter is { } adopter && adopter.Owner == owner)
        {
            _adopter = null;
        }
    }

    /// <summary>Whether the item was born leased here and not started yet.</summary>
    internal bool IsUnstartedBorn(string itemId) => _born.ContainsKey(itemId);

    /// <summary>Takes a born item for starting, once: true for the first caller only.</summary>
    internal bool TakeBorn(string itemId) => _born.TryRemove(itemId, out _);

    private const int MaxUnstartedBorn = 100_000;

    private sealed record Adopter(string Owner, TimeSpan Lease);

    public void Nudge(string tenantId)
    {
        _nudged[tenantId] = true;
        Interlocked.Increment(ref _nudges);
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>The tenants nudged since the last call, and the nudge count they account for.</summary>
    internal (IReadOnlyList<string> Tenants, long Version) Take()
    {
        var version = Interlocked.Read(ref _nudges);
        var tenants = _nudged.Keys.ToList();
        foreach (var tenant in tenants)
        {
            _nudged.TryRemove(tenant, out _);
        }

        return (tenants, version);
    }

    internal Task WaitAsync(CancellationToken cancellationToken) => _wake.WaitAsync(cancellationToken);

    internal void PassStarted() => Interlocked.Increment(ref _passesRunning);

    internal void WorkStarted() => Interlocked.Increment(ref _working);

    internal void WorkEnded() => Interlocked.Decrement(ref _working);

    internal void PassEnded(long version, bool succeeded)
    {
        if (succeeded)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _settled);
            }
            while (version > seen && Interlocked.CompareExchange(ref _settled, version, seen) != seen);
        }

        Interlocked.Decrement(ref _passesRunning);
    }

    /// <summary>For tests and shutdown: waits until every nudge so far has been followed by a finished pass, and the work it started is done.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (Interlocked.Read(ref _settled) < Interlocked.Read(ref _nudges) || Volatile.Read(ref _passesRunning) > 0 || Volatile.Read(ref _working) > 0)
        {
            await Task.Delay(10, cancel.Token);
        }
    }
}
