using OfficeBot.Domain.Limits;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>
/// Messages stitched at random (fixed seed) from date words, numbers, separators and keywords: the parser never throws,
/// and a due date it gives is never in the past nor beyond the horizon, on every day of a week.
/// </summary>
public class DateFuzzTests
{
    private static readonly string[] Pieces =
    [
        "新事項 ", "新事项 ", "new ", "延期 #3 ", "extend #3 ", "報告", "Report", " 期限 ", "期限", " due ", " by ", "截止",
        "0", "1", "9", "12", "29", "30", "31", "99", "116", "999", "2026", "2031", "9999", "0000",
        "月", "日", "號", "年", "/", "-", ".", ":", "：", " ", "，", "。", "！", "前", "內", "內前",
        "天", "週", "周", "個", "個月", "星期", "禮拜", "下", "下下", "本", "這", "民國", "底", "月底", "年底",
        "一", "二", "兩", "十", "十一", "二十五", "百", "半", "明天", "後天", "大後天", "今天", "下午三點", "上午",
        "today", "tomorrow", "next", "Friday", "fri", "Dec", "Feb", "in", "within", "days", "weeks", "months", "a",
        "3pm", "the day after", "garbage", "主辦", "lead", "急件", "\u202E", "\uE000",
    ];

    [Theory]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(26)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(29)]
    public void Parse_RandomDateText_NeverThrowsAndNeverGivesADueOutsideTodayToHorizon(int day)
    {
        var now = new DateTimeOffset(2026, 11, day, 10, 0, 0, TimeSpan.FromHours(8));
        var today = new DateOnly(2026, 11, day);
        var random = new Random(day);
        for (var i = 0; i < 600; i++)
        {
            var text = Pieces[random.Next(5)] + string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var result = ParseAt(now, text);

            var due = result.Command switch
            {
                NewMatterCommand matter => matter.Due,
                ExtendCommand extend => extend.NewDue,
                _ => null,
            };
            if (due is not null)
            {
                Assert.True(due.Date >= today && due.Date <= InputLimits.LatestDue(today), $"{text} → {due}");
            }

            // A due keyword with nothing after it has no detail (the reply says the date is missing); every other date error names it.
            if (result.Error is { Kind: ParseErrorKind.ImpossibleDate or ParseErrorKind.DueTooFar or ParseErrorKind.DueInPast } error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Detail), text);
            }
        }
    }
}
