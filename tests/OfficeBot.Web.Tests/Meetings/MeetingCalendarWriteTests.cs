using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Meetings.Calendars;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Meetings;

/// <summary>
/// Where the office lets OfficeBot write to leaders' calendars (Office:Graph:WriteApprovedMeetings), an approved meeting
/// appears on the leader's Outlook calendar and a cancelled one goes away — through the real GraphServiceClient against
/// a local fake that speaks Graph's JSON. The leader's time is read through Graph's getSchedule as well.
/// </summary>
public sealed class MeetingCalendarWriteTests : IAsyncLifetime
{
    private FakeGraph _graph = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.Schedule("leader@contoso.example",
            new FakeScheduleItem("busy", new DateTime(2026, 12, 9, 6, 30, 0), new DateTime(2026, 12, 9, 7, 30, 0), "UTC", "市政會議"));
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:Graph:Enabled"] = "true",
            ["Office:Graph:TenantId"] = TenantA,
            ["Office:Graph:ClientId"] = "00000000-0000-0000-0000-0000000000c1",
            ["Office:Graph:ClientSecret"] = "not-a-real-secret",
            ["Office:Graph:BaseUrl"] = _graph.BaseUrl,
            ["Office:Graph:AllowHttpOnLoopback"] = "true",
            ["Office:Graph:WriteApprovedMeetings"] = "true",
            ["Office:Graph:Mailboxes:0:Leader"] = Leader.AadObjectId,
            ["Office:Graph:Mailboxes:0:Address"] = "leader@contoso.example",
        }, services: collection => collection.AddSingleton(provider =>
            GraphClients.Create(provider.GetRequiredService<IOptions<GraphOptions>>().Value, new FixedTokenCredential())));
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAllAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Approved_IsWrittenToTheLeadersCalendarOnce_Cancelled_IsRemoved()
    {
        var reply = await _bot.AskAsync(Mei, "會議 預算審查 12月9日上午10點到11點 領導 @李局長", mentions: Leader);
        Assert.Contains("M1", reply.CardText);
        var revision = reply.Card!.ToJsonString().Contains("\"revision\":1", StringComparison.Ordinal) ? 1 : 0;

        var (_, approved) = await _bot.PressMeetingAsync(Director, MeetingVerbs.Approve, 1, revision);
        var (_, again) = await _bot.PressMeetingAsync(Director, MeetingVerbs.Approve, 1, revision);
        await _bot.FollowUpsDoneAsync();

        var written = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_graph.Events).Value)!;
        Assert.Equal("預算審查", written["subject"]?.GetValue<string>());
        Assert.StartsWith("officebot-", written["transactionId"]?.GetValue<string>());

        await _bot.PressMeetingAsync(Mei, MeetingVerbs.Cancel, 1, revision + 1, new Dictionary<string, string> { [CardInputs.Reason] = "改期" });
        await _bot.FollowUpsDoneAsync();

        Assert.Empty(_graph.Events);
    }

    [Fact]
    public async Task GraphSchedule_BusyTime_IsAConflictOnTheRequest()
    {
        var reply = await _bot.AskAsync(Mei, "會議 預算審查 12月9日下午2點到4點 領導 @李局長", mentions: Leader);

        Assert.Contains("市政會議", reply.CardText);
        Assert.Contains("14:30", reply.CardText);
    }
}
