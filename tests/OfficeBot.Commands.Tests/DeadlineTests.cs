using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>Now is Thursday 2026-11-26 10:00 in Taipei.</summary>
public class DeadlineTests
{
    [Theory]
    [InlineData("新事項 報告 期限 明天", "2026-11-27", null)]
    [InlineData("新事項 報告 期限 下週五前", "2026-12-04", null)]
    [InlineData("新事项 报告 期限 下周五前", "2026-12-04", null)]
    [InlineData("新事項 報告 期限 本週內", "2026-11-27", null)]
    [InlineData("新事項 報告 期限 三天內", "2026-11-29", null)]
    [InlineData("新事项 报告 期限 3天内", "2026-11-29", null)]
    [InlineData("新事項 報告 期限 12月5日", "2026-12-05", null)]
    [InlineData("新事項 報告 期限 12月5號", "2026-12-05", null)]
    [InlineData("新事項 報告 期限 明天下午三點", "2026-11-27", "15:00")]
    [InlineData("新事项 报告 期限 明天下午三点", "2026-11-27", "15:00")]
    [InlineData("新事項 報告 期限 明天下午三點前", "2026-11-27", "15:00")]
    [InlineData("新事項 報告 期限 後天", "2026-11-28", null)]
    [InlineData("新事項 報告 期限 禮拜五", "2026-11-27", null)]
    [InlineData("新事項 報告 期限 這週五", "2026-11-27", null)]
    [InlineData("新事項 報告 期限 下個月5號", "2026-12-05", null)]
    [InlineData("新事項 報告 期限 兩小時內", "2026-11-26", "12:00")]
    [InlineData("新事項 報告 期限 月底前", "2026-11-30", null)]
    [InlineData("新事項 報告 期限 5月1日", "2027-05-01", null)]
    [InlineData("新事項 報告 期限：１２月５日", "2026-12-05", null)]
    [InlineData("新事項 報告 期限 春節前", "2027-02-06", null)]
    [InlineData("新事項 報告 期限 年底前", "2026-12-31", null)]
    [InlineData("new Report due next Friday", "2026-12-04", null)]
    [InlineData("new Report due within 3 days", "2026-11-29", null)]
    [InlineData("new Report due Dec 5", "2026-12-05", null)]
    [InlineData("new Report due tomorrow 3pm", "2026-11-27", "15:00")]
    [InlineData("new Report due 2026-12-05", "2026-12-05", null)]
    [InlineData("new Report due Friday", "2026-11-27", null)]
    [InlineData("new Report due this week", "2026-11-27", null)]
    [InlineData("new Report DUE: tomorrow", "2026-11-27", null)]
    [InlineData("new Report deadline 5 Dec", "2026-12-05", null)]
    [InlineData("new Report due 4pm", "2026-11-26", "16:00")]
    public void Parse_DueKeyword_ResolvesAgainstNowInOfficeZone(string text, string date, string? time)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal("Report", matter.Title.Replace("報告", "Report").Replace("报告", "Report"));
        Assert.Equal(new Deadline(Date(date), time is null ? null : TimeOnly.Parse(time)), matter.Due);
    }

    [Theory]
    [InlineData("新事項 預算報告 下週五前", "預算報告", "2026-12-04")]
    [InlineData("新事项 预算报告 三天内", "预算报告", "2026-11-29")]
    [InlineData("新事項 預算報告 本週內", "預算報告", "2026-11-27")]
    [InlineData("新事項 預算報告12月5日前", "預算報告", "2026-12-05")]
    [InlineData("新事項 預算報告，明天", "預算報告", "2026-11-27")]
    [InlineData("new Budget report by next Friday", "Budget report", "2026-12-04")]
    [InlineData("new Budget report within 3 days", "Budget report", "2026-11-29")]
    [InlineData("new Budget report Dec 5", "Budget report", "2026-12-05")]
    [InlineData("new Call the bank on Friday", "Call the bank", "2026-11-27")]
    public void Parse_DatePhraseEndingTitle_BecomesDue(string text, string title, string date)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(title, matter.Title);
        Assert.Equal(new Deadline(Date(date), null), matter.Due);
    }

    [Theory]
    [InlineData("新事項 第三季度報告")]
    [InlineData("新事項 準備12月5日會議資料")]
    [InlineData("新事項 檢討本週工作")]
    [InlineData("new Plan for May")]
    [InlineData("new Q4 report 2026")]
    [InlineData("new Call the bank 3pm")]
    [InlineData("new Prepare next week")]
    public void Parse_TitleWithoutDeadlinePhraseAtEnd_KeepsWholeTitleAndNoDue(string text)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(text[(text.IndexOf(' ') + 1)..], matter.Title);
        Assert.Null(matter.Due);
    }

    [Theory]
    [InlineData("2026-11-28T10:00:00+08:00", "2026-11-29")] // Saturday: the weekend has begun, so by Sunday
    [InlineData("2026-11-29T10:00:00+08:00", "2026-11-29")] // Sunday
    [InlineData("2026-11-23T10:00:00+08:00", "2026-11-27")] // Monday: by Friday
    public void Parse_ThisWeekSaidOnDay_IsFridayOrSundayOnceWeekendBegan(string now, string expected)
    {
        var matter = ParseAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), "新事項 報告 本週內")
            .Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date(expected), null), matter.Due);
    }

    [Fact]
    public void Parse_YearlessDateLongPast_MeansNextYear()
    {
        var matter = ParseAt(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(8)), "新事項 報告 期限 1月5日")
            .Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date("2027-01-05"), null), matter.Due);
    }

    [Fact]
    public void Parse_NowJustAfterUtcMidnight_UsesOfficeCalendarDay()
    {
        // 2026-11-26 23:30 UTC is already Friday 27th 07:30 in Taipei: 明天 is Saturday 28th.
        var matter = ParseAt(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero), "新事項 報告 期限 明天")
            .Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date("2026-11-28"), null), matter.Due);
    }

    [Fact]
    public void Parse_DueToday_IsNotInThePast()
    {
        var matter = Parse("新事項 報告 期限 今天").Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date("2026-11-26"), null), matter.Due);
    }
}
