using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The 通報 command end to end: three matters registered in the test (one of them goes overdue when the clock moves a
/// week on), and the report as the director, a staff member and an outsider see it.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Departments:0:Name"] = "秘書處",
            ["Office:Departments:0:Head"] = "aad-secretary-general",
            ["Office:Departments:0:Members:0"] = Wei.AadObjectId,
        });

        // Thursday 26 November: A is due tomorrow (Friday), B at the end of the year, C (Mei's own) has no lead or due date.
        await _bot.SayInChannelAsync(Director, "新事項 場地協調 主辦 @林阿偉 期限 11月27日", mentions: [Wei]);
        await _bot.SayInChannelAsync(Director, "新事項 年度預算報告 主辦 @陳小美 期限 12月31日", mentions: [Mei]);
        await _bot.AskAsync(Mei, "新事項 採購清單");

        // Thursday 3 December: A is four working days late (30 Nov, 1, 2 and 3 Dec).
        _bot.Clock.Advance(TimeSpan.FromDays(7));
    }

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Report_Director_CountsTheWholeOffice()
    {
        var reply = await _bot.AskAsync(Director, "通報");

        Assert.Contains("督辦通報：全辦", reply.CardText);
        Assert.Contains("共 3 項未結事項", reply.CardText);
        Assert.Contains("逾期事項 (1)", reply.CardText);
        Assert.Contains("場地協調", reply.CardText);
        Assert.Contains("已逾期 4 個工作日", reply.CardText);
        Assert.Contains("林阿偉", reply.CardText);
        Assert.Contains("陳小美", reply.CardText);
        Assert.Contains("秘書處", reply.CardText);
        Assert.Contains("未分部門", reply.CardText);
    }

    [Fact]
    public async Task Report_Staff_CountsOnlyTheirOwnMatters()
    {
        var reply = await _bot.AskAsync(Mei, "report", "en-US");

        Assert.Contains("Supervision report: my matters", reply.CardText);
        Assert.Contains("2 open matters", reply.CardText);
        Assert.Contains("Overdue matters (0)", reply.CardText);
        Assert.DoesNotContain("場地協調", reply.CardText);
        Assert.DoesNotContain("林阿偉", reply.CardText);
    }

    [Fact]
    public async Task Report_Leader_SeesTheWholeOfficeInSimplified()
    {
        var reply = await _bot.AskAsync(Leader, "督办通报", "zh-CN");

        Assert.Contains("督办通报：全办", reply.CardText);
        Assert.Contains("共 3 项未结事项", reply.CardText);
    }

    [Fact]
    public async Task Report_SomeoneWithNoMatters_ShowsAnEmptyReport()
    {
        var reply = await _bot.AskAsync(Outsider, "通報");

        Assert.Contains("共 0 項未結事項", reply.CardText);
        Assert.Contains("沒有逾期事項。", reply.CardText);
    }
}
