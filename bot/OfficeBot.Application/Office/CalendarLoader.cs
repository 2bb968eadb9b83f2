using System.Globalization;
using System.Runtime.Serialization;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Application.Office;

/// <summary>What reading the calendar settings gave: the calendar, or every problem found (never both).</summary>
public sealed record CalendarLoad(WorkingCalendar? Calendar, IReadOnlyList<string> Errors);

/// <summary>
/// Builds the office's <see cref="WorkingCalendar"/> from <see cref="CalendarOptions"/>: dates in configuration and
/// iCalendar files combined. Every problem is reported with where it is (setting key, or file and line), so a bad
/// calendar stops start-up with a message an administrator can act on instead of silently counting a holiday as work.
/// </summary>
public static partial class CalendarLoader
{
    /// <summary>Words in an event's SUMMARY that make it a make-up working day (the CATEGORIES value <see cref="WorkdayCategory"/> does too).</summary>
    public static readonly string[] MakeUpSummaryMarkers = ["補班", "补班", "補行上班", "补行上班", "调休上班", "調休上班", "make-up"];

    public const string WorkdayCategory = "WORKDAY";

    // A holiday block longer than a year is a typo in DTEND, not a holiday.
    private const int LongestSpanDays = 366;

    public static CalendarLoad Load(CalendarOptions options, string contentRoot)
    {
        var errors = new List<string>();
        var days = new List<(CalendarDay Day, string Source)>();

        var start = ParseTime(options.WorkStart, "WorkStart", errors);
        var end = ParseTime(options.WorkEnd, "WorkEnd", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add($"{CalendarOptions.Section}:WorkEnd '{options.WorkEnd}' must be later than WorkStart '{options.WorkStart}'.");
        }

        ReadConfigured(options.Holidays, nameof(CalendarOptions.Holidays), CalendarDayKind.Holiday, days, errors);
        ReadConfigured(options.WorkingDays, nameof(CalendarOptions.WorkingDays), CalendarDayKind.MakeUpWorkday, days, errors);
        for (var i = 0; i < options.IcsFiles.Count; i++)
        {
            ReadIcs(options.IcsFiles[i], $"{CalendarOptions.Section}:IcsFiles:{i}", contentRoot, days, errors);
        }

        foreach (var clash in days.GroupBy(d => d.Day.Date).Where(g => g.Select(d => d.Day.Kind).Distinct().Count() > 1))
        {
            var holiday = clash.First(d => d.Day.Kind == CalendarDayKind.Holiday);
            var workday = clash.First(d => d.Day.Kind == CalendarDayKind.MakeUpWorkday);
            errors.Add($"{clash.Key:yyyy-MM-dd} is both a holiday ('{holiday.Day.Name}', {holiday.Source}) and a make-up working day ('{workday.Day.Name}', {workday.Source}).");
        }

        return errors.Count > 0
            ? new CalendarLoad(null, errors)
            : new CalendarLoad(new WorkingCalendar(days.Select(d => d.Day), start, end), []);
    }

    private static TimeOnly? ParseTime(string? text, string key, List<string> errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{CalendarOptions.Section}:{key} '{text}' is not a time of day; write it as HH:mm (e.g. 09:00).");
        return null;
    }

    private static void ReadConfigured(List<CalendarOptions.NamedDate> entries, string list, CalendarDayKind kind,
        List<(CalendarDay, string)> days, List<string> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var key = $"{CalendarOptions.Section}:{list}:{i}";
            var text = entries[i].Date?.Trim();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{key}:Date '{text}' is not a date; write it as yyyy-MM-dd (e.g. 2026-10-10).");
                continue;
            }

            days.Add((new CalendarDay(date, entries[i].Name?.Trim() ?? string.Empty, kind), key));
        }
    }

    private static void ReadIcs(string? relative, string key, string contentRoot, List<(CalendarDay, string)> days, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            errors.Add($"{key} is empty; give the path of an .ics file relative to the content root.");
            return;
        }

        var path = Path.GetFullPath(relative, contentRoot);
        if (!File.Exists(path))
        {
            errors.Add($"{key}: calendar file '{relative}' was not found (looked for {path}).");
            return;
        }

        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (SerializationException error)
        {
            errors.Add($"{relative} line {LineOfParseError(error.Message, lines)}: {error.Message}");
            return;
        }

        if (calendar is null)
        {
            errors.Add($"{relative} line 1: no VCALENDAR found; the file must start with BEGIN:VCALENDAR.");
            return;
        }

        var eventLines = LinesStarting(lines, "BEGIN:VEVENT");
        var events = calendar.Events.ToList();
        for (var i = 0; i < events.Count; i++)
        {
            var at = i < eventLines.Count && eventLines.Count == events.Count ? $"{relative} line {eventLines[i]}" : relative;
            ReadEvent(events[i], at, days, errors);
        }
    }

    private static void ReadEvent(CalendarEvent evt, string at, List<(CalendarDay, string)> days, List<string> errors)
    {
        var name = evt.Summary?.Trim() ?? string.Empty;
        if (string.Equals(evt.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (evt.DtStart is not { } start)
        {
            errors.Add($"{at}: the event '{name}' has no valid DTSTART (an all-day date is written DTSTART;VALUE=DATE:20261010).");
            return;
        }

        if (evt.Properties.Any(p => p.Name is { } n && (n.Equals("RRULE", StringComparison.OrdinalIgnoreCase) || n.Equals("RDATE", StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"{at}: the event '{name}' repeats (RRULE/RDATE); holidays move from year to year, so list each year's dates as their own events.");
            return;
        }

        var makeUp = evt.Categories.Any(c => string.Equals(c.Trim(), WorkdayCategory, StringComparison.OrdinalIgnoreCase))
            || MakeUpSummaryMarkers.Any(m => name.Contains(m, StringComparison.OrdinalIgnoreCase));
        if (!makeUp && !evt.IsAllDay)
        {
            // A timed event (a meeting, an office party) is not a day off.
            return;
        }

        var first = start.Date;
        var last = evt.IsAllDay && evt.End is { } end && end.Date > first ? end.Date.AddDays(-1) : first;
        if (last.DayNumber - first.DayNumber >= LongestSpanDays)
        {
            errors.Add($"{at}: the event '{name}' spans {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, more than a year; check its DTEND.");
            return;
        }

        var kind = makeUp ? CalendarDayKind.MakeUpWorkday : CalendarDayKind.Holiday;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add((new CalendarDay(day, name, kind), at));
        }
    }

    private static List<int> LinesStarting(string[] lines, string prefix)
    {
        var found = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r').Trim().Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(i + 1);
            }
        }

        return found;
    }

    // Ical.Net names the offending text, not its line; find the line it came from (1 when it cannot be told). The text
    // found is quoted last ("Expected 'END:VEVENT', found 'END:VCALENDAR'").
    internal static int LineOfParseError(string message, string[] lines)
    {
        var quoted = QuotedText().Matches(message);
        if (quoted.Count == 0)
        {
            return 1;
        }

        var wanted = quoted[^1].Groups[1].Value.Trim();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r').Trim().Equals(wanted, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedText();
}
