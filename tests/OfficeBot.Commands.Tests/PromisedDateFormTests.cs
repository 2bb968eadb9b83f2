using System.Globalization;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>
/// Every relative date form the README, the help card and the parse-error replies name, said on each day of the week
/// of Monday 2026-11-23 … Sunday 2026-11-29 at 10:00 in Taipei, after the due keyword and at the end of the title.
/// </summary>
public class PromisedDateFormTests
{
    public static readonly TheoryData<string> Weekdays = new(Enumerable.Range(23, 7).Select(d => $"2026-11-{d}"));

    // A form and the due date it means when said on `today`.
    private static readonly (string Form, Func<DateOnly, DateOnly> Due)[] Forms =
    [
        ("三天內", t => t.AddDays(3)),
        ("3天內", t => t.AddDays(3)),
        ("三天内", t => t.AddDays(3)),
        ("十天內", t => t.AddDays(10)),
        ("14天內", t => t.AddDays(14)),
        ("十四日內", t => t.AddDays(14)),
        ("一週內", t => t.AddDays(7)),
        ("一周内", t => t.AddDays(7)),
        ("兩週內", t => t.AddDays(14)),
        ("两周内", t => t.AddDays(14)),
        ("二週內", t => t.AddDays(14)),
        ("兩個星期內", t => t.AddDays(14)),
        ("两个礼拜内", t => t.AddDays(14)),
        ("一個月內", t => t.AddMonths(1)),
        ("一个月内", t => t.AddMonths(1)),
        ("明天", t => t.AddDays(1)),
        ("後天", t => t.AddDays(2)),
        ("大後天", t => t.AddDays(3)),
        ("今天", t => t),
        ("下週五前", t => NextWeek(t, DayOfWeek.Friday)),
        ("下周五前", t => NextWeek(t, DayOfWeek.Friday)),
        ("下星期一", t => NextWeek(t, DayOfWeek.Monday)),
        ("下禮拜日", t => NextWeek(t, DayOfWeek.Sunday)),
        ("本週內", t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? ThisWeek(t, DayOfWeek.Sunday) : ThisWeek(t, DayOfWeek.Friday)),
        ("月底前", t => new DateOnly(2026, 11, 30)),
        ("下個月底", t => new DateOnly(2026, 12, 31)),
        ("12月5日", t => new DateOnly(2026, 12, 5)),
        ("2026-12-05", t => new DateOnly(2026, 12, 5)),
        ("2026/12/5", t => new DateOnly(2026, 12, 5)),
        ("12/5", t => new DateOnly(2026, 12, 5)),
        ("116年1月21日", t => new DateOnly(2027, 1, 21)),
        ("tomorrow", t => t.AddDays(1)),
        ("today", t => t),
        ("next Friday", t => NextWeek(t, DayOfWeek.Friday)),
        ("Dec 5", t => new DateOnly(2026, 12, 5)),
        ("5 Dec", t => new DateOnly(2026, 12, 5)),
        ("within 3 days", t => t.AddDays(3)),
        ("in 3 days", t => t.AddDays(3)),
        ("within two weeks", t => t.AddDays(14)),
    ];

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Parse_EveryPromisedFormAfterDueKeyword_IsThatDayOnEveryWeekday(string day)
    {
        var today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var failures = new List<string>();
        foreach (var (form, due) in Forms)
        {
            var text = IsChinese(form) ? $"新事項 報告 期限 {form}" : $"new Report due {form}";
            Check(text, today, due(today), failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Parse_EveryPromisedFormEndingTitle_IsThatDayOnEveryWeekday(string day)
    {
        var today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var failures = new List<string>();
        foreach (var (form, due) in Forms.Where(f => !f.Form.StartsWith("12/", StringComparison.Ordinal)))
        {
            var text = IsChinese(form) ? $"新事項 報告 {form}" : $"new Report {(form.StartsWith("within", StringComparison.Ordinal) || form.StartsWith("in ", StringComparison.Ordinal) ? "" : "by ")}{form}";
            Check(text, today, due(today), failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Parse_PromisedFormsWithTime_AreTomorrowAtThatTimeOnEveryWeekday(string day)
    {
        var today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var expected = new Deadline(today.AddDays(1), new TimeOnly(15, 0));

        Assert.Equal(expected, ParseAt(now, "新事項 報告 期限 明天下午三點").Command<NewMatterCommand>().Due);
        Assert.Equal(expected, ParseAt(now, "新事項 報告 明天下午三點前").Command<NewMatterCommand>().Due);
        Assert.Equal(expected, ParseAt(now, "new Report due tomorrow 3pm").Command<NewMatterCommand>().Due);
    }

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Parse_NextWeekdayInEachScript_IsThatDayOfNextWeek(string day)
    {
        var today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var failures = new List<string>();
        string[] chinese = ["一", "二", "三", "四", "五", "六", "日"];
        for (var i = 0; i < 7; i++)
        {
            var expected = NextWeek(today, (DayOfWeek)((i + 1) % 7));
            Check($"新事項 報告 期限 下週{chinese[i]}", today, expected, failures);
            Check($"新事项 报告 期限 下周{chinese[i]}", today, expected, failures);
            Check($"新事项 报告 期限 下星期{chinese[i]}", today, expected, failures);
            Check($"new Report due next {CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)((i + 1) % 7))}", today, expected, failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static void Check(string text, DateOnly today, DateOnly expected, List<string> failures)
    {
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var result = ParseAt(now, text);
        var got = result.Command is NewMatterCommand matter ? $"{matter.Title} due {matter.Due?.Date:yyyy-MM-dd}" : $"error {result.Error?.Kind} {result.Error?.Detail}";
        var title = text.Contains("报告", StringComparison.Ordinal) ? "报告" : IsChinese(text) ? "報告" : "Report";
        if (got != $"{title} due {expected:yyyy-MM-dd}")
        {
            failures.Add($"{text} on {today:ddd yyyy-MM-dd}: {got}, expected {expected:yyyy-MM-dd}");
        }
    }

    private static bool IsChinese(string text) => text.Any(c => c > 0x2E80);

    private static DateOnly ThisWeek(DateOnly today, DayOfWeek day) => today.AddDays(Iso(day) - Iso(today.DayOfWeek));

    private static DateOnly NextWeek(DateOnly today, DayOfWeek day) => ThisWeek(today, day).AddDays(7);

    private static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;
}
