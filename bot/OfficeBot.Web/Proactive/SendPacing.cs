namespace OfficeBot.Web.Proactive;

/// <summary>
/// Keeps what the bot sends within Teams' rate limits for bots: per conversation 7 messages a second, 8 in 2 seconds,
/// 60 in 30 seconds and 1,800 an hour, and 50 a second per tenant. Each send reserves the earliest slot that breaks no
/// window, and waits for it; the log of slots is exact, so no window of any alignment is ever exceeded. It runs on the
/// wall clock: the limits are Teams' real seconds.
/// </summary>
public sealed class SendPacing(TimeProvider wallClock)
{
    public static readonly IReadOnlyList<(int Limit, TimeSpan Window)> ConversationLimits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    public static readonly IReadOnlyList<(int Limit, TimeSpan Window)> TenantLimits = [(50, TimeSpan.FromSeconds(1))];

    /// <summary>Longer than this in the queue, and the send is deferred to the outbox's retry instead of holding a worker.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private const int MaxTracked = 50_000;

    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, Log> _logs = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot to send to <paramref name="conversationId"/>; false if none comes within <see cref="MaxWait"/> (nothing is reserved then).</summary>
    public async Task<bool> WaitAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_logs)
        {
            var now = wallClock.GetUtcNow();
            var conversation = LogFor("c|" + conversationId, now);
            var tenant = LogFor("t|" + tenantId, now);
            var slot = Max(conversation.EarliestSlot(now, ConversationLimits), tenant.EarliestSlot(now, TenantLimits));
            wait = slot - now;
            if (wait > MaxWait)
            {
                return false;
            }

            conversation.Reserve(slot);
            tenant.Reserve(slot);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, wallClock, cancellationToken);
        }

        return true;
    }

    private Log LogFor(string key, DateTimeOffset now)
    {
        if (!_logs.TryGetValue(key, out var log))
        {
            if (_logs.Count >= MaxTracked)
            {
                // Logs idle for an hour hold no limit any more.
                foreach (var idle in _logs.Where(l => l.Value.IdleSince(now, TimeSpan.FromHours(1))).Select(l => l.Key).ToList())
                {
                    _logs.Remove(idle);
                }
            }

            log = new Log();
            _logs[key] = log;
        }

        return log;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The slots taken in the last hour, oldest first.</summary>
    private sealed class Log
    {
        private readonly LinkedList<DateTimeOffset> _slots = new();

        public DateTimeOffset EarliestSlot(DateTimeOffset now, IReadOnlyList<(int Limit, TimeSpan Window)> limits)
        {
            var longest = limits.Max(l => l.Window);
            while (_slots.First is { } first && first.Value <= now - longest)
            {
                _slots.RemoveFirst();
            }

            // A slot s is free for a window W with limit L when fewer than L slots lie in (s - W, s]. Slots are handed out
            // in order, so every earlier slot is at most s, and the answer is: the L-th latest slot plus W (plus a margin
            // for the network's jitter between here and Teams).
            var slot = _slots.Last is { } last && last.Value > now ? last.Value : now;
            foreach (var (limit, window) in limits)
            {
                if (_slots.Count >= limit)
                {
                    var node = _slots.Last!;
                    for (var i = 1; i < limit; i++)
                    {
                        node = node.Previous!;
                    }

                    var free = node.Value + window + Margin;
                    slot = free > slot ? free : slot;
                }
            }

            return slot;
        }

        /// <summary>Slots are reserved under the lock, each at or after the last, so the list stays sorted.</summary>
        public void Reserve(DateTimeOffset slot) => _slots.AddLast(slot);

        public bool IdleSince(DateTimeOffset now, TimeSpan window) => _slots.Last is not { } last || last.Value <= now - window;
    }
}
