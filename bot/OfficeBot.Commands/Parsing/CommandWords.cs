namespace OfficeBot.Commands;

/// <summary>What a command word asks for, whichever script or synonym it was written in.</summary>
public enum CommandVerb
{
    New,
    Mine,
    Overdue,
    AwaitingReview,
    Show,
    Acknowledge,
    Progress,
    Done,
    Transfer,
    Urge,
    Extend,
    Holidays,
    Report,
    Help,

    /// <summary>Recognised only when <see cref="CommandParserOptions.MeetingRequests"/> is on.</summary>
    Meeting,

    /// <summary>日程: a leader's agenda; recognised with <see cref="Meeting"/>.</summary>
    Agenda,

    /// <summary>查看會議 M3: a meeting's card; recognised with <see cref="Meeting"/>.</summary>
    ShowMeeting,
}

// The script a command word belongs to; Chinese words are spelt the same in both scripts.
internal enum WordScript
{
    English,
    Traditional,
    Simplified,
    Chinese,
    Any,
}

internal sealed record CommandWord(string Text, CommandVerb Verb, WordScript Script)
{
    // "show meeting" is a Latin word too: two words, matched whole and case-insensitively.
    public bool IsLatin { get; } = Text.All(c => char.IsAsciiLetter(c) || c == ' ');
}

// The command table: every spelling of every command word, matched longest first at the start of a message.
internal static class CommandWords
{
    private static readonly CommandWord[] Table =
    [
        .. Words(CommandVerb.New, WordScript.Traditional, "新事項", "新增事項", "交辦", "登記"),
        .. Words(CommandVerb.New, WordScript.Simplified, "新事项", "新增事项", "交办", "登记"),
        .. Words(CommandVerb.New, WordScript.English, "new", "add"),
        .. Words(CommandVerb.Mine, WordScript.Traditional, "我的事項"),
        .. Words(CommandVerb.Mine, WordScript.Simplified, "我的事项"),
        .. Words(CommandVerb.Mine, WordScript.Chinese, "我的"),
        .. Words(CommandVerb.Mine, WordScript.English, "my", "mine"),
        .. Words(CommandVerb.Overdue, WordScript.Chinese, "逾期"),
        .. Words(CommandVerb.Overdue, WordScript.English, "overdue"),
        .. Words(CommandVerb.AwaitingReview, WordScript.Traditional, "待審核"),
        .. Words(CommandVerb.AwaitingReview, WordScript.Simplified, "待审核"),
        .. Words(CommandVerb.AwaitingReview, WordScript.English, "review"),
        .. Words(CommandVerb.Show, WordScript.Chinese, "查看"),
        .. Words(CommandVerb.Show, WordScript.English, "show", "view"),
        .. Words(CommandVerb.Acknowledge, WordScript.Traditional, "簽收"),
        .. Words(CommandVerb.Acknowledge, WordScript.Simplified, "签收"),
        .. Words(CommandVerb.Acknowledge, WordScript.English, "ack", "acknowledge"),
        .. Words(CommandVerb.Progress, WordScript.Traditional, "進度"),
        .. Words(CommandVerb.Progress, WordScript.Simplified, "进度"),
        .. Words(CommandVerb.Progress, WordScript.English, "progress"),
        .. Words(CommandVerb.Done, WordScript.Traditional, "辦結"),
        .. Words(CommandVerb.Done, WordScript.Simplified, "办结"),
        .. Words(CommandVerb.Done, WordScript.English, "done", "complete"),
        .. Words(CommandVerb.Transfer, WordScript.Traditional, "轉辦"),
        .. Words(CommandVerb.Transfer, WordScript.Simplified, "转办"),
        .. Words(CommandVerb.Transfer, WordScript.English, "transfer"),
        .. Words(CommandVerb.Urge, WordScript.Traditional, "催辦"),
        .. Words(CommandVerb.Urge, WordScript.Simplified, "催办"),
        .. Words(CommandVerb.Urge, WordScript.English, "urge"),
        .. Words(CommandVerb.Extend, WordScript.Chinese, "延期"),
        .. Words(CommandVerb.Extend, WordScript.English, "extend"),
        .. Words(CommandVerb.Holidays, WordScript.Traditional, "節假日"),
        .. Words(CommandVerb.Holidays, WordScript.Simplified, "节假日"),
        .. Words(CommandVerb.Holidays, WordScript.Chinese, "假日安排", "假日"),
        .. Words(CommandVerb.Holidays, WordScript.English, "holidays", "holiday"),
        .. Words(CommandVerb.Report, WordScript.Traditional, "督辦通報", "通報"),
        .. Words(CommandVerb.Report, WordScript.Simplified, "督办通报", "通报"),
        .. Words(CommandVerb.Report, WordScript.English, "report"),
        .. Words(CommandVerb.Meeting, WordScript.Traditional, "會議申請", "申請會議", "會議", "開會"),
        .. Words(CommandVerb.Meeting, WordScript.Simplified, "会议申请", "申请会议", "会议", "开会"),
        .. Words(CommandVerb.Meeting, WordScript.English, "meeting"),
        .. Words(CommandVerb.Agenda, WordScript.Chinese, "日程", "行程"),
        .. Words(CommandVerb.Agenda, WordScript.English, "agenda", "schedule"),
        .. Words(CommandVerb.ShowMeeting, WordScript.Traditional, "查看會議"),
        .. Words(CommandVerb.ShowMeeting, WordScript.Simplified, "查看会议"),
        .. Words(CommandVerb.ShowMeeting, WordScript.English, "show meeting", "view meeting"),
        .. Words(CommandVerb.Help, WordScript.Traditional, "幫助"),
        .. Words(CommandVerb.Help, WordScript.Simplified, "帮助"),
        .. Words(CommandVerb.Help, WordScript.English, "help"),
        .. Words(CommandVerb.Help, WordScript.Chinese, "？"),
        .. Words(CommandVerb.Help, WordScript.Any, "?"),
    ];

    // Longest first, so 我的事項 wins over 我的 and acknowledge over ack.
    private static readonly CommandWord[] ByLength = [.. Table.OrderByDescending(w => w.Text.Length)];

    private static readonly Dictionary<string, CommandVerb> VerbByText =
        Table.ToDictionary(w => w.Text, w => w.Verb, StringComparer.OrdinalIgnoreCase);

    // Words that may follow a list command without making the message free text ("my matters", 逾期事項).
    public static readonly string[] ListSuffixes = ["matters", "matter", "items", "tasks", "list", "事項", "事项", "清單", "清单"];

    public static CommandVerb? VerbOf(string word) =>
        VerbByText.TryGetValue(word.Trim(), out var verb) || VerbByText.TryGetValue(ScriptDetector.ToSimplified(word.Trim()), out verb) ? verb : null;

    // The command word text starts with, if any, among the verbs that are enabled (a disabled verb's words are not
    // command words, so 查看會議記錄 is 查看 followed by its argument while meetings are off). Latin words must end at a
    // word boundary (so "address" is not "add"); Chinese words may be glued to their argument (查看#12, 新事項報告).
    // A word typed in a mix of the scripts (轉办, 新事项 with 項) is found on the text folded to Simplified; its script
    // is then told from the rest of the message.
    public static CommandWord? Match(string text, Func<CommandVerb, bool> enabled)
    {
        if (MatchExactly(text, enabled) is { } word)
        {
            return word;
        }

        return MatchExactly(ScriptDetector.ToSimplified(text), enabled) is { } folded && !folded.IsLatin
            ? folded with { Text = text[..folded.Text.Length], Script = WordScript.Chinese }
            : null;
    }

    // The verb's first word in the table written in the script, e.g. to report an error under 查看會議 when 查看 M0 was
    // read as a meeting's number.
    public static string WordFor(CommandVerb verb, WordScript script) => Table.First(w => w.Verb == verb && w.Script == script).Text;

    private static CommandWord? MatchExactly(string text, Func<CommandVerb, bool> enabled)
    {
        foreach (var word in ByLength)
        {
            if (!enabled(word.Verb) || !text.StartsWith(word.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (word.IsLatin && text.Length > word.Text.Length && char.IsAsciiLetterOrDigit(text[word.Text.Length]))
            {
                continue;
            }

            return word;
        }

        return null;
    }

    private static IEnumerable<CommandWord> Words(CommandVerb verb, WordScript script, params string[] texts) =>
        texts.Select(t => new CommandWord(t, verb, script));
}
