using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Expands a parsed feed into busy times within a window: recurring series (RRULE, RDATE, EXDATE) with their overridden
/// instances (RECURRENCE-ID) in place of the originals; cancelled events and instances and free (TRANSP:TRANSPARENT)
/// events left out; private and confidential titles hidden. Times with a TZID keep their wall-clock time across daylight
/// saving changes; floating times and all-day dates are read in the office's time zone.
/// </summary>
internal static class IcsBusyTimes
{
    /// <summary>More occurrences than this in one window is a runaway rule (FREQ=MINUTELY), not a diary.</summary>
    public const int MaxOccurrences = 100_000;

    // A rule that matches nothing (BYMONTHDAY=30;BYMONTH=2) would otherwise be searched for ever.
    private static readonly EvaluationOptions Evaluation = new() { MaxUnmatchedIncrementsLimit = 10_000 };

    // Floating times and dates compare by wall clock against the window, so the window is widened by the largest UTC offset
    // and trimmed exactly afterwards.
    private static readonly TimeSpan Slack = TimeSpan.FromDays(2);

    /// <exception cref="FeedProblem">An event cannot be expanded (an unknown TZID, a rule that never matches).</exception>
    internal static IReadOnlyList<LeaderBusyTime> Expand(Ical.Net.Calendar calendar, DateTimeOffset from, DateTimeOffset to,
        TimeZoneInfo officeZone, string source)
    {
        var busy = new List<LeaderBusyTime>();
        var start = new CalDateTime((from - Slack).UtcDateTime, CalDateTime.UtcTzId);
        var stopAfter = to + Slack;
        var overrides = Overrides(calendar, officeZone, source);
        var winners = overrides.Values.ToHashSet(ReferenceEqualityComparer.Instance);

        // Event by event rather than Calendar.GetOccurrences: merging twenty thousand ordered sequences costs several
        // times more than expanding each and sorting once (see IcsParseMeasurement).
        foreach (var evt in calendar.Events)
        {
            var replacesAnInstance = evt.RecurrenceIdentifier is not null && evt.Uid is not null;
            if (replacesAnInstance && !winners.Contains(evt))
            {
                continue;
            }

            try
            {
                foreach (var occurrence in evt.GetOccurrences(start, Evaluation))
                {
                    var period = occurrence.Period;
                    var begins = ToInstant(period.StartTime, officeZone);
                    if (begins >= stopAfter)
                    {
                        break;
                    }

                    if (!replacesAnInstance && evt.Uid is { } uid && overrides.ContainsKey((uid, begins)))
                    {
                        continue;
                    }

                    var ends = period.EffectiveEndTime is { } end ? ToInstant(end, officeZone) : begins;
                    var overlaps = ends > from || (ends == begins && begins == from);
                    if (!overlaps || begins >= to || !IsBusy(evt))
                    {
                        continue;
                    }

                    if (busy.Count == MaxOccurrences)
                    {
                        throw new FeedProblem($"{source} has more than {MaxOccurrences} events between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}; check its recurrence rules.");
                    }

                    busy.Add(ToBusyTime(evt, occurrence, begins, ends, officeZone, source));
                }
            }
            catch (Exception error) when (error is EvaluationException or ArgumentException or InvalidOperationException or OverflowException)
            {
                throw new FeedProblem($"{source}: the event '{evt.Summary}' (UID {evt.Uid}) cannot be expanded: {error.Message}");
            }
        }

        busy.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return busy;
    }

    // The instance each RECURRENCE-ID replaces, keyed by instant (a RECURRENCE-ID in UTC may name an instance whose DTSTART
    // has a TZID); of several for one instance, the highest SEQUENCE wins, as in RFC 5545.
    private static Dictionary<(string Uid, DateTimeOffset Original), CalendarEvent> Overrides(Ical.Net.Calendar calendar,
        TimeZoneInfo officeZone, string source)
    {
        var overrides = new Dictionary<(string, DateTimeOffset), CalendarEvent>();
        foreach (var evt in calendar.Events)
        {
            if (evt is not { RecurrenceIdentifier: { } recurrence, Uid: { } uid })
            {
                continue;
            }

            DateTimeOffset original;
            try
            {
                original = ToInstant(recurrence.StartTime, officeZone);
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                throw new FeedProblem($"{source}: the event '{evt.Summary}' (UID {uid}) has an unreadable RECURRENCE-ID: {error.Message}");
            }

            if (!overrides.TryGetValue((uid, original), out var earlier) || evt.Sequence >= earlier.Sequence)
            {
                overrides[(uid, original)] = evt;
            }
        }

        return overrides;
    }

    private static bool IsBusy(CalendarEvent evt) =>
        !string.Equals(evt.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(evt.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase);

    private static LeaderBusyTime ToBusyTime(CalendarEvent evt, Occurrence occurrence, DateTimeOffset begins, DateTimeOffset ends,
        TimeZoneInfo officeZone, string source)
    {
        var isPrivate = evt.Class is { } cls
            && (cls.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase) || cls.Equals("CONFIDENTIAL", StringComparison.OrdinalIgnoreCase));
        var title = isPrivate ? LeaderBusyTime.PrivateTitle : evt.Summary?.Trim() ?? string.Empty;

        // An instance is named by its series and its original start, so a moved instance keeps its id.
        var original = evt.RecurrenceIdentifier is { } recurrence ? ToInstant(recurrence.StartTime, officeZone) : begins;
        var id = $"{evt.Uid}/{original.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        return new LeaderBusyTime(id, title, begins, ends, !occurrence.Period.StartTime.HasTime, isPrivate, source);
    }

    private static DateTimeOffset ToInstant(CalDateTime time, TimeZoneInfo officeZone)
    {
        if (!time.IsFloating)
        {
            return new DateTimeOffset(time.AsUtc, TimeSpan.Zero);
        }

        var local = DateTime.SpecifyKind(time.HasTime ? time.Value : time.Date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, officeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
