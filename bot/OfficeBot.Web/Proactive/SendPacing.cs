namespace OfficeBot.Web.Proactive;

/// <summary>
/// Keeps what the bot sends within Teams' rate limits for bots: per conversation 7 messages a second, 8 in 2 seconds,
/// 60 in 30 seconds and 1,800 an hour, and 50 a second per tenant. Teams counts a message when it arrives, which is
/// somewhere between the moment the bot starts sending it and the moment Teams answers. So each send is kept in the log
/// at the latest moment it can have arrived — its start while it is on its way, its answer once answered — and a new
/// send starts only when the windows counted back from that start hold room for it. However late the network delivers
/// one message and however early the next, no window of any alignment is exceeded. It runs on the wall clock: the limits
/// are Teams' real seconds.
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

    // Clock granularity and timer wake-ups: a slot is never taken a hair before its window opens.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(10);

    private readonly Dictionary<string, Log> _logs = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>
    /// Waits for a slot to send to <paramref name="conversationId"/> and holds it; the caller reports the answer with
    /// <see cref="Slot.Dispose"/>. Null if no slot comes within <see cref="MaxWait"/> (nothing is held then).
    /// </summary>
    public async Task<Slot?> WaitAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        Slot slot;
        TimeSpan wait;
        lock (_logs)
        {
            var now = wallClock.GetUtcNow();
            var conversation = LogFor("c|" + conversationId, now);
            var tenant = LogFor("t|" + tenantId, now);
            var at = Max(conversation.EarliestSlot(now, ConversationLimits, null), tenant.EarliestSlot(now, TenantLimits, null));
            wait = at - now;
            if (wait > MaxWait)
            {
                return null;
            }

            slot = new Slot(this, conversation, tenant, at, ++_sequence);
            conversation.Add(slot);
            tenant.Add(slot);
        }

        while (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, wallClock, cancellationToken);
            lock (_logs)
            {
                // Sends answered meanwhile may have moved later than they were when this slot was chosen.
                var now = wallClock.GetUtcNow();
                var at = Max(slot.Conversation.EarliestSlot(now, ConversationLimits, slot), slot.Tenant.EarliestSlot(now, TenantLimits, slot));
                slot.At = Max(slot.At, at);
                wait = slot.At - now;
            }
        }

        return slot;
    }

    private void Answered(Slot slot)
    {
        lock (_logs)
        {
            slot.At = Max(slot.At, wallClock.GetUtcNow());
        }
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

    /// <summary>One send's place in the logs: when it may start, and once answered, the latest moment Teams can have counted it.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly SendPacing _pacing;
        private bool _answered;

        internal Slot(SendPacing pacing, Log conversation, Log tenant, DateTimeOffset at, long sequence)
        {
            _pacing = pacing;
            Sequence = sequence;
            Conversation = conversation;
            Tenant = tenant;
            At = at;
        }

        /// <summary>Slots are handed out in this order; each makes room only for those handed out before it.</summary>
        internal long Sequence { get; }

        internal Log Conversation { get; }

        internal Log Tenant { get; }

        internal DateTimeOffset At { get; set; }

        /// <summary>The send was answered (or failed): Teams has counted it by now, if at all.</summary>
        public void Dispose()
        {
            if (!_answered)
            {
                _answered = true;
                _pacing.Answered(this);
            }
        }
    }

    /// <summary>The sends of the last hour to one conversation or tenant.</summary>
    internal sealed class Log
    {
        private readonly List<Slot> _slots = [];

        public void Add(Slot slot) => _slots.Add(slot);

        public DateTimeOffset EarliestSlot(DateTimeOffset now, IReadOnlyList<(int Limit, TimeSpan Window)> limits, Slot? self)
        {
            var longest = limits.Max(l => l.Window);
            _slots.RemoveAll(s => s.At <= now - longest && s != self);

            // A start s is free for a window W with limit L when fewer than L earlier sends can have arrived in (s - W, s]:
            // the L-th latest of them plus W. Sends still waiting for their own slot count too, at the slot they hold;
            // later ones made room for this one when they chose theirs.
            var times = _slots.Where(s => self is null || s.Sequence < self.Sequence).Select(s => s.At).Order().ToList();
            var slot = now;
            foreach (var (limit, window) in limits)
            {
                if (times.Count >= limit)
                {
                    var free = times[^limit] + window + Margin;
                    slot = free > slot ? free : slot;
                }
            }

            return slot;
        }

        public bool IdleSince(DateTimeOffset now, TimeSpan window) => _slots.Count == 0 || _slots.Max(s => s.At) <= now - window;
    }
}
