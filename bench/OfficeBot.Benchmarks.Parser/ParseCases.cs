using OfficeBot.Commands;

namespace OfficeBot.Benchmarks.Parser;

/// <summary>
/// One message of each command kind, parsed in the office the tests use (Taipei, Thursday 2026-11-26 10:00), so every
/// relative date has one answer and every run parses exactly the same thing.
/// </summary>
internal static class ParseCases
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly MentionRef Wang = new("29:wang", "王小明");
    private static readonly MentionRef Lee = new("29:lee", "李大華");
    private static readonly MentionRef Bob = new("29:bob", "Bob Smith");

    public static readonly IReadOnlyDictionary<string, ParseInput> All = new Dictionary<string, ParseInput>
    {
        ["new-zh-date"] = Input("新事項 年度預算報告 主辦 <at>王小明</at> 會辦 <at>李大華</at> 期限 下週五前 急件", Wang, Lee),
        ["new-en-date"] = Input("new Venue booking lead <at>Bob Smith</at> due next Friday", Bob),
        ["new-no-date"] = Input("new Budget report lead <at>Bob Smith</at>", Bob),
        ["show"] = Input("查看 #12"),
        ["progress"] = Input("進度 #12 初稿已送科長核閱，預計明天回覆"),
        ["mine"] = Input("我的事項"),
        ["free-text"] = Input("請問一下這個機器人可以做什麼？"),
        ["past-date"] = Input("new Report due yesterday"),
    };

    /// <summary>The cases whose first parse is measured in a fresh process: both date languages, no date, no recogniser at all.</summary>
    public static readonly string[] Cold = ["new-zh-date", "new-en-date", "new-no-date", "show"];

    private static ParseInput Input(string text, params MentionRef[] mentions) => new(text, mentions, Now, Zone);
}
