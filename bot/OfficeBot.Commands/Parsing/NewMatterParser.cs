using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Commands;

// Reads the arguments of a new-matter command: options wherever they appear, everything else is the title.
// An option keyword counts at the start of a word (after a space); the Chinese 主辦/會辦 also count glued to
// preceding text when a mention follows, and 期限 when a colon follows. Keywords that would take part of an
// ordinary title (會辦單位協調, 急件處理流程, "Letter from the ministry", "Lead the audit") are left in the title:
// 主辦/會辦/lead/co need a mention after them, 來源/from a known source, 急件/urgent must stand alone, and
// 期限 glued to a word that is not a date is just a word.
// Keywords are matched on the text folded to Simplified characters, so words typed in a mix of scripts (会辦, 领導交辦,
// 上级交辦) are the same keywords; the title is taken from the text as typed.
internal static partial class NewMatterParser
{
    private static readonly char[] TitleTrim = [' ', ',', '，', '、', ':', '：', ';', '；', '-', '—'];

    // A sentence's full stop or exclamation mark ends a title but is not part of it.
    private static readonly char[] TitleEndTrim = [.. TitleTrim, '。', '！', '!', '．'];

    public static ArgumentOutcome Parse(string args, MentionTable mentions, DateTime officeNow, DeadlineRecognizer dates)
    {
        if (TypedMention().Match(args) is { Success: true } typed)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, typed.Value);
        }

        var folded = ScriptDetector.ToSimplified(args);
        var title = new StringBuilder(args.Length);
        MentionRef? lead = null;
        var coHandlers = new List<MentionRef>();
        DateMatch? due = null;
        var source = MatterSource.Self;
        string? documentNumber = null;
        var urgency = Urgency.Normal;

        var i = 0;
        while (i < args.Length)
        {
            var option = OptionAt(folded, i);
            if (option is null)
            {
                title.Append(args[i]);
                i++;
                continue;
            }

            var (kind, match) = option.Value;
            var argumentStart = i + match.Length;
            switch (kind)
            {
                case Option.Lead or Option.CoHandler:
                    var (people, next) = ReadMentions(folded, argumentStart, mentions);
                    if (kind == Option.Lead && lead is null)
                    {
                        lead = people[0];
                        coHandlers.AddRange(people.Skip(1));
                    }
                    else
                    {
                        coHandlers.AddRange(people);
                    }

                    i = next;
                    break;

                case Option.Due:
                    var argumentEnd = NextOption(folded, argumentStart);
                    var argument = args[argumentStart..argumentEnd];
                    var found = dates.Find(argument, DateSearch.Leading, officeNow);
                    if (found is null)
                    {
                        // 期限管理制度 (glued to a word) and "Due diligence review" (the title's first word) are titles.
                        var gluedToWord = ScriptDetector.IsCjk(match.Value[0]) && match.Value[^1] is not (' ' or ':' or '：');
                        if (gluedToWord || string.IsNullOrWhiteSpace(title.ToString()))
                        {
                            title.Append(args[i]);
                            i++;
                            break;
                        }

                        return ArgumentOutcome.Fail(ParseErrorKind.UnrecognisedDate, NullIfEmpty(mentions.Restore(argument).Trim()));
                    }

                    due = found;
                    title.Append(' ').Append(argument[found.End..]).Append(' ');
                    i = argumentEnd;
                    break;

                case Option.PersonWithoutMention:
                    return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, Original(args, match.Groups["name"]));

                case Option.EnglishPersonWithoutMention:
                    // "Lead the audit" starts a title; "Budget report lead Bob" names a person, who must be an @mention.
                    if (string.IsNullOrWhiteSpace(title.ToString()))
                    {
                        title.Append(args[i]);
                        i++;
                        break;
                    }

                    return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, Original(args, match.Groups["name"]));

                case Option.Source:
                    source = SourceOf(match.Groups["v"].Value);
                    i = argumentStart;
                    break;

                case Option.DocumentNumber:
                    documentNumber = NullIfEmpty(Original(args, match.Groups["v"]).TrimEnd(',', '，', '、', ';', '；', '。', '.'));
                    i = argumentStart;
                    break;

                case Option.Urgency:
                    urgency = UrgencyOf(match.Groups["v"].Value);
                    i = argumentStart;
                    break;
            }
        }

        var titleText = Collapse(title.ToString()).TrimEnd(TitleEndTrim);
        if (due is null && titleText.Length > 0 && DeadlineRecognizer.MayContainDate(titleText)
            && dates.Find(titleText, DateSearch.Trailing, officeNow) is { } trailing)
        {
            due = trailing;
            titleText = titleText[..trailing.Start].Trim(TitleTrim).TrimEnd(TitleEndTrim);
        }

        var finalTitle = mentions.Restore(titleText);
        if (finalTitle.Length == 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingTitle, null);
        }

        // Measured as the domain measures it (UTF-16 length), so a title the parser accepts is one a matter accepts.
        if (finalTitle.Length > InputLimits.Title)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.TitleTooLong, finalTitle.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (documentNumber is { Length: > InputLimits.DocumentNumber })
        {
            return ArgumentOutcome.Fail(ParseErrorKind.DocumentNumberTooLong, documentNumber.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (due is not null && DueCheck.Refusal(due, officeNow) is { } refusal)
        {
            return ArgumentOutcome.Fail(refusal, due.Text);
        }

        var distinctCoHandlers = coHandlers
            .Where(p => p.TeamsUserId != lead?.TeamsUserId)
            .DistinctBy(p => p.TeamsUserId)
            .ToArray();

        return ArgumentOutcome.Success(new NewMatterCommand(
            finalTitle, lead, distinctCoHandlers, due?.Deadline, source, documentNumber, urgency));
    }

    // A group matched on the folded text, as the user typed it (folding keeps every character in its place).
    private static string Original(string args, Group group) => args.Substring(group.Index, group.Length);

    private enum Option
    {
        Lead,
        CoHandler,
        Due,
        Source,
        DocumentNumber,
        Urgency,
        PersonWithoutMention,
        EnglishPersonWithoutMention,
    }

    private static (Option Kind, Match Match)? OptionAt(string s, int i)
    {
        var atWordStart = i == 0 || s[i - 1] == ' ' || MessageText.IsPlaceholder(s[i - 1]);
        if (atWordStart)
        {
            foreach (var (kind, pattern) in WordStartOptions)
            {
                if (pattern.Match(s, i) is { Success: true } m)
                {
                    return (kind, m);
                }
            }

            return null;
        }

        if (!ScriptDetector.IsCjk(s[i]))
        {
            return null;
        }

        if (LeadKeyword().Match(s, i) is { Success: true } lead && ScriptDetector.IsCjk(lead.Value[0]))
        {
            return (Option.Lead, lead);
        }

        if (CoKeyword().Match(s, i) is { Success: true } co && ScriptDetector.IsCjk(co.Value[0]))
        {
            return (Option.CoHandler, co);
        }

        return DueWithColon().Match(s, i) is { Success: true } due ? (Option.Due, due) : null;
    }

    private static readonly (Option, Regex)[] WordStartOptions =
    [
        (Option.Lead, LeadKeyword()),
        (Option.CoHandler, CoKeyword()),
        (Option.PersonWithoutMention, PersonKeywordWithoutMention()),
        (Option.EnglishPersonWithoutMention, EnglishPersonWithoutMention()),
        (Option.Due, DueKeyword()),
        (Option.Source, SourceWithKeyword()),
        (Option.Source, SourceAlone()),
        (Option.DocumentNumber, DocumentNumberKeyword()),
        (Option.Urgency, UrgencyWord()),
    ];

    private static int NextOption(string s, int from)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (OptionAt(s, j) is not null)
            {
                return j;
            }
        }

        return s.Length;
    }

    internal static (List<MentionRef> People, int Next) ReadMentions(string s, int start, MentionTable mentions)
    {
        var people = new List<MentionRef>();
        var j = start;
        while (j < s.Length && MessageText.IsPlaceholder(s[j]))
        {
            people.Add(mentions[s[j]]);
            j++;
            var separator = MentionSeparator().Match(s, j);
            if (!separator.Success)
            {
                break;
            }

            j += separator.Length;
        }

        return (people, j);
    }

    private static MatterSource SourceOf(string word) => word.ToLowerInvariant() switch
    {
        var w when w.StartsWith('領') || w.StartsWith('领') || w == "leader" => MatterSource.Leader,
        var w when w.StartsWith('上') || w == "upper" => MatterSource.UpperOffice,
        _ => MatterSource.Department,
    };

    private static Urgency UrgencyOf(string word) => word.ToLowerInvariant() switch
    {
        "急件" or "urgent" => Urgency.Urgent,
        "平件" => Urgency.Normal,
        _ => Urgency.ExtraUrgent,
    };

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim(TitleTrim);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    // A person typed as plain "@Name" (no mention entity); an e-mail address is not one.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])@[^\s@\uE000-\uEFFF]+")]
    internal static partial Regex TypedMention();

    [GeneratedRegex(@"\G(?:主辦|主办|lead)(?![A-Za-z])\s*[:：]?\s*(?=[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex LeadKeyword();

    [GeneratedRegex(@"\G(?:會辦|会办|協辦|协办|co)(?![A-Za-z])\s*[:：]?\s*(?=[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex CoKeyword();

    // 主辦 王小明 — a person written as plain text after a Chinese person keyword set apart by a space or colon.
    // (English "lead"/"co" without a mention are ordinary title words: "Lead the audit", "co workers".)
    [GeneratedRegex(@"\G(?:主辦|主办|會辦|会办|協辦|协办)(?:\s*[:：]\s*|\s+)(?<name>[^\s\uE000-\uEFFF]+)")]
    private static partial Regex PersonKeywordWithoutMention();

    // lead Bob, co: Bob, lead 王小明 — a name (capitalised, or Chinese) or anything after a colon, in place of a mention.
    [GeneratedRegex(@"\G(?i:lead|co)(?:\s*[:：]\s*(?<name>[^\s\uE000-\uEFFF]+)|\s+(?<name>[A-Z\u3400-\u4DBF\u4E00-\u9FFF][^\s\uE000-\uEFFF]*))")]
    private static partial Regex EnglishPersonWithoutMention();

    [GeneratedRegex(@"\G(?:期限|截止日期|截止|due|deadline)(?![A-Za-z])\s*[:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DueKeyword();

    [GeneratedRegex(@"\G(?:期限|截止日期|截止)\s*[:：]\s*")]
    private static partial Regex DueWithColon();

    [GeneratedRegex(@"\G(?:來源|来源|from)(?![A-Za-z])\s*[:：]?\s*(?<v>領導交辦|领导交办|上級交辦|上级交办|部門轉辦|部门转办|領導|领导|上級|上级|部門|部门|leader|upper|department|dept)(?=$|[\s,，、;；.。]|[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWithKeyword();

    [GeneratedRegex(@"\G(?<v>領導交辦|领导交办|上級交辦|上级交办|部門轉辦|部门转办)(?=$|[\s,，、;；.。]|[\uE000-\uEFFF])")]
    private static partial Regex SourceAlone();

    [GeneratedRegex(@"\G(?:文號|文号|ref)(?![A-Za-z])\.?\s*[:：]?\s*(?<v>[^\s\uE000-\uEFFF]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNumberKeyword();

    [GeneratedRegex(@"\G(?<v>特急件|特急|extra[- ]?urgent|急件|urgent|平件)(?=$|[\s,，、;；.。!！]|[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex UrgencyWord();

    [GeneratedRegex(@"\G[\s,，、;；]*(?:(?:和|及|與|与|and|&)\s*)?(?=[\uE000-\uEFFF])", RegexOptions.IgnoreCase)]
    private static partial Regex MentionSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

// The outcome of reading a command's arguments: a command, or an error kind with the offending fragment.
internal readonly record struct ArgumentOutcome(Command? Command, ParseErrorKind Error, string? Detail)
{
    public static ArgumentOutcome Success(Command command) => new(command, default, null);

    public static ArgumentOutcome Fail(ParseErrorKind error, string? detail) => new(null, error, detail);
}
