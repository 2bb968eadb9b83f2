using System.Text.RegularExpressions;

namespace OfficeBot.Commands;

// Reads the arguments of 日程 @領導 [日期] / agenda @leader [date]: one mention, and around it at most a day or a week.
//   no day                      today (Day null)
//   a day                       明天, 後天, 下週三, 12月9日, 12/9, 2026-12-09, tomorrow, next Wednesday, Dec 9, 昨天 …
//                               read by the deadline recogniser at the start of the text, as 延期 #3 <日期> is
//   a week                      本週/這週/this week, 下週/next week, 上週/last week: Monday of that office week
//   a day followed by 週/week   the seven days starting that day (12月7日 週, Dec 7 week, week of Dec 7)
// Past days are allowed (a director looks back at last week), but only AgendaCommand.ReachYears either way of today.
internal static partial class AgendaParser
{
    // Longer than any day or week people write ("week of December 9th", 2026年12月9日 週): a sentence, not a day, so the
    // recogniser is not run over a whole long message.
    private const int LongestDay = 40;

    private static readonly char[] Trim = [' ', ',', '，', '、', ':', '：', ';', '；', '-', '—', '。', '.', '！', '!', '？', '?', '．'];

    public static ArgumentOutcome Parse(string args, MentionTable mentions, DateTime officeNow, DeadlineRecognizer dates)
    {
        if (NewMatterParser.TypedMention().Match(args) is { Success: true } typed)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, typed.Value);
        }

        var at = args.AsSpan().IndexOfAnyInRange(MessageText.FirstPlaceholder, '\uEFFF');
        if (at < 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingAgendaLeader, null);
        }

        var rest = args[..at].TrimEnd() + " " + args[(at + 1)..].TrimStart();
        var day = ReadDay(rest, officeNow, dates);
        return day.Error is { } error
            ? ArgumentOutcome.Fail(error, day.Detail is null ? null : mentions.Restore(day.Detail))
            : ArgumentOutcome.Success(new AgendaCommand(mentions[args[at]], day.Day, day.Week));
    }

    // A message that starts with 日程/行程/agenda/schedule but names nobody and gives no day (行程表在哪裡,
    // "schedule a call with finance") is a sentence; 「日程 明天」 without the leader is a command missing its mention.
    public static bool IsSentence(string args, DateTime officeNow, DeadlineRecognizer dates) =>
        args.Trim(Trim).Length > 0
        && !NewMatterParser.TypedMention().IsMatch(args)
        && ReadDay(args, officeNow, dates).Error is not null;

    private readonly record struct DayRead(DateOnly? Day, bool Week, ParseErrorKind? Error = null, string? Detail = null)
    {
        public static DayRead Fail(ParseErrorKind error, string detail) => new(null, false, error, detail);
    }

    private static DayRead ReadDay(string rest, DateTime officeNow, DeadlineRecognizer dates)
    {
        var text = rest.Trim(Trim);
        var written = text;
        var normalised = DateTextNormaliser.Normalise(text);
        var lead = Lead().Match(normalised).Length;
        text = text[lead..];
        normalised = normalised[lead..];
        if (text.Length == 0)
        {
            return new DayRead(null, false);
        }

        var today = DateOnly.FromDateTime(officeNow);
        if (WholeWeek().Match(normalised) is { Success: true } whole)
        {
            var weeks = whole.Groups["last"].Success ? -1 : whole.Groups["after"].Success ? 2 : whole.Groups["next"].Success ? 1 : 0;
            return new DayRead(OfficeCalendar.WeekDay(today, weeks, 1), true);
        }

        // 12月7日 週 / Dec 7 week / week of Dec 7: the week starting that day.
        var week = false;
        if (WeekAfter().Match(normalised) is { Success: true } after)
        {
            week = true;
            text = text[..after.Index];
        }
        else if (WeekOf().Match(normalised) is { Success: true } before)
        {
            week = true;
            text = text[before.Length..];
        }

        // A month or a year is not a day: the recogniser would give its last day (下個月 → 12-31), not what was asked.
        if (text.Length > LongestDay || Period().IsMatch(DateTextNormaliser.Normalise(text))
            || dates.Find(text, DateSearch.Leading, officeNow) is not { } found)
        {
            return DayRead.Fail(ParseErrorKind.UnrecognisedAgendaDay, written);
        }

        switch (found)
        {
            case { Problem: DateProblem.Impossible }:
                return DayRead.Fail(ParseErrorKind.ImpossibleDate, found.Text);
            case { Deadline: null }:
                return DayRead.Fail(ParseErrorKind.UnrecognisedAgendaDay, text);
        }

        var left = text[found.End..].Trim(Trim);
        if (left.Length > 0)
        {
            return DayRead.Fail(ParseErrorKind.UnrecognisedAgendaDay, left);
        }

        // A time said with the day (明天下午) still asks for that day's agenda.
        var day = found.Deadline!.Date;
        return day < today.AddYears(-AgendaCommand.ReachYears) || day > today.AddYears(AgendaCommand.ReachYears)
            ? DayRead.Fail(ParseErrorKind.AgendaDayTooFar, found.Text)
            : new DayRead(day, week);
    }

    // agenda for @Bob, agenda of @Bob, agenda @Bob for tomorrow: the English connector is not part of the day.
    [GeneratedRegex(@"^(?:for|of)(?![A-Za-z])\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    // On the normalised (Simplified) text.
    [GeneratedRegex(@"^(?:(?:(?<this>本|这个?|这一)|(?<after>下下个?)|(?<next>下个?|下一)|(?<last>上个?|上一))\s*(?:周|星期|礼拜)|(?:(?<this>this)|(?<next>next)|(?<last>last))\s+week)$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeWeek();

    [GeneratedRegex(@"(?<=\S)\s*(?:那一?|这一?|起一?|一|整)?(?:周|星期|礼拜)$|(?<=\S)\s+(?:the\s+)?week$", RegexOptions.IgnoreCase)]
    private static partial Regex WeekAfter();

    [GeneratedRegex(@"^(?:(?:本|这个?|下个?|上个?|今|明|去)?个?月|[0-9]{1,2}\s*月(?:份)?|(?:今|明|去)年|[0-9]{4}\s*年?|(?:this|next|last)\s+(?:month|year)|(?:" + CommonDateForms.MonthNames + @")\.?|周|星期|礼拜|week)$", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"^(?:the\s+)?week\s+(?:of|from|starting)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WeekOf();
}
