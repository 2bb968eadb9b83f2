namespace OfficeBot.Domain.Meetings;

/// <summary>
/// Busy events sorted by start, so the events overlapping a span are found by binary search instead of a scan: a leader
/// may have tens of thousands of events and a check must take well under a millisecond. Events up to a day long (all-day
/// events included) are searched from the longest one's length before the span; the few longer ones (a trip, a leave)
/// are kept apart with the latest end seen so far, so one long event never makes every query scan everything after it.
/// </summary>
internal sealed class EventIndex
{
    // 25 hours: an all-day event on the day the clocks go back.
    private static readonly long LongerThan = TimeSpan.FromHours(25).Ticks;

    private static readonly Comparison<BusyEvent> ByStart = (a, b) =>
    {
        var order = a.Start.UtcTicks.CompareTo(b.Start.UtcTicks);
        if (order == 0)
        {
            order = a.End.UtcTicks.CompareTo(b.End.UtcTicks);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
    };

    private static readonly Comparer<BusyEvent> InStartOrder = Comparer<BusyEvent>.Create(ByStart);

    // After the comparison it is built with (static fields are set in the order written).
    public static readonly EventIndex Empty = new([]);

    private readonly BusyEvent[] _short;
    private readonly long[] _shortStarts;
    private readonly long _longestShort;
    private readonly BusyEvent[] _long;
    private readonly long[] _longStarts;
    private readonly long[] _longLatestEnds;

    public EventIndex(IEnumerable<BusyEvent> events)
    {
        var busy = events.Where(e => e.Busy && e.End >= e.Start).ToArray();
        Array.Sort(busy, ByStart);
        _short = [.. busy.Where(e => Length(e) <= LongerThan)];
        _long = [.. busy.Where(e => Length(e) > LongerThan)];
        _shortStarts = [.. _short.Select(e => e.Start.UtcTicks)];
        _longestShort = _short.Length == 0 ? 0 : _short.Max(Length);
        _longStarts = [.. _long.Select(e => e.Start.UtcTicks)];
        _longLatestEnds = new long[_long.Length];
        var latest = long.MinValue;
        for (var i = 0; i < _long.Length; i++)
        {
            latest = Math.Max(latest, _long[i].End.UtcTicks);
            _longLatestEnds[i] = latest;
        }
    }

    public int Count => _short.Length + _long.Length;

    /// <summary>Adds to <paramref name="into"/>, in start order, the events that start before <paramref name="to"/> and end after <paramref name="from"/>.</summary>
    public void Overlapping(DateTimeOffset from, DateTimeOffset to, string? exceptId, List<BusyEvent> into)
    {
        long fromTicks = from.UtcTicks, toTicks = to.UtcTicks;
        var first = into.Count;
        var end = FirstAtLeast(_shortStarts, toTicks, _shortStarts.Length);
        // No short event starting earlier than this can still be running at `from`.
        var begin = FirstAtLeast(_shortStarts, fromTicks - _longestShort, end);
        Add(_short, begin, end, fromTicks, exceptId, into);

        if (_long.Length == 0)
        {
            return;
        }

        end = FirstAtLeast(_longStarts, toTicks, _longStarts.Length);
        // Before this position every long event ended by `from` (the latest end so far is not after it).
        begin = FirstAbove(_longLatestEnds, fromTicks, end);
        var before = into.Count;
        Add(_long, begin, end, fromTicks, exceptId, into);
        if (into.Count > before && before > first)
        {
            into.Sort(first, into.Count - first, InStartOrder);
        }
    }

    private static long Length(BusyEvent e) => e.End.UtcTicks - e.Start.UtcTicks;

    private static void Add(BusyEvent[] events, int begin, int end, long fromTicks, string? exceptId, List<BusyEvent> into)
    {
        for (var i = begin; i < end; i++)
        {
            var e = events[i];
            if (e.End.UtcTicks > fromTicks && (exceptId is null || !string.Equals(e.Id, exceptId, StringComparison.Ordinal)))
            {
                into.Add(e);
            }
        }
    }

    private static int FirstAtLeast(long[] sorted, long value, int limit)
    {
        int lo = 0, hi = limit;
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
