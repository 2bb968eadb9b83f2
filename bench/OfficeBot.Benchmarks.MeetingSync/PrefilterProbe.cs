using System.Diagnostics;
using Ical.Net.DataTypes;

namespace OfficeBot.Benchmarks.MeetingSync;

/// <summary>
/// Not OfficeBot's code: a probe of what IcsBusyTimes.Expand would cost if events without a recurrence rule were kept or
/// skipped by their own DTSTART/DTEND, and only series were expanded with GetOccurrences. It counts what falls in the
/// window; it does not build busy times, so it is a lower bound for such a change.
/// </summary>
internal static class PrefilterProbe
{
    /// <summary>
    /// The probe over a calendar parsed again from the feed's kept text (the reader no longer keeps parsed calendars). In
    /// a method of its own, so that the calendar is not held by a slot of the long top-level method after it returns.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static (double Ms, int InWindow, int Expanded) Run(OfficeBot.Application.Meetings.Calendars.IcsContent content, DateTimeOffset from, DateTimeOffset to) =>
        Run(content.Parsed(), from, to);

    public static (double Ms, int InWindow, int Expanded) Run(Ical.Net.Calendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var slack = TimeSpan.FromDays(2);
        var start = new CalDateTime((from - slack).UtcDateTime, CalDateTime.UtcTzId);
        var stopAfter = to + slack;
        var started = Stopwatch.GetTimestamp();
        var inWindow = 0;
        var expanded = 0;
        lock (calendar)
        {
            foreach (var evt in calendar.Events)
            {
                if (evt.RecurrenceRule is null && evt.RecurrenceIdentifier is null && evt.DtStart is { } dtStart)
                {
                    var begins = new DateTimeOffset(dtStart.AsUtc, TimeSpan.Zero);
                    var ends = evt.DtEnd is { } dtEnd ? new DateTimeOffset(dtEnd.AsUtc, TimeSpan.Zero) : begins;
                    if (begins < stopAfter && ends > from - slack)
                    {
                        inWindow++;
                    }

                    continue;
                }

                expanded++;
                foreach (var occurrence in evt.GetOccurrences(start))
                {
                    if (new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero) >= stopAfter)
                    {
                        break;
                    }

                    inWindow++;
                }
            }
        }

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, inWindow, expanded);
    }
}
