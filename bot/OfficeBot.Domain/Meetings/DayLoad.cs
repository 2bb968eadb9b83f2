namespace OfficeBot.Domain.Meetings;

/// <summary>
/// A leader's office-local day with one more meeting in it: how many meetings, how much time (overlaps counted once),
/// and the unbroken run of meetings the new one belongs to. Meetings are clipped to the day.
/// </summary>
internal readonly record struct DayLoad(
    int Meetings,
    TimeSpan Time,
    DateTimeOffset First,
    DateTimeOffset Last,
    DateTimeOffset ChainStart,
    DateTimeOffset ChainEnd,
    int ChainMeetings)
{
    public TimeSpan Chain => ChainEnd - ChainStart;

    public bool TooMany(LeaderLimits limits) => Meetings > limits.MaxMeetingsPerDay;

    public bool TooLong(LeaderLimits limits) => Time > limits.MaxMeetingTimePerDay;

    public bool Unbroken(LeaderLimits limits) => Chain > limits.MaxUnbrokenTime;

    public bool Overloads(LeaderLimits limits) => TooMany(limits) || TooLong(limits) || Unbroken(limits);

    /// <param name="meetings">The day's other meetings (all-day events left out), in start order.</param>
    public static DayLoad Measure(
        List<BusyEvent> meetings, DateTimeOffset start, DateTimeOffset end, DateTimeOffset dayStart, DateTimeOffset dayEnd, TimeSpan minBreak)
    {
        long dayFrom = dayStart.UtcTicks, dayTo = dayEnd.UtcTicks, breakTicks = minBreak.Ticks;
        var newStart = Math.Clamp(start.UtcTicks, dayFrom, dayTo);
        var newEnd = Math.Clamp(end.UtcTicks, newStart, dayTo);

        long total = 0, unionStart = 0, unionEnd = 0, first = long.MaxValue, last = long.MinValue;
        long chainStart = 0, chainEnd = 0, ownChainStart = newStart, ownChainEnd = newEnd;
        int chainCount = 0, ownChainCount = 1;
        bool open = false, chainHasNew = false, newDone = false;
        var i = 0;
        while (i < meetings.Count || !newDone)
        {
            long s, e;
            bool isNew;
            if (!newDone && (i >= meetings.Count || newStart <= Math.Max(dayFrom, meetings[i].Start.UtcTicks)))
            {
                (s, e, isNew, newDone) = (newStart, newEnd, true, true);
            }
            else
            {
                s = Math.Max(dayFrom, meetings[i].Start.UtcTicks);
                e = Math.Clamp(meetings[i].End.UtcTicks, s, dayTo);
                isNew = false;
                i++;
            }

            first = Math.Min(first, s);
            last = Math.Max(last, e);
            if (!open)
            {
                (unionStart, unionEnd, chainStart, chainEnd, chainCount, chainHasNew, open) = (s, e, s, e, 1, isNew, true);
                continue;
            }

            if (s > unionEnd)
            {
                total += unionEnd - unionStart;
                (unionStart, unionEnd) = (s, e);
            }
            else
            {
                unionEnd = Math.Max(unionEnd, e);
            }

            if (s - chainEnd < breakTicks)
            {
                chainEnd = Math.Max(chainEnd, e);
                chainCount++;
                chainHasNew |= isNew;
            }
            else
            {
                if (chainHasNew)
                {
                    (ownChainStart, ownChainEnd, ownChainCount) = (chainStart, chainEnd, chainCount);
                }

                (chainStart, chainEnd, chainCount, chainHasNew) = (s, e, 1, isNew);
            }
        }

        total += unionEnd - unionStart;
        if (chainHasNew)
        {
            (ownChainStart, ownChainEnd, ownChainCount) = (chainStart, chainEnd, chainCount);
        }

        return new DayLoad(
            meetings.Count + 1,
            TimeSpan.FromTicks(total),
            new DateTimeOffset(first, TimeSpan.Zero),
            new DateTimeOffset(last, TimeSpan.Zero),
            new DateTimeOffset(ownChainStart, TimeSpan.Zero),
            new DateTimeOffset(ownChainEnd, TimeSpan.Zero),
            ownChainCount);
    }
}
