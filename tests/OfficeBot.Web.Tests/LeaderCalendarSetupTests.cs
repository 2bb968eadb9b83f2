using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.Meetings.Calendars;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Which leader calendars and calendar writer the host serves, and Office:Graph checked at start-up.</summary>
public sealed class LeaderCalendarSetupTests
{
    [Fact]
    public async Task Start_GraphOff_CombinedSourceOfFeedsOnlyAndNothingWritten()
    {
        var host = await BotHost.StartAsync();
        try
        {
            var source = host.Services.GetRequiredService<ILeaderCalendarSource>();

            Assert.IsType<CombinedLeaderCalendarSource>(source);
            Assert.False(source.Covers(Leader.AadObjectId));
            Assert.IsType<NoCalendarWriter>(host.Services.GetRequiredService<ILeaderCalendarWriter>());
        }
        finally
        {
            await host.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Start_GraphOnWithAMailboxAndWriting_LeaderCoveredAndGraphWriter()
    {
        var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Graph:Enabled"] = "true",
            ["Office:Graph:TenantId"] = TenantA,
            ["Office:Graph:ClientId"] = "00000000-0000-0000-0000-0000000000c1",
            ["Office:Graph:ClientSecret"] = "not-a-real-secret",
            ["Office:Graph:WriteApprovedMeetings"] = "true",
            ["Office:Graph:Mailboxes:0:Leader"] = Leader.AadObjectId,
            ["Office:Graph:Mailboxes:0:Address"] = "leader@contoso.example",
        });
        try
        {
            Assert.True(host.Services.GetRequiredService<ILeaderCalendarSource>().Covers(Leader.AadObjectId));
            Assert.IsType<GraphCalendarWriter>(host.Services.GetRequiredService<ILeaderCalendarWriter>());
        }
        finally
        {
            await host.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Start_GraphOnWithBadSettings_FailsNamingEachKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Graph:Enabled"] = "true",
            ["Office:Graph:BaseUrl"] = "http://graph.example.com/v1.0",
            ["Office:Graph:Mailboxes:0:Leader"] = "aad-stranger",
            ["Office:Graph:Mailboxes:0:Address"] = "leader",
        }));

        var text = error.ToString();
        Assert.Contains("Office:Graph:TenantId", text);
        Assert.Contains("Office:Graph:BaseUrl", text);
        Assert.Contains("Office:Graph:Mailboxes:0:Address", text);
        Assert.Contains("Office:Graph:Mailboxes:0:Leader 'aad-stranger' is not listed in Office:Leaders", text);
    }
}
