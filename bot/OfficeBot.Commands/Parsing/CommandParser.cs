using System.Globalization;
using System.Text.RegularExpressions;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;

namespace OfficeBot.Commands;

/// <summary>
/// Turns a chat message and its mention entities into a typed <see cref="Command"/>, in Traditional Chinese,
/// Simplified Chinese or English (SPEC §4). Parsing is pure: no I/O, and the date recogniser runs only on the
/// fragments that can hold a date. One instance may be shared by all turns.
/// </summary>
public sealed partial class CommandParser(CommandParserOptions? options = null)
{
    private readonly DeadlineRecognizer dates = DeadlineRecognizer.Shared;
    private readonly CommandParserOptions options = options ?? new CommandParserOptions();

    /// <summary>The verb of a command word as reported in <see cref="ParseError.CommandWord"/>, e.g. 新事項 → New.</summary>
    public static CommandVerb? VerbOf(string commandWord) => CommandWords.VerbOf(commandWord);

    /// <summary>Builds the date recogniser models (about a second) so the first dated command does not wait for them.</summary>
    public void Warmup()
    {
        dates.Warmup();
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        Parse(new ParseInput("新事項 預算報告 期限 明天 急件", [], now, TimeZoneInfo.Utc));
        Parse(new ParseInput("new Budget report due next Friday", [], now, TimeZoneInfo.Utc));
        if (options.MeetingRequests)
        {
            // The time range patterns are compiled on first use (~0.15 s).
            Parse(new ParseInput("會議 預算審查 明天下午2點到4點", [], now, TimeZoneInfo.Utc));
        }
    }

    public ParseResult Parse(ParseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        if (input.Text is { Length: > InputLimits.Message } tooLong)
        {
            return MessageTooLong(tooLong);
        }

        var message = MessageText.From(input.Text);
        var body = message.Body;
        if (CommandWords.Match(body, IsEnabled) is not { } word)
        {
            return FreeText(body);
        }

        var args = body[word.Text.Length..].TrimStart(' ', ':', '：', ',', '，');
        var written = WrittenOf(word, args);

        switch (word.Verb)
        {
            case CommandVerb.Help:
                return new ParseResult(new HelpCommand(Asked: true), null, written);
            case CommandVerb.Mine or CommandVerb.Overdue or CommandVerb.AwaitingReview:
                return IsBareListCommand(args)
                    ? new ParseResult(new ListMattersCommand(ListKindOf(word.Verb)), null, written)
                    : FreeText(body);
            case CommandVerb.Holidays:
                // Bare only, so a question that merely starts with 假日 ("假日加班費怎麼算") is not taken for the command.
                return IsBareListCommand(args) ? new ParseResult(new HolidaysCommand(), null, written) : FreeText(body);
            case CommandVerb.Report:
                // Bare only too: "通報一下處長" or "report the leak to IT" is a sentence, not the command.
                return IsBareListCommand(args) ? new ParseResult(new ReportCommand(), null, written) : FreeText(body);
        }

        var commandWord = word.IsLatin ? word.Text.ToLowerInvariant() : word.Text;
        var (mentions, unmatched) = MentionTable.Map(message.TagNames, input.Mentions ?? []);
        if (mentions is null)
        {
            return Fail(ParseErrorKind.UnknownMention, "@" + unmatched);
        }

        if (GarbleDetector.Find(args) is { } garbled)
        {
            return Fail(ParseErrorKind.GarbledText, garbled);
        }

        var officeNow = TimeZoneInfo.ConvertTime(input.Now, input.OfficeZone).DateTime;

        // 日程表在哪裡, "schedule a call with finance": no mention and no day after the word is a sentence, not a command.
        if (word.Verb == CommandVerb.Agenda && message.TagNames.Count == 0 && AgendaParser.IsSentence(args, officeNow, dates))
        {
            return FreeText(body);
        }

        // 查看 M3 / show M3, and 會議 M3 / meeting M3 when that is the whole message, name a meeting, not a matter or a
        // new request; an error is then reported under 查看會議 / show meeting, so the reply shows that form.
        var meetingNumber = word.Verb switch
        {
            CommandVerb.Show => options.MeetingRequests && MeetingReference().IsMatch(args),
            CommandVerb.Meeting => WholeMeetingReference().IsMatch(args),
            _ => false,
        };
        if (meetingNumber)
        {
            commandWord = CommandWords.WordFor(CommandVerb.ShowMeeting, word.IsLatin ? WordScript.English : ScriptOf(written));
        }

        var outcome = word.Verb switch
        {
            _ when meetingNumber => ShowMeeting(args, mentions, numberOnly: false),
            CommandVerb.New => NewMatterParser.Parse(args, mentions, officeNow, dates),
            CommandVerb.Meeting => MeetingRequestParser.Parse(args, mentions, officeNow, input.OfficeZone),
            CommandVerb.Agenda => AgendaParser.Parse(args, mentions, officeNow, dates),
            CommandVerb.ShowMeeting => ShowMeeting(args, mentions, numberOnly: true),
            _ => ParseNumbered(word.Verb, args, mentions, officeNow),
        };

        // 會議記錄在哪裡, "meeting notes?": a sentence that starts with the word but gives no time and mentions nobody
        // is not a request, and is answered like any other free text.
        if (word.Verb == CommandVerb.Meeting && outcome is { Error: ParseErrorKind.MissingMeetingTime, Detail: null }
            && args.Length > 0 && message.TagNames.Count == 0)
        {
            return FreeText(body);
        }

        return outcome.Command is { } command
            ? new ParseResult(command, null, written)
            : Fail(outcome.Error, outcome.Detail);

        ParseResult Fail(ParseErrorKind kind, string? detail) =>
            new(null, new ParseError(kind, commandWord, detail), written);
    }

    // A verb whose handler is not in place yet is not a command word: the message reads as it did before.
    private bool IsEnabled(CommandVerb verb) =>
        options.MeetingRequests || verb is not (CommandVerb.Meeting or CommandVerb.Agenda or CommandVerb.ShowMeeting);

    // M3, m3, Ｍ３; after 查看會議 / show meeting, also #3 or 3 (the word already says it is a meeting). M0, M-1 and
    // numbers of ten digits or more are refused as matter numbers are.
    private static ArgumentOutcome ShowMeeting(string args, MentionTable mentions, bool numberOnly)
    {
        var number = (numberOnly ? MeetingNumberAfterWord() : MeetingNumber()).Match(args);
        return number.Success && int.TryParse(AsciiDigits(number.Groups["n"].Value), out var meeting) && meeting > 0
            ? ArgumentOutcome.Success(new ShowMeetingCommand(meeting))
            : ArgumentOutcome.Fail(ParseErrorKind.MissingMeetingNumber, args.Length == 0 ? null : mentions.Restore(args));
    }

    // ShowMeeting has a word in each script; text that does not tell Traditional from Simplified gets the Traditional one.
    private static WordScript ScriptOf(TextScript written) => written switch
    {
        TextScript.Simplified => WordScript.Simplified,
        TextScript.English => WordScript.English,
        _ => WordScript.Traditional,
    };

    private ArgumentOutcome ParseNumbered(CommandVerb verb, string args, MentionTable mentions, DateTime officeNow)
    {
        var number = MatterNumber().Match(args);
        if (!number.Success || !int.TryParse(AsciiDigits(number.Groups["n"].Value), out var matter) || matter <= 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingMatterNumber, args.Length == 0 ? null : mentions.Restore(args));
        }

        var rest = args[number.Length..].TrimStart(' ', ':', '：', ',', '，', '、', '-', '—');
        var text = rest.Length == 0 ? null : mentions.Restore(rest);

        switch (verb)
        {
            case CommandVerb.Show:
                return ArgumentOutcome.Success(new ShowMatterCommand(matter));
            case CommandVerb.Acknowledge:
                return ArgumentOutcome.Success(new AcknowledgeCommand(matter));
            case CommandVerb.Progress:
                return text is null
                    ? ArgumentOutcome.Fail(ParseErrorKind.MissingText, null)
                    : TextTooLong(text) ?? ArgumentOutcome.Success(new ProgressCommand(matter, text));
            case CommandVerb.Done:
                return TextTooLong(text) ?? ArgumentOutcome.Success(new AskCompletionCommand(matter, text));
            case CommandVerb.Urge:
                return TextTooLong(text) ?? ArgumentOutcome.Success(new UrgeCommand(matter, text));
            case CommandVerb.Transfer:
                return Transfer(matter, rest, mentions);
            default:
                return Extend(matter, rest, mentions, officeNow);
        }
    }

    private static ArgumentOutcome Transfer(int matter, string rest, MentionTable mentions)
    {
        var at = rest.AsSpan().IndexOfAnyInRange(MessageText.FirstPlaceholder, '\uEFFF');
        if (at < 0)
        {
            return NewMatterParser.TypedMention().Match(rest) is { Success: true } typed
                ? ArgumentOutcome.Fail(ParseErrorKind.UnknownMention, typed.Value)
                : ArgumentOutcome.Fail(ParseErrorKind.MissingPerson, null);
        }

        var before = TransferConnector().Replace(rest[..at], string.Empty).Trim();
        var after = ReasonLead().Replace(rest[(at + 1)..], string.Empty).Trim();
        var reason = mentions.Restore(string.Join(' ', new[] { before, after }.Where(s => s.Length > 0)));
        return TextTooLong(reason) ?? ArgumentOutcome.Success(new TransferCommand(matter, mentions[rest[at]], reason.Length == 0 ? null : reason));
    }

    private ArgumentOutcome Extend(int matter, string rest, MentionTable mentions, DateTime officeNow)
    {
        if (rest.Length == 0)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.MissingText, null);
        }

        if (dates.Find(rest, DateSearch.Anywhere, officeNow) is not { } found)
        {
            return ArgumentOutcome.Fail(ParseErrorKind.UnrecognisedDate, mentions.Restore(rest));
        }

        if (DueCheck.Refusal(found, officeNow) is { } refusal)
        {
            return ArgumentOutcome.Fail(refusal, found.Text);
        }

        var due = found.Deadline!;

        var reason = string.Join(' ', new[] { rest[..found.Start].Trim(), ReasonLead().Replace(rest[found.End..], string.Empty).Trim() }
            .Where(s => s.Length > 0));
        reason = mentions.Restore(ReasonLead().Replace(reason, string.Empty).Trim());
        return TextTooLong(reason) ?? ArgumentOutcome.Success(new ExtendCommand(matter, due, reason.Length == 0 ? null : reason));
    }

    // A note, reason or urge text is stored as written, so one over the limit is refused, never cut.
    private static ArgumentOutcome? TextTooLong(string? text) =>
        text is { Length: > InputLimits.Text }
            ? ArgumentOutcome.Fail(ParseErrorKind.TextTooLong, text.Length.ToString(CultureInfo.InvariantCulture))
            : null;

    // Answered from the first words only: the rest of an oversized message is not parsed at all.
    private ParseResult MessageTooLong(string text)
    {
        var head = MessageText.From(text[..64]).Body;
        var word = CommandWords.Match(head, IsEnabled);
        var written = word is null ? FreeText(head).Written : WrittenOf(word, head[word.Text.Length..]);
        var commandWord = word is null ? string.Empty : word.IsLatin ? word.Text.ToLowerInvariant() : word.Text;
        return new ParseResult(null, new ParseError(ParseErrorKind.MessageTooLong, commandWord,
            text.Length.ToString(CultureInfo.InvariantCulture)), written);
    }

    // Latin letters that are not a command word ("ok", "thanks") say nothing sure about the language.
    private static ParseResult FreeText(string body) =>
        new(new HelpCommand(Asked: false), null, ScriptDetector.HasCjk(body) ? ChineseWritten(body) : TextScript.Unclear);

    private static TextScript WrittenOf(CommandWord word, string args) => word.Script switch
    {
        WordScript.English => TextScript.English,
        WordScript.Traditional => TextScript.Traditional,
        WordScript.Simplified => TextScript.Simplified,
        WordScript.Chinese => ChineseWritten(args),
        _ => ScriptDetector.HasCjk(args) ? ChineseWritten(args) : TextScript.Unclear,
    };

    private static TextScript ChineseWritten(string text) => ScriptDetector.ChineseScriptOf(text) switch
    {
        Language.Traditional => TextScript.Traditional,
        Language.Simplified => TextScript.Simplified,
        _ => TextScript.Chinese,
    };

    private static bool IsBareListCommand(string args)
    {
        var rest = args.Trim(' ', '.', '。', '!', '！', '?', '？');
        return rest.Length == 0 || CommandWords.ListSuffixes.Contains(rest, StringComparer.OrdinalIgnoreCase);
    }

    private static MatterListKind ListKindOf(CommandVerb verb) => verb switch
    {
        CommandVerb.Mine => MatterListKind.Mine,
        CommandVerb.Overdue => MatterListKind.Overdue,
        _ => MatterListKind.AwaitingReview,
    };

    private static string AsciiDigits(string digits) =>
        string.Create(digits.Length, digits, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] is >= '０' and <= '９' ? (char)(s[i] - '０' + '0') : s[i];
            }
        });

    // #12, ＃12 (already folded to #), or a bare 12 that ends at a word boundary (so 12月5日 is not matter 12).
    [GeneratedRegex(@"^(?:#\s*(?<n>[0-9０-９]{1,9})(?![0-9０-９])|(?<n>[0-9０-９]{1,9})(?=$|[\s,，、:：;；.。!！?？]|[\uE000-\uEFFF]))")]
    private static partial Regex MatterNumber();

    private const string MeetingNumberEnd = @"(?![0-9０-９])(?=$|[\s,，、:：;；.。!！?？]|[\uE000-\uEFFF])";

    [GeneratedRegex(@"^[MmＭｍ](?<n>[0-9０-９]{1,9})" + MeetingNumberEnd)]
    private static partial Regex MeetingNumber();

    [GeneratedRegex(@"^(?:[MmＭｍ#]\s*)?(?<n>[0-9０-９]{1,9})" + MeetingNumberEnd)]
    private static partial Regex MeetingNumberAfterWord();

    // Anything written as a meeting's number, valid or not (M3, M0, M-1, M99999999999).
    [GeneratedRegex(@"^[MmＭｍ][-−－]?[0-9０-９]")]
    private static partial Regex MeetingReference();

    [GeneratedRegex(@"^[MmＭｍ][-−－]?[0-9０-９]+[\s.。!！?？]*$")]
    private static partial Regex WholeMeetingReference();

    [GeneratedRegex(@"^\s*(?:交給|交给|轉給|转给|轉至|转至|轉到|转到|給|给|至|到|to)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TransferConnector();

    [GeneratedRegex(@"^[\s,，、:：;；\-—]*(?:(?:理由|原因|因為|因为|because|reason|as)(?![A-Za-z])\s*[:：]?\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonLead();
}

/// <summary>Switches for commands whose handlers are still being built; all off by default.</summary>
public sealed record CommandParserOptions
{
    /// <summary>
    /// Reads 會議/会议/meeting as a <see cref="MeetingRequestCommand"/>, 日程/行程/agenda/schedule as an
    /// <see cref="AgendaCommand"/>, and 查看會議 M3/show meeting M3/查看 M3/show M3 as a <see cref="ShowMeetingCommand"/>;
    /// off, those words stay free text (help) and 查看/show read matter numbers only.
    /// </summary>
    public bool MeetingRequests { get; init; }
}
