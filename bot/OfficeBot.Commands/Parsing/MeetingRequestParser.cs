using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OfficeBot.Domain.Limits;

namespace OfficeBot.Commands;

// Reads the arguments of a meeting request: 會議 <主題> <時間段> 領導 @人… [地點 X] [部門 X] [急件].
// Options are taken out wherever they stand (領導/leaders need mentions after them; 地點/room and 部門/dept run to the next
// option or the end; 急件/urgent must stand alone); what is left is the title followed by the time range. The range is the
// earliest place from which the rest of that text reads whole as a range (TimeRangeForms), so a title keeps its
// date-like words (「明天的準備會 12月9日下午2點到4點」); failing that, a range written before the title is taken.
// Keywords are matched on the text folded to Simplified, as in NewMatterParser.
internal static partial class MeetingRequestParser
{
    private static readonly char[] TitleTrim = [' ', ',', '，', '、', ':', '：', ';', '；', '-', '—', '。', '！', '!', '．'];

    public static ArgumentOutcome Parse(string args, MentionTable mentions, DateTime officeNow, TimeZoneInfo zone)
    {
        if (NewMatterParser.TypedMention().Match(args) is { Success: true } typed)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, typed.Value);
        }

        var folded = ScriptDetector.ToSimplified(args);
        var rest = new StringBuilder(args.Length);
        var leaders = new List<MentionRef>();
        string? room = null;
        string? department = null;
        var urgent = false;

        var i = 0;
        while (i < args.Length)
        {
            var option = OptionAt(folded, i, titleStarted: !string.IsNullOrWhiteSpace(rest.ToString()));
            if (option is null)
            {
                rest.Append(args[i]);
                i++;
                continue;
            }

            var (kind, match) = option.Value;
            var argumentStart = i + match.Length;
            rest.Append(' ');
            switch (kind)
            {
                case Option.Leaders:
                    var (people, next) = NewMatterParser.ReadMentions(folded, argumentStart, mentions);
                    leaders.AddRange(people);
                    i = next;
                    break;

                case Option.LeadersWithoutAnyone:
                    i = argumentStart;
                    break;

                case Option.LeaderWithoutMention:
                    return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, args.Substring(match.Groups["name"].Index, match.Groups["name"].Length));

                case Option.Room:
                    var roomEnd = NextOption(folded, argumentStart, Option.Room);
                    room = mentions.Restore(args[argumentStart..roomEnd].Trim(TitleTrim));
                    i = roomEnd;
                    break;

                case Option.Department:
                    var departmentEnd = NextOption(folded, argumentStart, Option.Department);
                    department = mentions.Restore(args[argumentStart..departmentEnd].Trim(TitleTrim));
                    i = departmentEnd;
                    break;

                default:
                    urgent = true;
                    i = argumentStart;
                    break;
            }
        }

        var text = rest.ToString();
        var normalised = DateTextNormaliser.Normalise(text);
        var (found, title) = FindRange(text, normalised, officeNow);

        var finalTitle = mentions.Restore(Whitespace().Replace(title, " ").Trim(TitleTrim));
        if (finalTitle.Length == 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingTitle, null);
        }

        if (finalTitle.Length > InputLimits.Title)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.TitleTooLong, finalTitle.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (found is not { } range)
        {
            var day = Enumerable.Range(0, normalised.Length).FirstOrDefault(at => CanStart(normalised, at) && TimeRangeForms.DayStartsAt(normalised, at), -1);
            return day < 0
                ? ArgumentOutcome.Fail(ParseErrorKind.MissingMeetingTime, null)
                : ArgumentOutcome.Fail(ParseErrorKind.UnrecognisedMeetingTime, mentions.Restore(text[day..].Trim(TitleTrim)));
        }

        var phrase = mentions.Restore(text[range.Start..range.End].Trim());
        ParseErrorKind? problem = range.Problem switch
        {
            RangeProblem.ImpossibleDate => ParseErrorKind.ImpossibleDate,
            RangeProblem.NoTime => ParseErrorKind.MissingMeetingTime,
            RangeProblem.NoEnd => ParseErrorKind.MeetingEndMissing,
            RangeProblem.EndNotAfterStart => ParseErrorKind.MeetingEndNotAfterStart,
            RangeProblem.Unreadable => ParseErrorKind.UnrecognisedMeetingTime,
            _ when range.From < officeNow => ParseErrorKind.MeetingInPast,
            _ when range.To - range.From > TimeRange.Longest => ParseErrorKind.MeetingTooLong,
            _ => null,
        };
        if (problem is { } kind2)
        {
            return ArgumentOutcome.Fail(kind2, phrase);
        }

        if (leaders.Count == 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingLeaders, null);
        }

        if (room is { Length: > InputLimits.Text })
        {
            return ArgumentOutcome.Fail(ParseErrorKind.TextTooLong, room.Length.ToString(CultureInfo.InvariantCulture));
        }

        // Counted as the configuration counts a department's name, so a name an administrator could set always fits.
        if (department is { } name && new StringInfo(name).LengthInTextElements is var length and > InputLimits.DepartmentName)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.DepartmentTooLong, length.ToString(CultureInfo.InvariantCulture));
        }

        var time = new TimeRange(InZone(range.From, zone), InZone(range.To, zone));
        return ArgumentOutcome.Success(new MeetingRequestCommand(
            finalTitle, time, [.. leaders.DistinctBy(p => p.TeamsUserId)], string.IsNullOrEmpty(room) ? null : room, urgent)
        {
            Department = string.IsNullOrEmpty(department) ? null : department,
        });
    }

    private static (RangeRead? Range, string Title) FindRange(string text, string normalised, DateTime officeNow)
    {
        for (var at = 0; at < normalised.Length; at++)
        {
            if (CanStart(normalised, at) && TimeRangeForms.ToEnd(normalised, at, officeNow) is { } last)
            {
                return (last, text[..last.Start]);
            }
        }

        var trimmed = normalised.TrimStart();
        var offset = normalised.Length - trimmed.Length;
        return TimeRangeForms.AtStart(trimmed, officeNow) is { } first
            ? (first with { Start = first.Start + offset, End = first.End + offset }, text[(first.End + offset)..])
            : (null, text);
    }

    // A range starts a word: not inside a number (2月9日 in 12月9日, 00 in 10:00) or an English word.
    private static bool CanStart(string s, int at) =>
        !char.IsWhiteSpace(s[at]) && (at == 0 || !(char.IsAsciiLetterOrDigit(s[at - 1]) || s[at - 1] is ':' or '.' or '/' or '-'));

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    private enum Option
    {
        Leaders,
        LeadersWithoutAnyone,
        LeaderWithoutMention,
        Room,
        Department,
        Urgent,
    }

    // Room, department and a person named without a mention count only after some title, so 「地點變更說明會」 or
    // "Room booking review" at the start are titles.
    private static (Option Kind, Match Match)? OptionAt(string s, int i, bool titleStarted)
    {
        var atWordStart = i == 0 || s[i - 1] == ' ' || MessageText.IsPlaceholder(s[i - 1]);
        if (LeadersKeyword().Match(s, i) is { Success: true } leaders && (atWordStart || ScriptDetector.IsCjk(leaders.Value[0])))
        {
            return (Option.Leaders, leaders);
        }

        if (!atWordStart)
        {
            return null;
        }

        if (titleStarted && LeadersAtTheEnd().Match(s, i) is { Success: true } nobody)
        {
            return (Option.LeadersWithoutAnyone, nobody);
        }

        if (titleStarted && LeaderWithoutMention().Match(s, i) is { Success: true } named)
        {
            return (Option.LeaderWithoutMention, named);
        }

        if (titleStarted && RoomKeyword().Match(s, i) is { Success: true } room)
        {
            return (Option.Room, room);
        }

        if (titleStarted && DepartmentKeyword().Match(s, i) is { Success: true } department)
        {
            return (Option.Department, department);
        }

        return UrgentWord().Match(s, i) is { Success: true } urgent ? (Option.Urgent, urgent) : null;
    }

    // The end of a room's or department's name: the next option of another kind, or the end.
    private static int NextOption(string s, int from, Option reading)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (OptionAt(s, j, titleStarted: true) is { } next && next.Kind != reading)
            {
                return j;
            }
        }

        return s.Length;
    }

    [GeneratedRegex(@"\G(?:出席领导|参会领导|与会领导|领导|leaders?|with)(?![A-Za-z])\s*[:：]?\s*(?=[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex LeadersKeyword();

    // 領導 or "leaders" with nothing after it: the request names no leader (MissingLeaders), not a title word.
    [GeneratedRegex(@"\G(?:出席领导|参会领导|与会领导|领导|leaders?)\s*[:：]?[\s。.!！]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadersAtTheEnd();

    [GeneratedRegex(@"\G(?:出席领导|参会领导|与会领导|领导)(?:\s*[:：]\s*|\s+)(?<name>[^\s\uE000-\uEFFF]+)")]
    private static partial Regex LeaderWithoutMention();

    [GeneratedRegex(@"\G(?:地点|场地|会场|room|venue|location)(?![A-Za-z])\s*[:：]?\s*(?=[^\s,，、;；])", RegexOptions.IgnoreCase)]
    private static partial Regex RoomKeyword();

    // 部門 set apart by a space or colon, so a title word such as 「部門預算審查」 stays in the title.
    [GeneratedRegex(@"\G(?:部门|department|dept)(?![A-Za-z])\.?(?:\s*[:：]\s*|\s+)(?=[^\s,，、;；])", RegexOptions.IgnoreCase)]
    private static partial Regex DepartmentKeyword();

    [GeneratedRegex(@"\G(?:急件|紧急|urgent)(?=$|[\s,，、;；.。!！]|[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex UrgentWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
