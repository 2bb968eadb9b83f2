using System.Globalization;
using System.Text.RegularExpressions;
using static OfficeBot.Commands.OfficeCalendar;

namespace OfficeBot.Commands;

// A date form read without the recogniser: where it starts, where the phrase with its particle (前, 內) ends,
// and the deadline, or why there is none (a date that does not exist, such as 2月30日 or Feb 30).
internal readonly record struct QuickDate(int Start, int End, Deadline? Deadline, DateProblem Problem);

// The date forms people type most (see the README and the help card), read directly in a few microseconds where the
// recogniser costs 0.3–0.8 ms: 12月5日, 2026-12-05, 2026/12/5, 12/5, 116年1月21日 (ROC years, with or without 民國),
// 下週五, 本週五, 三天內, 兩個星期內, 一個月內, 明天/後天/大後天/今天, 月底, tomorrow, today, next Friday, Dec 5, 5 Dec,
// in 3 days, within 3 days. Works on text that went through DateTextNormaliser (Simplified time words, ASCII digits).
// A form counts only when it is whole: followed by the end, a space or punctuation, and not by a time or a year
// (明天下午三點, Dec 5 3pm, Dec 5, 2027); anything else is left to the recogniser, which reads those.
internal static partial class CommonDateForms
{
    // Also read by TimeRangeForms, so a meeting's day is read exactly as a due date's day.
    internal const string Forms =
        @"(?<ymd>(?<![0-9])(?<y>[0-9]{4})(?:[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?![0-9])|年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})[日号]?))"
        + @"|(?<roc>(?:民国\s*(?<ry>[0-9]{1,3})|(?<![0-9])(?<ry>[0-9]{3}))(?:年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})[日号]?|[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?![0-9])))"
        + @"|(?<md>(?<![0-9])(?<m>[0-9]{1,2})(?:月(?<d>[0-9]{1,2})[日号]?|/(?<d>[0-9]{1,2})(?![0-9/])))"
        + @"|(?<rel>大后天|后天|明天|明日|今天|今日)"
        + @"|(?<week>(?<which>下下个?|下个?|本|这个?)(?:周|星期|礼拜)(?<dow>[一二三四五六日天]))"
        + @"|(?<dur>(?<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<u>天|日|个?(?:周|星期|礼拜)|个月|年)\s*(?:之内|以内|内))"
        + @"|(?<monthend>(?:(?<nextmonth>下个?月)|本月|这个?月|月)底)|(?<yearend>(?:今年)?年底)"
        + @"|(?<![A-Za-z])(?:(?<enrel>(?<!(?:after|before)\s+)(?:today|tomorrow))"
        + @"|(?<ennext>next\s+(?<edow>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?)"
        + @"|(?<enmd>(?<mon>" + MonthNames + @")\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?)"
        + @"|(?<endm>(?<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?<mon>" + MonthNames + @")\.?)"
        + @"|(?<enin>(?:in|within)\s+(?<en>[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<eu>day|week|month)s?))(?![A-Za-z])";

    internal const string MonthNames = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    // 前 ("before") and 內 ("within") after a date say the same deadline; they belong to the phrase, not the title.
    private const string Particle = @"(?:\s*(?:之前|以前|前|为止|止|之内|以内|内))?";

    // Connectors before a date where one is expected (期限 到 12月5日, due by Friday); the recogniser path reads the same list.
    internal const string Connector = @"[\s:,，、]*(?:(?:到|至|延至|延到|延长至|延长到|改到|改至|改为|改成|推迟到|推迟至|截至|截止到|截止|\bto|\buntil|\btill|\bby|\bon)\s*[:：]?\s*)?";

    public static QuickDate? Find(string normalised, DateSearch search, DateTime now)
    {
        var match = search == DateSearch.Trailing ? AtEnd().Match(normalised) : AtStart().Match(normalised);
        if (!match.Success || FollowedByTimeOrYear().IsMatch(normalised, match.Index + match.Length))
        {
            return null;
        }

        var form = match.Groups["form"];
        var end = match.Index + match.Length - (search == DateSearch.Trailing ? match.Groups["tail"].Length : 0);
        if (search != DateSearch.Trailing && !EndsAWord(normalised, end))
        {
            return null;
        }

        var resolved = Resolve(match, DateOnly.FromDateTime(now));
        return resolved is null ? null : new QuickDate(form.Index, end, resolved.Value.Deadline, resolved.Value.Problem);
    }

    internal static (Deadline? Deadline, DateProblem Problem)? Resolve(Match m, DateOnly today)
    {
        if (m.Groups["ymd"].Success)
        {
            return Exact(Int(m, "y"), Int(m, "m"), Int(m, "d"));
        }

        if (m.Groups["roc"].Success)
        {
            // 民國 years: year 1 is 1912, so 116年1月21日 is 2027-01-21 (how Taiwan's government offices write dates).
            return Exact(Int(m, "ry") + RocYearOffset, Int(m, "m"), Int(m, "d"));
        }

        if (m.Groups["md"].Success || m.Groups["enmd"].Success || m.Groups["endm"].Success)
        {
            var month = m.Groups["mon"].Success ? MonthOf(m.Groups["mon"].Value) : Int(m, "m");
            var day = Int(m, "d");
            return YearlessDate(today, month, day) is { } date ? Ok(date) : Impossible;
        }

        if (m.Groups["rel"].Success)
        {
            return Ok(today.AddDays(m.Groups["rel"].Value switch { "今天" or "今日" => 0, "明天" or "明日" => 1, "后天" => 2, _ => 3 }));
        }

        if (m.Groups["enrel"].Success)
        {
            return Ok(today.AddDays(m.Groups["enrel"].Value.Equals("today", StringComparison.OrdinalIgnoreCase) ? 0 : 1));
        }

        if (m.Groups["week"].Success)
        {
            var which = m.Groups["which"].Value;
            var weeks = which.StartsWith("下下", StringComparison.Ordinal) ? 2 : which.StartsWith('下') ? 1 : 0;
            return Ok(WeekDay(today, weeks, "一二三四五六日天".IndexOf(m.Groups["dow"].Value[0], StringComparison.Ordinal) is var i and < 6 ? i + 1 : 7));
        }

        if (m.Groups["ennext"].Success)
        {
            return Ok(WeekDay(today, 1, Array.IndexOf(EnglishDays, m.Groups["edow"].Value.ToLowerInvariant()) + 1));
        }

        if (m.Groups["dur"].Success || m.Groups["enin"].Success)
        {
            var n = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : EnglishNumber(m.Groups["en"].Value);
            var unit = m.Groups["u"].Success ? m.Groups["u"].Value[^1] : char.ToLowerInvariant(m.Groups["eu"].Value[0]);
            return n <= 0 ? null : Ok(unit switch
            {
                '天' or '日' or 'd' => today.AddDays(n),
                '周' or '期' or '拜' or 'w' => today.AddDays(7 * n),
                '月' or 'm' => today.AddMonths(n),
                _ => today.AddYears(n),
            });
        }

        if (m.Groups["monthend"].Success)
        {
            return Ok(LastDayOfMonth(m.Groups["nextmonth"].Success ? today.AddMonths(1) : today));
        }

        return Ok(new DateOnly(today.Year, 12, 31));
    }

    private static readonly string[] EnglishDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static (Deadline?, DateProblem) Ok(DateOnly date) => (new Deadline(date, null), DateProblem.None);

    private static readonly (Deadline?, DateProblem) Impossible = (null, DateProblem.Impossible);

    private static (Deadline?, DateProblem) Exact(int year, int month, int day) =>
        ExactDate(year, month, day) is { } date ? Ok(date) : Impossible;

    private static int MonthOf(string name) => Array.IndexOf(EnglishMonths, name[..3].ToLowerInvariant()) + 1;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    // 3, 十 (10), 十四 (14), 二十 (20), 二十五 (25), 兩/两 (2); anything else (一二) is not a count: -1.
    internal static int Number(string s)
    {
        if (char.IsAsciiDigit(s[0]))
        {
            return int.Parse(s, CultureInfo.InvariantCulture);
        }

        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return s.Length == 1 ? Digit(s[0]) : -1;
        }

        var tens = ten == 0 ? 1 : ten == 1 ? Digit(s[0]) : -1;
        var ones = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? Digit(s[^1]) : -1;
        return tens < 1 || ones < 0 ? -1 : tens * 10 + ones;

        static int Digit(char c) => "一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? i + 1 : c == '两' ? 2 : -1;
    }

    private static int EnglishNumber(string s) => s.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    // Whole: the phrase is not glued to more letters or digits ("2031-01-01garbage" is the recogniser's, and then refused).
    private static bool EndsAWord(string s, int end) =>
        end >= s.Length || !(char.IsAsciiLetterOrDigit(s[end]) || s[end] is '/' or '-' or '.' or ':' && end + 1 < s.Length && char.IsAsciiLetterOrDigit(s[end + 1]));

    [GeneratedRegex(@"\G" + Connector + "(?<form>" + Forms + ")" + Particle, RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AtStart();

    [GeneratedRegex("(?<form>" + Forms + ")" + Particle + @"(?<tail>[\s。.!！,，;；、]*)$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AtEnd();

    // A time or a year after the date (明天下午三點, Dec 5 3pm, Dec 5, 2027): the recogniser reads the whole phrase.
    [GeneratedRegex(@"\G[\s,，]*(?:[0-9]|上午|下午|中午|晚上|早上|凌晨|傍晚|今晚|[零一二两三四五六七八九十]+\s*[点时]|(?:at|noon|midnight|morning|afternoon|evening|night|eod|[ap]\.?m\.?)(?![A-Za-z]))", RegexOptions.IgnoreCase)]
    private static partial Regex FollowedByTimeOrYear();
}
