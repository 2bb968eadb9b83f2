using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficeBot.Web.Tests.Security;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Departments from the host's configuration (Office:Departments), bound, checked at start and shown on cards.</summary>
public sealed class DepartmentTests
{
    private static readonly Dictionary<string, string?> TwoDepartments = new()
    {
        ["Office:Departments:0:Name"] = "秘書處",
        ["Office:Departments:0:Head"] = "aad-secretary-general",
        ["Office:Departments:0:Members:0"] = Wei.AadObjectId,
        ["Office:Departments:1:Name"] = "財務處",
        ["Office:Departments:1:Head"] = Mei.AadObjectId,
    };

    [Fact]
    public async Task New_LeadAndCoHandlerInDepartments_CardShowsTheirDepartments()
    {
        var bot = await BotHost.StartAsync(settings: TwoDepartments);
        try
        {
            var reply = Assert.Single(await bot.SayInChannelAsync(Director, "新事項 場地協調 主辦 @林阿偉 會辦 @陳小美 期限 下週五", mentions: [Wei, Mei]));

            Assert.Contains("林阿偉 · 秘書處 · 未簽收", reply.CardText);
            Assert.Contains("陳小美 · 財務處 · 待回覆 · 未簽收", reply.CardText); // a department head belongs to their department
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task New_PeopleInNoDepartment_CardShowsNamesOnly()
    {
        var bot = await BotHost.StartAsync();
        try
        {
            var reply = Assert.Single(await bot.SayInChannelAsync(Director, "新事項 場地協調 主辦 @林阿偉", mentions: [Wei]));

            Assert.Contains("林阿偉 · 未簽收", reply.CardText);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Start_PersonInTwoDepartments_FailsNamingBoth()
    {
        var settings = new Dictionary<string, string?>(TwoDepartments) { ["Office:Departments:1:Members:0"] = Wei.AadObjectId };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: settings));

        Assert.Contains($"'{Wei.AadObjectId}' is in two departments, '秘書處' (Office:Departments:0) and '財務處' (Office:Departments:1)", error.ToString());
    }

    [Fact]
    public async Task Start_HeadGivenAsAnEmailAddress_FailsNamingTheDepartmentAndTheHead()
    {
        var settings = new Dictionary<string, string?>(TwoDepartments) { ["Office:Departments:0:Head"] = "sg@contoso.com" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: settings));

        Assert.Contains("Office:Departments:0:Head 'sg@contoso.com' of '秘書處' looks like an e-mail address or sign-in name, not an Entra object id", error.ToString());
    }

    [Fact]
    public async Task Start_HeadNamedNowhereElse_IsLoggedNamingTheDepartmentAndTheHead()
    {
        var logs = new LogCapture();
        var bot = await BotHost.StartAsync(settings: TwoDepartments, services: services => services.AddSingleton<ILoggerProvider>(logs));
        try
        {
            var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("Office:Departments:", StringComparison.Ordinal)).ToList();

            Assert.Equal(2, warnings.Count);
            Assert.Contains("Office:Departments:0:Head 'aad-secretary-general' of '秘書處' is not among its members, nor a director or leader", warnings[0].Message);
            Assert.Contains($"Office:Departments:1:Head '{Mei.AadObjectId}' of '財務處'", warnings[1].Message);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
