namespace OfficeBot.Domain.Meetings;

/// <summary>
/// Busy events sorted by start, with the latest end seen so far at each position, so the events overlapping a span are
/// found by two binary searches instead of a scan: a leader may have tens of thousands of events and a check must take
/// well under a millisecond.
/// </summary>
internal sealed class EventIndex
{
    public static readonly EventIndex Empty = new([]);

    private readonly BusyEvent[] _events;
    private readonly long[] _starts;
    private readonly long[] _latestEnds;

    public EventIndex(IEnumerable<BusyEvent> events)
    {
        _events = [.. events
            .Where(e => e.Busy && e.End >= e.Start)
            .OrderBy(e => e.Start.UtcTicks)
            .ThenBy(e => e.End.UtcTicks)
            .ThenBy(e => e.Id, StringComparer.Ordinal)];
        _starts = new long[_events.Length];
        _latestEnds = new long[_events.Length];
        var latest = long.MinValue;
        for (var i = 0; i < _events.Length; i++)
        {
            _starts[i] = _events[i].Start.UtcTicks;
            latest = Math.Max(latest, _events[i].End.UtcTicks);
            _latestEnds[i] = latest;
        }
    }

    public int Count => _events.Length;

    /// <summary>Adds to <paramref name="into"/>, in start order, the events that start before <paramref name="to"/> and end after <paramref name="from"/>.</summary>
    public void Overlapping(DateTimeOffset from, DateTimeOffset to, string? exceptId, List<BusyEvent> into)
    {
        var fromTicks = from.UtcTicks;
        var end = FirstAtLeast(_starts, to.UtcTicks);
        // Before this position every event ended by `from` (the latest end so far is not after it).
        var begin = FirstAbove(_latestEnds, fromTicks, end);
        for (var i = begin; i < end; i++)
        {
            var e = _events[i];
            if (e.End.UtcTicks > fromTicks && (exceptId is null || !string.Equals(e.Id, exceptId, StringComparison.Ordinal)))
            {
                into.Add(e);
            }
        }
    }

    private static int FirstAtLeast(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int FirstAbove(long[] sorted, long value, int limit)
    {
        int lo = 0, hi = limit;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
