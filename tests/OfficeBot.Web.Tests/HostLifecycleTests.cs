using System.Net;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

public sealed class HostLifecycleTests
{
    [Fact]
    public async Task Matter_SurvivesStoppingAndStartingTheHost()
    {
        var first = await BotHost.StartAsync();
        await first.AskAsync(Mei, "新事項 跨重啟的事項");
        await first.DisposeAsync();

        var second = await BotHost.StartAsync(first.DatabasePath, first.Connector);
        try
        {
            var reply = await second.AskAsync(Mei, "查看 #1");
            Assert.Contains("跨重啟的事項", reply.CardText);
            var next = await second.AskAsync(Mei, "新事項 第二件");
            Assert.Contains("#2", next.CardText);
        }
        finally
        {
            await second.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Start_WithUnknownTimeZone_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Office:TimeZone"] = "Mars/Olympus" }));

        Assert.Contains("Mars/Olympus", error.ToString());
    }

    [Fact]
    public async Task Start_WithBrokenCalendarFile_FailsNamingTheFileAndLine()
    {
        var ics = Path.Combine(Path.GetTempPath(), $"officebot-broken-{Guid.NewGuid():N}.ics");
        await File.WriteAllLinesAsync(ics, ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261127", "SUMMARY 國慶日", "END:VEVENT", "END:VCALENDAR"]);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Office:Calendar:IcsFiles:0"] = ics }));

            Assert.Contains($"{ics} line 5", error.ToString());
        }
        finally
        {
            File.Delete(ics);
        }
    }

    [Fact]
    public async Task Start_WithBadHolidayDate_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Calendar:Holidays:0:Date"] = "2026-02-30",
            ["Office:Calendar:Holidays:0:Name"] = "不存在的一天",
        }));

        Assert.Contains("Office:Calendar:Holidays:0:Date '2026-02-30'", error.ToString());
    }

    [Fact]
    public async Task InstallationUpdate_SavesWhereTheUserCanBeReached()
    {
        var bot = await BotHost.StartAsync();
        try
        {
            var install = Activities.Personal(Wei, string.Empty, "zh-TW", TenantA, bot.Connector.ServiceUrl, []);
            install["type"] = "installationUpdate";
            install["action"] = "add";
            install.Remove("text");

            await bot.SendAsync(install);

            var store = (OfficeBot.Application.Conversations.ConversationStore)bot.Services.GetService(typeof(OfficeBot.Application.Conversations.ConversationStore))!;
            var saved = await store.ForUserAsync(TenantA, Wei.AadObjectId, CancellationToken.None);
            Assert.NotNull(saved);
            Assert.Equal("personal", saved.ConversationType);
            Assert.Equal(TenantA, saved.TenantId);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Messages_WithAppIdConfigured_RequireABotFrameworkToken()
    {
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        try
        {
            var activity = Activities.Personal(Mei, "help", "en-US", TenantA, bot.Connector.ServiceUrl, []);

            var anonymous = await bot.PostRawAsync(activity.ToJsonString());
            var forged = await bot.PostRawAsync(activity.ToJsonString(), bearer: "eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.");

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Empty(bot.Connector.Sent);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
