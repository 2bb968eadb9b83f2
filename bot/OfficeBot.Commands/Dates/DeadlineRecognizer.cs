using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace OfficeBot.Commands;

// Where in a fragment the date is expected.
internal enum DateSearch
{
    // At the start, after an optional connector (期限 / due / 延期 #3 到 …): any date-like expression counts.
    Leading,

    // At the end of a title without a keyword: only expressions that clearly name a deadline count
    // (a date, 下週五前, 三天內, 本週內, "by Friday", "within 3 days"), never a bare month, year, week or time.
    Trailing,

    // Anywhere; the first one found.
    Anywhere,
}

// A deadline found in a fragment; Start..End (exclusive) covers the date phrase
// with its connectors (到, by) and particles (前, 內), so the rest of the fragment is what the user said besides.
// Deadline is null exactly when Problem says why the phrase gives none.
internal sealed record DateMatch(int Start, int End, Deadline? Deadline, string Text, DateProblem Problem = DateProblem.None);

// Finds deadlines in chat text, resolved against "now" in the office time zone. The common forms are read directly
// (CommonDateForms, microseconds); everything else goes to Microsoft.Recognizers.Text (0.3–0.8 ms).
// The recogniser models take ~1 s to build, so they are built once per process and shared (their Parse is
// stateless and safe to call concurrently); Warmup builds them ahead of the first message.
// Quirks handled here rather than in the recogniser:
// Traditional time words are mapped to Simplified first (the Chinese model only knows Simplified);
// 三天內 comes back as a bare duration "三天" and 本週內 as the week "本周", so the trailing 內/前 is read here;
// year-less dates and bare weekdays come back with two candidate values (past and future) and are resolved here;
// lunar holidays (春節, 中秋) come back as lunar month-days and are converted with ChineseLunisolarCalendar;
// 月底/年底 are not recognised at all and are matched here.
internal sealed partial class DeadlineRecognizer
{
    private static readonly Lazy<DateTimeModel> ChineseModel = new(() => CreateModel(Culture.Chinese), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<DateTimeModel> EnglishModel = new(() => CreateModel(Culture.English), LazyThreadSafetyMode.ExecutionAndPublication);

    public static DeadlineRecognizer Shared { get; } = new();

    private DeadlineRecognizer()
    {
    }

    public void Warmup()
    {
        // Any reference time builds the models; a fixed one keeps the clock out of it.
        var now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Unspecified);
        Find("明天下午三點前", DateSearch.Leading, now);
        Find("by next Friday 3pm", DateSearch.Leading, now);
    }

    // A cheap test that lets date-free titles skip the recogniser entirely.
    public static bool MayContainDate(string text) => DateCue().IsMatch(text);

    public DateMatch? Find(string text, DateSearch search, DateTime officeNow)
    {
        var normalised = DateTextNormaliser.Normalise(text);
        if (CommonDateForms.Find(normalised, search, officeNow) is { } quick)
        {
            return Matched(text, normalised, search, quick.Start, quick.End, quick.End, quick.Deadline, quick.Problem);
        }

        var candidates = Candidates(normalised, officeNow);

        // At one start the longest phrase wins, so 下個月底 is read whole and not as 下個月 followed by a stray 底.
        var ordered = search == DateSearch.Trailing
            ? candidates.OrderByDescending(c => c.End).ThenBy(c => c.Start)
            : candidates.OrderBy(c => c.Start).ThenByDescending(c => c.End);
        foreach (var candidate in ordered)
        {
            var particle = Particle().Match(normalised, candidate.End);
            var within = particle.Groups["within"].Success || WithinBefore().IsMatch(normalised[..candidate.Start]);
            var before = particle.Groups["before"].Success || ByBefore().IsMatch(normalised[..candidate.Start]);
            var end = candidate.End + particle.Length;

            if (search == DateSearch.Leading && !LeadingConnector().IsMatch(normalised[..candidate.Start]))
            {
                continue;
            }

            if (search == DateSearch.Trailing && !OnlyPunctuation().IsMatch(normalised[end..]))
            {
                continue;
            }

            var deadline = Resolve(candidate, officeNow, strict: search == DateSearch.Trailing, within, before);
            if (deadline is null)
            {
                if (IsImpossible(candidate))
                {
                    return Matched(text, normalised, search, candidate.Start, candidate.End, end, null, DateProblem.Impossible);
                }

                continue;
            }

            return Matched(text, normalised, search, candidate.Start, candidate.End, end, deadline, DateProblem.None);
        }

        return null;
    }

    // The match as callers see it: from its connector (到, by) or the fragment's start to the end of its particle.
    // Where the date is expected at the start, a phrase glued to more letters or digits ("12/31/9999" read as 12/31,
    // "2031-01-01garbage") is refused whole instead of half-applied.
    private static DateMatch Matched(string text, string normalised, DateSearch search, int phraseStart, int phraseEnd, int end, Deadline? deadline, DateProblem problem)
    {
        var start = search == DateSearch.Leading ? 0 : phraseStart - TrailingConnector().Match(normalised[..phraseStart]).Length;
        if (search != DateSearch.Trailing && problem == DateProblem.None && GluedTail().Match(normalised, phraseEnd) is { Length: > 0 } tail)
        {
            var wordEnd = phraseEnd + tail.Length;
            return new DateMatch(start, wordEnd, null, text[phraseStart..wordEnd].Trim(), DateProblem.PartlyRead);
        }

        return new DateMatch(start, end, deadline, text[phraseStart..phraseEnd].Trim(), problem);
    }

    // A day the calendar does not have (2月30日, Feb 30), which the recogniser reports as read.
    // A year-less 2月29日 is possible (in a leap year), so year-less days are checked against a leap year.
    private static bool IsImpossible(Candidate c) =>
        !c.IsLunar
        && DateAndTime().Match(c.Timex) is { Success: true } dt
        && Int(dt, "m") is var month and >= 1 and <= 12
        && (dt.Groups["y"].Value == "XXXX" ? 2024 : Int(dt, "y")) is var year and >= 1
        && Int(dt, "d") > DateTime.DaysInMonth(year, month);

    private static DateTimeModel CreateModel(string culture) =>
        new DateTimeRecognizer(culture, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();

    private sealed record Candidate(int Start, int End, string Type, string Timex, string? Mod, string? Seconds, bool IsLunar = false);

    private static List<Candidate> Candidates(string normalised, DateTime officeNow)
    {
        var candidates = new List<Candidate>();
        var hasCjk = ScriptDetector.HasCjk(normalised);
        if (hasCjk)
        {
            Collect(ChineseModel.Value, normalised, officeNow, candidates);
            foreach (Match m in MonthOrYearEnd().Matches(normalised))
            {
                candidates.Add(new Candidate(m.Index, m.Index + m.Length, "custom", m.Groups["year"].Success ? "EOY" : m.Groups["next"].Success ? "EONM" : "EOM", null, null));
            }
        }

        // Mixed text ("預算 Dec 5") falls back to the English model when the Chinese one finds nothing.
        if (candidates.Count == 0 && (!hasCjk || normalised.Any(char.IsAsciiLetter)))
        {
            Collect(EnglishModel.Value, normalised, officeNow, candidates);
        }

        return candidates;
    }

    private static void Collect(DateTimeModel model, string text, DateTime officeNow, List<Candidate> into)
    {
        foreach (var result in model.Parse(text, officeNow))
        {
            if (result.Resolution is null
                || !result.Resolution.TryGetValue("values", out var raw)
                || raw is not IEnumerable<Dictionary<string, string>> values
                || values.FirstOrDefault() is not { } first
                || !first.TryGetValue("timex", out var timex))
            {
                continue;
            }

            into.Add(new Candidate(
                result.Start,
                result.End + 1,
                result.TypeName,
                timex,
                first.GetValueOrDefault("Mod"),
                first.GetValueOrDefault("value"),
                first.GetValueOrDefault("isLunar") == "True"));
        }
    }

    private static Deadline? Resolve(Candidate c, DateTime now, bool strict, bool within, bool before)
    {
        var today = DateOnly.FromDateTime(now);
        if (c.Type == "custom")
        {
            return c.Timex switch
            {
                "EOY" => new Deadline(new DateOnly(today.Year, 12, 31), null),
                "EONM" => new Deadline(LastDayOfMonth(today.AddMonths(1)), null),
                _ => new Deadline(LastDayOfMonth(today), null),
            };
        }

        if (c.Type.EndsWith("duration", StringComparison.Ordinal))
        {
            return strict && !within ? null : AfterDuration(c.Timex, c.Seconds, now);
        }

        if (c.Mod is not (null or "before" or "until" or "before-end" or "end"))
        {
            return null;
        }

        if (strict && c.Type.EndsWith("time", StringComparison.Ordinal) && !c.Type.EndsWith("datetime", StringComparison.Ordinal))
        {
            return null;
        }

        var range = Range().Match(c.Timex);
        if (range.Success)
        {
            var from = Point(range.Groups["start"].Value, today, now);
            return strict && from is not null && from.Date < today ? null : Point(range.Groups["end"].Value, today, now);
        }

        // A calendar period (week, month, year) is a deadline only when it is said as one: 本週內, 下週前, "by end of week".
        var isPeriod = Week().IsMatch(c.Timex) || Month().IsMatch(c.Timex) || Year().IsMatch(c.Timex);
        if (strict && isPeriod && c.Mod is null && !within && !before)
        {
            return null;
        }

        return Point(c.Timex, today, now, c.IsLunar);
    }

    private static Deadline? Point(string timex, DateOnly today, DateTime now, bool isLunar = false)
    {
        if (DateAndTime().Match(timex) is { Success: true } dt)
        {
            var month = Int(dt, "m");
            var day = Int(dt, "d");
            // 春節, 中秋 … come back as lunar month-day (春節 = XXXX-01-01 with isLunar) and are converted here.
            if (isLunar)
            {
                var lunar = dt.Groups["y"].Value == "XXXX" ? Yearless(today, year => FromLunar(year, month, day)) : FromLunar(Int(dt, "y"), month, day);
                return new Deadline(lunar, TimeOf(dt));
            }

            var date = dt.Groups["y"].Value == "XXXX" ? OfficeCalendar.YearlessDate(today, month, day) : OfficeCalendar.ExactDate(Int(dt, "y"), month, day);
            return date is { } d ? new Deadline(d, TimeOf(dt)) : null;
        }

        if (Weekday().Match(timex) is { Success: true } wd)
        {
            var isoToday = ((int)today.DayOfWeek + 6) % 7 + 1;
            var date = today.AddDays((Int(wd, "dow") - isoToday + 7) % 7);
            return new Deadline(date, TimeOf(wd));
        }

        if (TimeOnly().Match(timex) is { Success: true } t)
        {
            return new Deadline(today, TimeOf(t));
        }

        if (Week().Match(timex) is { Success: true } week)
        {
            var year = Int(week, "y");
            var number = Int(week, "w");
            var friday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Friday));
            var sunday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Sunday));
            // By Friday of that week, or by Sunday when the weekend has already begun (本週內 said on a Saturday).
            return new Deadline(week.Groups["weekend"].Success || friday < today ? sunday : friday, null);
        }

        if (Month().Match(timex) is { Success: true } m)
        {
            var month = Int(m, "m");
            var date = m.Groups["y"].Value == "XXXX"
                ? Yearless(today, year => LastDayOfMonth(new DateOnly(year, month, 1)))
                : LastDayOfMonth(new DateOnly(Int(m, "y"), month, 1));
            return new Deadline(date, null);
        }

        if (Year().Match(timex) is { Success: true } y)
        {
            return new Deadline(new DateOnly(Int(y, "y"), 12, 31), null);
        }

        if (DateTime.TryParse(timex, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return FromDateTime(exact);
        }

        return null;
    }

    // "Within 9999 months" is read, and refused as too far by DueCheck, instead of overflowing the calendar.
    private const long MaxDurationDays = 366L * 100;
    private static readonly Deadline BeyondAnyHorizon = new(DateOnly.MaxValue, null);

    // "Within" a duration: whole days, weeks, months or years count calendar days from today (三天內 → today + 3);
    // shorter ones count from now (兩小時內 → now + 2 h).
    private static Deadline? AfterDuration(string timex, string? seconds, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        if (CalendarDuration().Match(timex) is { Success: true } d)
        {
            var unit = d.Groups["u"].Value;
            if (!long.TryParse(d.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count * (unit switch { "D" => 1, "W" => 7, "M" => 31, _ => 366 }) > MaxDurationDays)
            {
                return BeyondAnyHorizon;
            }

            var n = (int)count;
            return new Deadline(unit switch
            {
                "D" => today.AddDays(n),
                "W" => today.AddDays(7 * n),
                "M" => today.AddMonths(n),
                _ => today.AddYears(n),
            }, null);
        }

        if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0)
        {
            if (s / 86400 > MaxDurationDays)
            {
                return BeyondAnyHorizon;
            }

            var due = now.AddSeconds(s);
            return s % 86400 == 0 ? new Deadline(DateOnly.FromDateTime(due), null) : FromDateTime(due);
        }

        return null;
    }

    // See OfficeCalendar.YearlessDate; lunar dates need their own conversion per year.
    private static DateOnly Yearless(DateOnly today, Func<int, DateOnly> inYear)
    {
        var date = inYear(today.Year);
        return today.DayNumber - date.DayNumber > OfficeCalendar.DaysAYearlessDateMayLieInThePast ? inYear(today.Year + 1) : date;
    }

    private static readonly ChineseLunisolarCalendar Lunar = new();

    private static DateOnly FromLunar(int lunarYear, int month, int day)
    {
        // Months after a leap month are numbered one higher in ChineseLunisolarCalendar.
        var leapMonth = Lunar.GetLeapMonth(lunarYear);
        var index = leapMonth > 0 && month >= leapMonth ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, Math.Min(day, Lunar.GetDaysInMonth(lunarYear, index)), 0, 0, 0, 0));
    }

    private static DateOnly LastDayOfMonth(DateOnly date) => OfficeCalendar.LastDayOfMonth(date);

    private static Deadline FromDateTime(DateTime value)
    {
        var minute = new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0);
        if (minute < value)
        {
            minute = minute.AddMinutes(1);
        }

        return new Deadline(DateOnly.FromDateTime(minute), System.TimeOnly.FromDateTime(minute));
    }

    private static TimeOnly? TimeOf(Match m) =>
        m.Groups["h"].Success ? new TimeOnly(Int(m, "h") % 24, m.Groups["min"].Success ? Int(m, "min") : 0) : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4}|XXXX)-(?<m>\d{2})-(?<d>\d{2})(?:T(?:(?<h>\d{2})(?::(?<min>\d{2}))?(?::\d{2})?|[A-Z]{2}))?$")]
    private static partial Regex DateAndTime();

    [GeneratedRegex(@"^XXXX-WXX-(?<dow>[1-7])(?:T(?:(?<h>\d{2})(?::(?<min>\d{2}))?(?::\d{2})?|[A-Z]{2}))?$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^T(?<h>\d{2})(?::(?<min>\d{2}))?(?::\d{2})?$")]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^(?<y>\d{4})-W(?<w>\d{2})(?<weekend>-WE)?$")]
    private static partial Regex Week();

    [GeneratedRegex(@"^(?<y>\d{4}|XXXX)-(?<m>\d{2})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(?<y>\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\((?<start>[^,]+),(?<end>[^,]+),(?<duration>[^)]+)\)$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^P(?<n>\d+)(?<u>[DWMY])$")]
    private static partial Regex CalendarDuration();

    // After the phrase: 內 ("within"), 前 ("before"), in the normalised (Simplified) text.
    [GeneratedRegex(@"\G\s*(?:(?<within>之内|以内|内)|(?<before>之前|以前|前|为止|止))?")]
    private static partial Regex Particle();

    [GeneratedRegex(@"\b(?:within|in the next)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WithinBefore();

    [GeneratedRegex(@"(?:\b(?:by|before|until|till)|截至|截止到|截止)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ByBefore();

    [GeneratedRegex("^" + CommonDateForms.Connector + "$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConnector();

    [GeneratedRegex(@"(?:(?:期限|截止日期|截止|截至|到|至|延至|延到|延长至|改到|改为|于|在|\bdue|\bby|\bbefore|\bon|\buntil|\btill|\bto)\s*[:：]?\s*)+$|[,，、:：;；\-—]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingConnector();

    // More letters or digits glued to a date phrase: the rest of the word it was read from.
    [GeneratedRegex(@"\G(?:[/\-.:]?[A-Za-z0-9])[^\s,，、;；。!！]*")]
    private static partial Regex GluedTail();

    [GeneratedRegex(@"^[\s。.!！,，;；、]*$")]
    private static partial Regex OnlyPunctuation();

    [GeneratedRegex(@"(?:本月|这个月|这月|(?<next>下个?月))?月底|(?<year>(?:今年)?年底)")]
    private static partial Regex MonthOrYearEnd();

    [GeneratedRegex(@"[0-9０-９]|[今明后後昨天周週星期礼禮拜月日号號年内內前点點时時钟鐘底]|\b(?:today|tonight|tomorrow|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|within|days?|hours?|noon|midnight|eod|end|next|this)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateCue();
}
