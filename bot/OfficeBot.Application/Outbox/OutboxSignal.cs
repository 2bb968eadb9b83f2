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
