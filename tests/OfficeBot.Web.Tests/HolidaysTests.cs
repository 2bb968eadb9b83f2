using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// An office whose calendar has a holiday on Friday 27 November 2026 (the day after every test's "now"), a make-up
/// Saturday on 5 December, and days outside the 60 days the 假日 command looks ahead.
/// </summary>
public sealed class HolidaysTests : IAsyncLifetime
{
    private readonly string _ics = Path.Combine(Path.GetTempPath(), $"officebot-holidays-{Guid.NewGuid():N}.ics");
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllLinesAsync(_ics,
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OfficeBot tests//EN",
            "BEGIN:VEVENT", "UID:h-1", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261127", "SUMMARY:創立紀念日", "END:VEVENT",
            "BEGIN:VEVENT", "UID:h-2", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261205", "SUMMARY:補班", "CATEGORIES:WORKDAY", "END:VEVENT",
            "BEGIN:VEVENT", "UID:h-3", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261120", "SUMMARY:已過的假日", "END:VEVENT",
            "END:VCALENDAR",
        ]);
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Calendar:IcsFiles:0"] = _ics,
            ["Office:Calendar:Holidays:0:Date"] = "2026-12-25",
            ["Office:Calendar:Holidays:0:Name"] = "行憲紀念日",
            ["Office:Calendar:Holidays:1:Date"] = "2027-02-01",
            ["Office:Calendar:Holidays:1:Name"] = "六十天以後",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAllAsync();
        File.Delete(_ics);
    }

    [Fact]
    public async Task Holidays_Traditional_ListsTheComingDaysOffAndMakeUpDays()
    {
        var reply = await _bot.AskAsync(Mei, "假日");

        Assert.Contains("未來 60 天的放假日與補班日", reply.CardText);
        Assert.Contains("11月27日（週五）", reply.CardText);
        Assert.Contains("創立紀念日", reply.CardText);
        Assert.Contains("12月5日（週六）", reply.CardText);
        Assert.Contains("12月25日（週五）", reply.CardText);
        Assert.Contains("行憲紀念日", reply.CardText);
        Assert.DoesNotContain("已過的假日", reply.CardText);
        Assert.DoesNotContain("六十天以後", reply.CardText);
    }

    [Fact]
    public async Task Holidays_English_AnswersInEnglish()
    {
        var reply = await _bot.AskAsync(Mei, "holidays", "en-US");

        Assert.Contains("Days off and make-up working days in the next 60 days", reply.CardText);
        Assert.Contains("Make-up working day", reply.CardText);
        Assert.Contains("Fri 27 Nov", reply.CardText);
    }

    [Fact]
    public async Task Holidays_Simplified_AnswersInSimplified()
    {
        var reply = await _bot.AskAsync(Mei, "节假日", "zh-CN");

        Assert.Contains("未来 60 天的放假日和调休上班日", reply.CardText);
        Assert.Contains("调休上班", reply.CardText);
    }

    [Fact]
    public async Task New_DueTuesdayAfterTheHoliday_IsYellowBecauseOnlyTwoWorkingDaysAreLeft()
    {
        // Friday is the holiday, so Monday and Tuesday are all that is left: yellow, where a plain week gives green.
        var reply = await _bot.AskAsync(Mei, "新事項 年度預算報告 期限 12月1日");

        Assert.Contains("🟡", reply.CardText);
    }

    [Fact]
    public async Task New_DueOnTheHoliday_NotesItAndTheWorkingDayBefore()
    {
        var reply = await _bot.AskAsync(Mei, "新事項 年度預算報告 期限 11月27日");

        Assert.Contains("期限是假日（創立紀念日）——此前最後一個工作日是11月26日（星期四）。", reply.CardText);
    }
}
