using System.Text;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// One version of a feed that parsed successfully: its text, kept as UTF-8 bytes, and the calendar parsed from it at read
/// time until whoever uses the feed has taken what it needs from it (<see cref="ReleaseParsed"/>). A parsed calendar
/// costs some 36 times its text on the heap (about 123 MB for a 3.4 MB feed of 20,000 events, 6.1 GB for 50 leaders,
/// where an App Service B1 has 1.75 GB), so it is not kept for the life of the process; the bytes are, so that a window
/// nobody expanded yet can still be answered by parsing them again. <see cref="IcsFeedReader"/> makes a new object only
/// when the feed really changed, and hands out the same one for an unchanged file or a 304, so anything keyed on it (an
/// expansion) stays valid exactly as long as the version it came from.
/// </summary>
public sealed class IcsContent
{
    private readonly byte[] _utf8;
    private readonly string _display;
    private Ical.Net.Calendar? _parsed;
    private int _parsedAgain;

    internal IcsContent(byte[] utf8, Ical.Net.Calendar parsed, string display)
    {
        _utf8 = utf8;
        _parsed = parsed;
        _display = display;
    }

    /// <summary>
    /// The calendar: the one parsed at read time while it is still held, otherwise a new one parsed from the kept text,
    /// which is not kept (a few seconds of work for a large feed, so callers keep what they build from it). Ical.Net's
    /// evaluators are not thread-safe: callers must not expand the calendar this returns from two threads at once.
    /// </summary>
    /// <exception cref="FeedProblem">The kept text no longer parses (it did when it was read, so this should not happen).</exception>
    public Ical.Net.Calendar Parsed()
    {
        if (Volatile.Read(ref _parsed) is { } held)
        {
            return held;
        }

        Interlocked.Increment(ref _parsedAgain);
        return IcsFeedReader.Parse(Encoding.UTF8.GetString(_utf8), _display);
    }

    /// <summary>
    /// Lets the calendar parsed at read time go, once the caller has built what it keeps from it; later calls to
    /// <see cref="Parsed"/> parse the kept text again.
    /// </summary>
    public void ReleaseParsed() => Volatile.Write(ref _parsed, null);

    /// <summary>Whether the calendar parsed at read time is still held (for tests).</summary>
    internal bool HoldsParsed => Volatile.Read(ref _parsed) is not null;

    /// <summary>How many times <see cref="Parsed"/> had to parse the kept text again (for tests).</summary>
    internal int ParsedAgain => Volatile.Read(ref _parsedAgain);
}
