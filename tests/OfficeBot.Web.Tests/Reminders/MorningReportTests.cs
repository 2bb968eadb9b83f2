using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Reminders;

/// <summary>
/// The supervision report pushed every working morning at 08:30 (SPEC §6), through the real host, its outbox dispatcher
/// and the fake Teams connector, with the bot's clock moved on by hand. "Now" is Thursday 2026-11-26 10:00 in Taipei,
/// past that day's report time: the first report is Friday's.
/// </summary>
public sealed class MorningReportTests
{
    private const string Channel = "19:general@thread.tacv2";
    private static readonly string DirectorChat = $"a:personal-{Director.AadObjectId}";
    private static readonly string WeiChat = $"a:personal-{Wei.AadObjectId}";
    private static readonly string MeiChat = $"a:personal-{Mei.AadObjectId}";

    private static readonly Dictionary<string, string?> Pushed = new()
    {
        ["Office:Report:Push"] = "true",
        ["Office:Directors:1"] = Wei.AadObjectId,
    };

    [Fact]
    public async Task AWorkingMorning_EachDirectorGetsTheReportAt0830AndNotBefore_InTheirLanguage()
    {
        var bot = await StartAsync(Pushed);
        try
        {
            await bot.AdvanceToAsync(At(27, 8, 25));
            Assert.Empty(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(27, 8, 35));

            var english = Assert.Single(Reports(bot, DirectorChat));
            Assert.Contains("Supervision report: the whole office", english.CardText);
            Assert.Contains("1 open matter", english.CardText);
            Assert.Contains("督辦通報：全辦", Assert.Single(Reports(bot, WeiChat)).CardText);
            Assert.Empty(Reports(bot, MeiChat));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task AWeekend_GetsNoReport_AndMondayItsOwn()
    {
        var bot = await StartAsync(Pushed);
        try
        {
            await bot.AdvanceToAsync(At(27, 9, 0));
            Assert.Single(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(30, 8, 25));
            Assert.Single(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(30, 8, 35));
            Assert.Equal(2, Reports(bot, DirectorChat).Count);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task AHolidayFriday_GetsNoReport_AndAMakeUpSaturdayDoes()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed)
        {
            ["Office:Calendar:Holidays:0:Date"] = "2026-11-27",
            ["Office:Calendar:Holidays:0:Name"] = "調整放假",
            ["Office:Calendar:WorkingDays:0:Date"] = "2026-11-28",
            ["Office:Calendar:WorkingDays:0:Name"] = "補班",
        });
        try
        {
            await bot.AdvanceToAsync(At(28, 8, 25));
            Assert.Empty(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(28, 8, 35));
            Assert.Single(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(30, 8, 25));
            Assert.Single(Reports(bot, DirectorChat));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task TheBotDownFromThursdayToMonday1000_SkipsFridaysReport_AndSendsMondaysLateOnce()
    {
        var bot = await StartAsync(Pushed);
        try
        {
            bot.Clock.Advance(At(30, 10, 0) - bot.Clock.GetUtcNow());
            await bot.AdvanceToAsync(At(30, 11, 0));

            // Friday's came due on Monday and is no news; Monday's goes out late, once.
            Assert.Single(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(30, 16, 0));
            Assert.Single(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(31, 8, 35));
            Assert.Equal(2, Reports(bot, DirectorChat).Count);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task AReportChannel_GetsTheReportAsANewPostInTheOfficeLanguage()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed) { ["Office:ReportChannel"] = Channel });
        try
        {
            // The bot knows the channel from being @mentioned there (its address is that thread's).
            await bot.SayInChannelAsync(Director, "新事項 場地協調 主辦 @林阿偉 期限 12月10日", mentions: [Wei]);

            await bot.AdvanceToAsync(At(27, 8, 35));

            var post = Assert.Single(Reports(bot, Channel));
            Assert.Contains("督辦通報：全辦", post.CardText);
            Assert.Contains("共 2 項未結事項", post.CardText);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task TwoInstancesAndALaterRestart_SendOneReportPerDirectorPerMorning()
    {
        var connector = await FakeConnector.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.db");
        var first = await StartAsync(Pushed, database, connector);
        var second = await BotHost.StartAsync(database, connector, Pushed);
        BotHost? restarted = null;
        try
        {
            while (first.Clock.GetUtcNow() < At(27, 9, 0))
            {
                first.Clock.Advance(TimeSpan.FromMinutes(30));
                second.Clock.Advance(TimeSpan.FromMinutes(30));
                await Task.Delay(20);
                await Task.WhenAll(first.FollowUpsDoneAsync(), second.FollowUpsDoneAsync());
            }

            Assert.Single(Reports(first, DirectorChat));
            Assert.Single(Reports(first, WeiChat));

            // A third instance started with its clock back on Thursday finds Friday's report planned and sent already.
            await second.DisposeAsync();
            restarted = await BotHost.StartAsync(database, connector, Pushed);
            await restarted.AdvanceToAsync(At(27, 9, 0));

            Assert.Single(Reports(first, DirectorChat));
            Assert.Single(Reports(first, WeiChat));
        }
        finally
        {
            await first.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }

            await connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task ADepartmentHeadNamedOnlyAsHeadWhomTheBotNeverMet_IsShownToTheDirectorsWithTheReport_UntilTheyHaveMet()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed)
        {
            ["Office:Departments:0:Name"] = "秘書處",
            ["Office:Departments:0:Head"] = "aad-secretary-general",
            ["Office:Departments:0:Members:0"] = Mei.AadObjectId,
            ["Office:Departments:1:Name"] = "財務處",
            ["Office:Departments:1:Head"] = Leader.AadObjectId,
        });
        try
        {
            await bot.AdvanceToAsync(At(27, 9, 0));

            var notice = Assert.Single(bot.Connector.Calls, c => c.ConversationId == DirectorChat && (c.Summary ?? string.Empty).Contains("Office:Departments"));
            Assert.Contains("秘書處 (aad-secretary-general)", notice.CardText);
            Assert.DoesNotContain("財務處", notice.CardText);
            Assert.Contains("秘書處 (aad-secretary-general)", Assert.Single(bot.Connector.Calls, c => c.ConversationId == WeiChat && (c.Summary ?? string.Empty).Contains("請檢查")).CardText);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task AllHeadsListedOrKnown_NoNoticeGoesWithTheReport()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed)
        {
            ["Office:Departments:0:Name"] = "秘書處",
            ["Office:Departments:0:Head"] = Mei.AadObjectId,
        });
        try
        {
            // 陳小美 heads 秘書處 without being listed in it, but the bot has met her: her id is real.
            await bot.AskAsync(Mei, "help", "en-US");
            await bot.AdvanceToAsync(At(27, 9, 0));

            Assert.Single(Reports(bot, DirectorChat));
            Assert.DoesNotContain(bot.Connector.Calls, c => (c.Summary ?? string.Empty).Contains("Office:Departments"));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Theory]
    [InlineData("8.30")]
    [InlineData("25:00")]
    public async Task Start_WithAReportTimeThatIsNoTime_FailsSayingWhich(string at)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Office:Report:At"] = at }));

        Assert.Contains($"Office:Report:At '{at}' is not a time of day", error.ToString());
    }

    [Fact]
    public async Task AnotherReportTime_IsKept()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed) { ["Office:Report:At"] = "07:45" });
        try
        {
            await bot.AdvanceToAsync(At(27, 7, 40));
            Assert.Empty(Reports(bot, DirectorChat));

            await bot.AdvanceToAsync(At(27, 7, 50));
            Assert.Single(Reports(bot, DirectorChat));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task ThePushTurnedOff_SendsNothing_ButTheCommandStillAnswers()
    {
        var bot = await StartAsync(new Dictionary<string, string?>(Pushed) { ["Office:Report:Push"] = "false" });
        try
        {
            await bot.AdvanceToAsync(At(27, 9, 0));

            Assert.Empty(Reports(bot, DirectorChat));
            Assert.Contains("Supervision report", (await bot.AskAsync(Director, "report", "en-US")).CardText);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    /// <summary>A host on which the director (English) and 林阿偉 (Traditional) have talked to the bot and one matter is open.</summary>
    private static async Task<BotHost> StartAsync(IDictionary<string, string?> settings, string? database = null, FakeConnector? connector = null)
    {
        var bot = await BotHost.StartAsync(database, connector, settings);
        await bot.AskAsync(Director, "help", "en-US");
        await bot.AskAsync(Wei, "help", "zh-TW");
        await bot.AskAsync(Director, "new Venue booking lead @陳小美 due Dec 10", "en-US", mentions: [Mei]);
        await bot.FollowUpsDoneAsync();
        return bot;
    }

    private static DateTimeOffset At(int november, int hour, int minute) =>
        new DateTimeOffset(2026, 11, 1, hour, minute, 0, TimeSpan.FromHours(8)).AddDays(november - 1);

    /// <summary>The morning reports the bot posted into a chat on its own (not answers to 通報).</summary>
    private static List<ConnectorCall> Reports(BotHost bot, string chat) =>
        bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == chat
            && ((c.Summary ?? string.Empty).Contains("Supervision report") || (c.Summary ?? string.Empty).Contains("督辦通報"))).ToList();
}
