using System.Globalization;
using System.Text.RegularExpressions;
using static OfficeBot.Commands.OfficeCalendar;

namespace OfficeBot.Commands;

// Why a phrase that was read as a meeting's time gives no range.
internal enum RangeProblem
{
    None,

    // The day does not exist (2月30日, Feb 30).
    ImpossibleDate,

    // A day without hours (明天, next Wednesday).
    NoTime,

    // A start without an end or a length (明天下午3點, tomorrow 3pm).
    NoEnd,

    // The end is not after the start (下午4點到2點, 14:00-13:00, a length of 0).
    EndNotAfterStart,

    // Something that looks like a time but is not one (25:00, 三天內 下午2點).
    Unreadable,
}

// A time range read from Start to End (exclusive) of the normalised text; From and To are office-local times and are
// meaningful only when Problem is None.
internal readonly record struct RangeRead(int Start, int End, DateTime From, DateTime To, RangeProblem Problem);

// Meeting time ranges, read directly (no recogniser: exact, and a few microseconds) from text that went through
// DateTextNormaliser (Simplified time words, ASCII digits). A range is an optional day followed by hours:
//   a span        12月9日下午2點到4點, 12月9日 14:00-16:00, 下週三 10:00-11:30, Dec 9 2-4pm, next Wednesday 10:00-11:30
//   a start + length   後天下午3點 1小時, 明天上午10點 一個半小時, tomorrow 3pm for 90 minutes
//   a half day    明天上午 / tomorrow morning = 09:00–12:00, 明天下午 / tomorrow afternoon = 14:00–18:00
// The day is read by CommonDateForms (the same 12月5日, 下週五, Dec 5, next Friday as due dates) plus bare weekdays
// (週三, Wednesday: the next one, today included); no day means today. English may put the hours first (2-4pm Dec 9).
// Hours: 下午/晚上/pm add 12; 中午 1–3 is 13–15; an hour of 1–6 with no 上午/凌晨/am is afternoon, as offices do not
// meet at 2 a.m. An end without its own 上午/下午/am/pm takes the start's (下午2點到4點 = 14–16), and a start without
// one takes the end's when that keeps it before the end ("2-4pm" = 14–16, "11-1pm" = 11–13).
internal static class TimeRangeForms
{
    public static readonly TimeOnly MorningStart = new(9, 0);
    public static readonly TimeOnly MorningEnd = new(12, 0);
    public static readonly TimeOnly AfternoonStart = new(14, 0);
    public static readonly TimeOnly AfternoonEnd = new(18, 0);

    private const string Period = "上午|早上|早晨|中午|下午|晚上|傍晚|凌晨";
    private const string Meridiem = @"[ap]\.?m\.?(?![A-Za-z])";
    private const string ChineseNumber = "[零一二两三四五六七八九十]{1,3}";

    // One clock time; X becomes the group prefix (s: start, e: end): Xp a Chinese period, Xh the hour, Xm minutes,
    // Xf 半/一刻/三刻, Xap am/pm.
    private const string ClockTemplate =
        @"(?:(?<Xp>" + Period + @")\s*)?"
        + @"(?:(?<Xh>[0-9]{1,2}):(?<Xm>[0-9]{2})"
        + @"|(?<Xh>[0-9]{1,2}|" + ChineseNumber + @")\s*[点时](?:(?<Xf>半|一刻|三刻)|(?<Xm>[0-9]{1,2}|" + ChineseNumber + ")分?)?"
        + @"|(?<Xh>[0-9]{1,2})(?=\s*" + Meridiem + "))"
        + @"(?:\s*(?<Xap>" + Meridiem + "))?";

    private const string Separator = @"\s*(?:到|至|-|–|—|~|～|(?<![A-Za-z])(?:to|until|till|and)(?![A-Za-z]))\s*";

    private const string Length =
        @"[\s,，]*(?:for\s+|共\s*|持续\s*|开\s*|历时\s*|时长\s*)?"
        + @"(?:(?<dn>[0-9]+(?:\.[0-9]+)?|" + ChineseNumber + @"|an?|one|two|three)\s*个?\s*(?<dhalf>半)?\s*(?<du>小时|钟头|分钟|分|hours?|hrs?|h|minutes?|mins?)(?![A-Za-z])"
        + @"(?:\s*(?:and\s+)?(?<dn2>[0-9]{1,2}|" + ChineseNumber + @")\s*(?:分钟|分|minutes?|mins?)(?![A-Za-z]))?"
        + @"|(?<dhh>半\s*个?\s*(?:小时|钟头)|half\s+an\s+hour))";

    private const string HalfDay = @"(?:in\s+the\s+)?(?<pp>上午|早上|下午|morning|afternoon)(?![A-Za-z])";

    private const string Day =
        "(?<date>" + CommonDateForms.Forms
        + @"|(?<dat>(?<![A-Za-z])(?:the\s+)?day\s+after\s+tomorrow(?![A-Za-z]))"
        + @"|(?<wday>(?:周|星期|礼拜)(?<wdc>[一二三四五六日天]))"
        + @"|(?<wday>(?<![A-Za-z])(?:this\s+)?(?<wde>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?(?![A-Za-z])))";

    // 12月9日(三), 12月9日（週三）: the weekday that offices write after a date, checked against it.
    private const string WeekdayNote = @"(?:\s*[(（]\s*(?:周|星期|礼拜)?(?<note>[一二三四五六日天])\s*[)）])?";

    // Wednesday, Dec 9 / Wed Dec 9: the weekday English puts before a date, checked against it like 12月9日(三).
    private const string EnglishWeekdayNote = @"(?:(?<![A-Za-z])(?<enote>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+(?=[A-Za-z0-9]))?";

    private static readonly string Hours =
        @"(?:(?:from|between)\s+|从\s*)?(?:" + ClockPattern("s") + @"|(?<sh>[0-9]{1,2}))" + Separator + ClockPattern("e")
        + "|(?<single>" + ClockPattern("s") + ")(?:" + Length + ")?"
        + "|" + HalfDay;

    // The day first (12月9日下午2點到4點, Dec 9 2-4pm), or in English also the hours first (2-4pm Dec 9, 3pm tomorrow).
    private static readonly string Range =
        @"\G(?:on\s+)?(?:"
        + "(?:" + EnglishWeekdayNote + Day + WeekdayNote + @"(?:\s*,)?\s*(?:at\s+|from\s+)?)?(?<time>" + Hours + ")?"
        + "|(?<time>" + Hours + @")(?:\s*,)?\s+(?:on\s+)?" + Day + WeekdayNote
        + ")";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // The range is the rest of the text (trailing punctuation aside), so a title before it keeps its date-like words.
    private static readonly Regex ToTheEnd = new(Range + @"(?<tail>[\s。.!！,，;；、]*)$", Options);

    // The range comes first and the title after it (會議 明天下午2點到4點 預算審查).
    private static readonly Regex First = new(Range + @"(?=[\s,，;；、]+[^\s,，;；、])", Options);

    private static readonly Regex DayOnly = new(@"\G" + Day, Options);

    public static RangeRead? ToEnd(string normalised, int at, DateTime now) => Read(ToTheEnd.Match(normalised, at), normalised, now);

    public static RangeRead? AtStart(string normalised, DateTime now) => Read(First.Match(normalised, 0), normalised, now);

    // Whether a day is written at this position, for telling "no time given" from "a time I cannot read".
    public static bool DayStartsAt(string normalised, int at) => DayOnly.Match(normalised, at) is { Success: true, Length: > 0 };

    private static RangeRead? Read(Match m, string text, DateTime now)
    {
        if (!m.Success || !(m.Groups["date"].Success || m.Groups["time"].Success))
        {
            return null;
        }

        var end = m.Index + m.Length - m.Groups["tail"].Length;
        while (end > m.Index && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        RangeRead Problem(RangeProblem problem) => new(m.Index, end, default, default, problem);

        var day = DateOnly.FromDateTime(now);
        if (m.Groups["date"].Success)
        {
            switch (DayOf(m, day))
            {
                case null:
                    return Problem(RangeProblem.Unreadable);
                case { Problem: DateProblem.Impossible }:
                    return Problem(RangeProblem.ImpossibleDate);
                case { Deadline: { } deadline }:
                    day = deadline.Date;
                    break;
            }

            if (m.Groups["note"].Success && IsoDayOf(m.Groups["note"].Value[0]) != IsoDay(day)
                || m.Groups["enote"].Success && Array.IndexOf(EnglishDays, m.Groups["enote"].Value.ToLowerInvariant()) + 1 != IsoDay(day))
            {
                return Problem(RangeProblem.Unreadable);
            }
        }

        if (!m.Groups["time"].Success)
        {
            return Problem(RangeProblem.NoTime);
        }

        if (m.Groups["pp"].Success)
        {
            var morning = m.Groups["pp"].Value.ToLowerInvariant() is "上午" or "早上" or "morning";
            return new RangeRead(m.Index, end,
                day.ToDateTime(morning ? MorningStart : AfternoonStart), day.ToDateTime(morning ? MorningEnd : AfternoonEnd), RangeProblem.None);
        }

        if (ClockOf(m, "s") is not { } start)
        {
            return Problem(RangeProblem.Unreadable);
        }

        int startMinutes, endMinutes;
        if (m.Groups["single"].Success)
        {
            if (!(m.Groups["dn"].Success || m.Groups["dhh"].Success))
            {
                return Problem(RangeProblem.NoEnd);
            }

            if (LengthInMinutes(m) is not { } length)
            {
                return Problem(RangeProblem.Unreadable);
            }

            startMinutes = start.Minutes(start.Marker);
            endMinutes = startMinutes + length;
        }
        else
        {
            if (ClockOf(m, "e") is not { } finish)
            {
                return Problem(RangeProblem.Unreadable);
            }

            var endMarker = finish.Marker == Marker.None ? start.Marker : finish.Marker;
            var startMarker = start.Marker == Marker.None && finish.Marker != Marker.None
                && start.Minutes(finish.Marker) < finish.Minutes(finish.Marker) ? finish.Marker : start.Marker;
            startMinutes = start.Minutes(startMarker);
            endMinutes = finish.Minutes(endMarker);

            // 上午11點到1點: an end that took the start's morning and so fell before it is past noon.
            if (endMinutes <= startMinutes && finish.Marker == Marker.None && endMinutes < 12 * 60 && endMinutes + 12 * 60 > startMinutes)
            {
                endMinutes += 12 * 60;
            }
        }

        if (startMinutes >= 24 * 60 || endMinutes > 48 * 60)
        {
            return Problem(RangeProblem.Unreadable);
        }

        if (endMinutes <= startMinutes)
        {
            return Problem(RangeProblem.EndNotAfterStart);
        }

        // 9999-12-31 23:00-24:00 would run off the calendar.
        if (day >= DateOnly.MaxValue.AddDays(-2))
        {
            return Problem(RangeProblem.Unreadable);
        }

        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new RangeRead(m.Index, end, midnight.AddMinutes(startMinutes), midnight.AddMinutes(endMinutes), RangeProblem.None);
    }

    private static (Deadline? Deadline, DateProblem Problem)? DayOf(Match m, DateOnly today)
    {
        if (m.Groups["wday"].Success)
        {
            var isoDay = m.Groups["wdc"].Success
                ? IsoDayOf(m.Groups["wdc"].Value[0])
                : Array.IndexOf(EnglishDays, m.Groups["wde"].Value.ToLowerInvariant()) + 1;
            return (new Deadline(today.AddDays((isoDay - IsoDay(today) + 7) % 7), null), DateProblem.None);
        }

        if (m.Groups["dat"].Success)
        {
            return (new Deadline(today.AddDays(2), null), DateProblem.None);
        }

        // Within-durations and month or year ends are deadlines, not days a meeting is held on.
        if (m.Groups["dur"].Success || m.Groups["enin"].Success || m.Groups["monthend"].Success || m.Groups["yearend"].Success)
        {
            return null;
        }

        return CommonDateForms.Resolve(m, today);
    }

    // 一 … 六 are Monday to Saturday, 日 and 天 Sunday.
    private static int IsoDayOf(char chinese) => "一二三四五六".IndexOf(chinese, StringComparison.Ordinal) + 1 is var d and > 0 ? d : 7;

    private static readonly string[] EnglishDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private enum Marker
    {
        None,
        Am,
        Pm,
        Morning,
        Noon,
        SmallHours,
    }

    private readonly record struct Clock(int Hour, int Minute, Marker Marker)
    {
        // Minutes after midnight when read with the given marker (the clock's own, or one it takes from the other end).
        public int Minutes(Marker marker) => Hour24(marker) * 60 + Minute;

        private int Hour24(Marker marker) => marker switch
        {
            Marker.Pm => Hour < 12 ? Hour + 12 : Hour,
            Marker.Am or Marker.SmallHours => Hour == 12 ? 0 : Hour,
            Marker.Noon => Hour is >= 1 and <= 3 ? Hour + 12 : Hour,
            Marker.Morning => Hour,
            _ => Hour is >= 1 and <= 6 ? Hour + 12 : Hour,
        };
    }

    private static Clock? ClockOf(Match m, string x)
    {
        var hour = NumberOf(m.Groups[x + "h"].Value);
        var minute = m.Groups[x + "f"].Success
            ? m.Groups[x + "f"].Value switch { "半" => 30, "一刻" => 15, _ => 45 }
            : m.Groups[x + "m"].Success ? NumberOf(m.Groups[x + "m"].Value) : 0;
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || hour == 24 && minute > 0)
        {
            return null;
        }

        var marker = m.Groups[x + "ap"].Success
            ? char.ToLowerInvariant(m.Groups[x + "ap"].Value[0]) == 'a' ? Marker.Am : Marker.Pm
            : m.Groups[x + "p"].Value switch
            {
                "" => Marker.None,
                "上午" or "早上" or "早晨" => Marker.Morning,
                "中午" => Marker.Noon,
                "凌晨" => Marker.SmallHours,
                _ => Marker.Pm,
            };
        return new Clock(hour, minute, marker);
    }

    private static int? LengthInMinutes(Match m)
    {
        if (m.Groups["dhh"].Success)
        {
            return 30;
        }

        var text = m.Groups["dn"].Value.ToLowerInvariant();
        double count = text switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            _ when char.IsAsciiDigit(text[0]) => double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
            _ => CommonDateForms.Number(text),
        };
        if (count < 0)
        {
            return null;
        }

        var inHours = m.Groups["du"].Value.ToLowerInvariant() is var unit && (unit[0] == 'h' || unit is "小时" or "钟头");
        var minutes = count * (inHours ? 60 : 1) + (m.Groups["dhalf"].Success ? 30 : 0);
        if (m.Groups["dn2"].Success)
        {
            var more = NumberOf(m.Groups["dn2"].Value);
            if (more < 0)
            {
                return null;
            }

            minutes += more;
        }

        return minutes > 48 * 60 ? null : (int)Math.Round(minutes);
    }

    // 3, 03, 十, 十一, 两; -1 when the Chinese digits are not a number.
    private static int NumberOf(string s) =>
        s.Length == 0 ? -1
        : char.IsAsciiDigit(s[0]) ? int.Parse(s, CultureInfo.InvariantCulture)
        : s == "零" ? 0
        : CommonDateForms.Number(s);

    private static string ClockPattern(string prefix) => ClockTemplate.Replace("(?<X", "(?<" + prefix, StringComparison.Ordinal);
}
