using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Meetings;

/// <summary>
/// Meeting requests through /api/messages as Teams sends them: the request's card with the conflicts found in the
/// leader's iCalendar feed, the director's decisions on the card, 撞車 between departments, and the sync that alerts once
/// and updates the alert when the conflict is gone.
/// </summary>
public sealed class MeetingPipelineTests : IAsyncLifetime
{
    // Now is Thursday 26 November 2026 10:00 in Taipei; the meeting is asked for Wednesday 9 December, 14:00–16:00.
    private const string Ask = "會議 預算審查 12月9日下午2點到4點 領導 @李局長 地點 301";

    private readonly string _ics = Path.Combine(Path.GetTempPath(), "officebot-tests", $"{Guid.NewGuid():N}.ics");
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_ics)!);
        WriteFeed(("ics-1", "市政會議", "20261209T143000", "20261209T153000"));
        _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:LeaderCalendars:Feeds:0:Leader"] = Leader.AadObjectId,
            ["Office:LeaderCalendars:Feeds:0:Ics"] = _ics,
            ["Office:LeaderCalendars:RefreshAfter"] = "00:00:00",
            ["Office:Meetings:Rooms:0"] = "301",
            ["Office:Meetings:Rooms:1"] = "第一會議室",
            ["Office:Departments:0:Name"] = "秘書處",
            ["Office:Departments:0:Head"] = Mei.AadObjectId,
            ["Office:Departments:1:Name"] = "財務處",
            ["Office:Departments:1:Head"] = Wei.AadObjectId,
        });
        await _bot.AskAsync(Director, "help", "en-US");
        await _bot.AskAsync(Mei, "help");
        await _bot.AskAsync(Wei, "help");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAllAsync();
        File.Delete(_ics);
    }

    [Fact]
    public async Task Request_CollidingWithTheLeadersCalendar_ShowsTheConflictAndGoesToTheDirector()
    {
        var mark = _bot.Connector.Calls.Count;

        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        await _bot.FollowUpsDoneAsync();

        Assert.Contains("M1", reply.CardText);
        Assert.Contains("市政會議", reply.CardText);
        Assert.Contains("14:30", reply.CardText);
        Assert.Contains("秘書處", reply.CardText);
        var toDirector = SentTo(Director, mark);
        Assert.Single(toDirector);
        Assert.Contains("市政會議", toDirector[0].CardText);
        Assert.Contains("Approve anyway", toDirector[0].CardText);
        Assert.DoesNotContain(Verbs(toDirector[0].Card!), v => v == MeetingVerbs.Approve);
    }

    [Fact]
    public async Task Request_DeliveredTwice_AsksForOneMeeting_AndBothAnswersShowIt()
    {
        var message = Activities.Personal(Mei, Ask, "zh-TW", TenantA, _bot.Connector.ServiceUrl, [Leader]);
        message["id"] = "1700000000042";

        // Teams delivers the same message again (the bot was slow, or the person pressed send twice).
        var first = await _bot.PostRawAsync(message.ToJsonString());
        var second = await _bot.PostRawAsync(message.ToJsonString());
        await _bot.FollowUpsDoneAsync();
        var next = await _bot.AskAsync(Mei, "查看會議 M2");

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        var answers = _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Reply && c.ActivityId == "1700000000042").ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, answer => Assert.Contains("M1", answer.CardText));
        Assert.DoesNotContain("預算審查", next.CardText ?? next.Text);
    }

    [Fact]
    public async Task Director_Approve_WithConflicts_IsRefused_ApproveAnyway_IsRecordedAndTheRequesterTold()
    {
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);
        var mark = _bot.Connector.Calls.Count;

        var (_, refused) = await _bot.PressMeetingAsync(Director, MeetingVerbs.Approve, number, revision);
        var (status, approved) = await _bot.PressMeetingAsync(Director, MeetingVerbs.ApproveAnyway, number, revision);
        await _bot.FollowUpsDoneAsync();

        Assert.Contains("conflict", Text(refused["value"]), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, status);
        Assert.Contains("approved over", Text(approved["value"]), StringComparison.OrdinalIgnoreCase);
        var toMei = SentTo(Mei, mark);
        Assert.Single(toMei);
        Assert.Contains("王主任", toMei[0].CardText);
    }

    [Fact]
    public async Task Director_PicksAnAlternative_TheMeetingMovesThereAndIsApproved()
    {
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);

        var (_, moved) = await _bot.PressMeetingAsync(Director, MeetingVerbs.PickAlternative, number, revision, new Dictionary<string, string> { [MeetingInputs.Slot] = "0" });
        var shown = await _bot.AskAsync(Director, "show M1", "en-US");

        // The leader is busy 14:30–15:30 and needs 15 minutes after: the first free two hours that day start at 15:45.
        Assert.Contains("15:45", Text(moved["value"]));
        Assert.Contains("approved", shown.CardText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("15:45", shown.CardText);
    }

    [Fact]
    public async Task SecondDepartment_OverlappingRequest_ShowsThe撞車()
    {
        WriteFeed();
        await _bot.AskAsync(Mei, Ask, mentions: Leader);

        var second = await _bot.AskAsync(Wei, "會議 決算說明 12月9日下午3點到5點 領導 @李局長", mentions: Leader);

        Assert.Contains("M1", second.CardText);
        Assert.Contains("秘書處", second.CardText);
        Assert.Contains("財務處", second.CardText);
    }

    [Fact]
    public async Task Sync_ACalendarChangeAfterApproval_AlertsOnce_AndTheAlertIsUpdatedWhenItIsGone()
    {
        WriteFeed();
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);
        await _bot.PressMeetingAsync(Director, MeetingVerbs.Approve, number, revision);
        await _bot.FollowUpsDoneAsync();

        WriteFeed(("ics-2", "臨時會議", "20261209T150000", "20261209T160000"));
        var mark = _bot.Connector.Calls.Count;
        await _bot.AdvanceToAsync(Now.AddMinutes(25), TimeSpan.FromMinutes(5));
        var alerts = _bot.Connector.CallsSince(mark).Where(c => c.Kind == ConnectorCallKind.Send && c.CardText.Contains("臨時會議")).ToList();

        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.ConversationId == $"a:personal-{Mei.AadObjectId}");
        Assert.Contains(alerts, a => a.ConversationId == $"a:personal-{Director.AadObjectId}");

        WriteFeed();
        mark = _bot.Connector.Calls.Count;
        await _bot.AdvanceToAsync(Now.AddMinutes(45), TimeSpan.FromMinutes(5));
        var after = _bot.Connector.CallsSince(mark);

        Assert.DoesNotContain(after, c => c.Kind == ConnectorCallKind.Send && c.CardText.Contains("臨時會議") && !c.CardText.Contains("消除"));
        Assert.Contains(after, c => c.Kind == ConnectorCallKind.Update && c.ConversationId == $"a:personal-{Mei.AadObjectId}" && c.CardText.Contains("臨時會議"));
    }

    [Fact]
    public async Task RegisterDecision_FromAnApprovedMeeting_RegistersAMatterWhoseSourceIsTheMeeting()
    {
        WriteFeed();
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);
        await _bot.PressMeetingAsync(Director, MeetingVerbs.Approve, number, revision);

        var (_, body) = await _bot.PressMeetingAsync(Director, MeetingVerbs.RegisterDecision, number, revision + 1, new Dictionary<string, string>
        {
            [CardInputs.Text] = "修訂預算表",
            [CardInputs.Lead] = Wei.AadObjectId,
            [CardInputs.Due] = "2026-12-18",
        });
        var matter = await _bot.AskAsync(Wei, "查看 #1");

        Assert.Contains("#1", Text(body["value"]));
        Assert.Contains("修訂預算表", matter.CardText);
        Assert.Contains("會議決議 (M1)", matter.CardText);
    }

    [Theory]
    [InlineData("會議 預算審查 12月9日下午2點到4點 領導 @林阿偉", "不在辦公室的領導名單")]
    [InlineData("會議 預算審查 12月9日下午2點到4點 領導 @李局長 地點 頂樓", "301")]
    public async Task BadRequest_IsAnsweredWithWhatWasWrong_AndNothingIsAsked(string text, string expected)
    {
        var mark = _bot.Connector.Calls.Count;

        var reply = await _bot.AskAsync(Mei, text, mentions: [Leader, Wei]);
        await _bot.FollowUpsDoneAsync();

        Assert.Contains(expected, reply.CardText);
        Assert.Empty(SentTo(Director, mark));
        Assert.Contains("找不到", (await _bot.AskAsync(Mei, "查看會議 M1")).CardText);
    }

    [Fact]
    public async Task Press_ByAnOutsiderOrAnotherTenant_OrOnAMeetingThatIsNot_ChangesNothing()
    {
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);

        var (outsiderStatus, outsider) = await _bot.PressMeetingAsync(Outsider, MeetingVerbs.ApproveAnyway, number, revision);
        var (_, otherTenant) = await _bot.PressMeetingAsync(Director, MeetingVerbs.ApproveAnyway, number, revision, tenant: TenantB);
        var (hugeStatus, huge) = await _bot.PressMeetingAsync(Director, MeetingVerbs.ApproveAnyway, int.MaxValue, revision);
        var (_, wrongKind) = await _bot.PressMeetingAsync(Director, CardVerbs.Acknowledge, number, revision);
        var shown = await _bot.AskAsync(Mei, "show M1", "en-US");

        Assert.Equal(200, outsiderStatus);
        Assert.Contains("M1", Text(outsider["value"]));
        Assert.Contains("M1", Text(otherTenant["value"]));
        Assert.Equal(200, hugeStatus);
        Assert.NotEmpty(Text(huge["value"]));
        Assert.NotEmpty(Text(wrongKind["value"]));
        Assert.Contains("Awaiting approval", shown.CardText);
    }

    [Fact]
    public async Task Press_OnAStaleCard_AppliesNothing()
    {
        var reply = await _bot.AskAsync(Mei, Ask, mentions: Leader);
        var (number, revision) = MeetingOf(reply.Card!);
        await _bot.PressMeetingAsync(Director, MeetingVerbs.SendBack, number, revision, new Dictionary<string, string> { [CardInputs.Reason] = "改到上午" });

        var (_, stale) = await _bot.PressMeetingAsync(Director, MeetingVerbs.ApproveAnyway, number, revision);
        var shown = await _bot.AskAsync(Mei, "show M1", "en-US");

        Assert.Contains("out of date", Text(stale["value"]));
        Assert.Contains("改到上午", shown.CardText);
    }

    [Fact]
    public async Task Agenda_ShowsTheLeadersDayFromTheFeedAndTheRequests()
    {
        await _bot.AskAsync(Mei, Ask, mentions: Leader);

        var agenda = await _bot.AskAsync(Director, "日程 @李局長 12月9日", mentions: Leader);

        Assert.Contains("市政會議", agenda.CardText);
        Assert.Contains("預算審查", agenda.CardText);
        Assert.Contains("14:30", agenda.CardText);
    }

    [Fact]
    public async Task CoordinationChannel_GetsTheRequestCard_AndItIsUpdatedInPlaceWhenDecided()
    {
        const string Channel = "19:general@thread.tacv2";
        await using var bot = new Disposing(await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Office:CoordinationChannel"] = Channel,
            ["Office:Meetings:Rooms:0"] = "301",
        }));
        await bot.Host.AskAsync(Director, "help", "en-US");

        // The bot knows the channel from being @mentioned there.
        await bot.Host.SayInChannelAsync(Wei, "help");
        var reply = await bot.Host.AskAsync(Mei, Ask, mentions: Leader);
        await bot.Host.FollowUpsDoneAsync();
        var (number, revision) = MeetingOf(reply.Card!);
        var posted = bot.Host.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == Channel).ToList();
        await bot.Host.PressMeetingAsync(Director, MeetingVerbs.SendBack, number, revision, new Dictionary<string, string> { [CardInputs.Reason] = "請改上午" });
        await bot.Host.FollowUpsDoneAsync();

        var card = Assert.Single(posted);
        Assert.Contains("預算審查", card.CardText);
        Assert.DoesNotContain(Verbs(card.Card!), v => v != MeetingVerbs.Refresh);
        Assert.Contains(bot.Host.Connector.Calls, c => c.Kind == ConnectorCallKind.Update && c.ConversationId == Channel && c.CardText.Contains("請改上午"));
    }

    private sealed class Disposing(BotHost host) : IAsyncDisposable
    {
        public BotHost Host { get; } = host;

        public ValueTask DisposeAsync() => Host.DisposeAllAsync();
    }

    private List<ConnectorCall> SentTo(TeamsUser user, int mark) =>
        _bot.Connector.CallsSince(mark).Where(c => c.Kind == ConnectorCallKind.Send && c.ConversationId == $"a:personal-{user.AadObjectId}").ToList();

    /// <summary>The meeting and revision a card's actions carry.</summary>
    private static (int Number, int Revision) MeetingOf(JsonObject card)
    {
        var data = Datas(card).First(d => d["meeting"] is not null);
        return (data["meeting"]!.GetValue<int>(), data["revision"]?.GetValue<int>() ?? 0);
    }

    private static IEnumerable<JsonObject> Datas(JsonNode node) => node switch
    {
        JsonObject o => (o["data"] is JsonObject d ? [d] : Enumerable.Empty<JsonObject>()).Concat(o.Where(p => p.Value is not null).SelectMany(p => Datas(p.Value!))),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Datas(n!)),
        _ => [],
    };

    private static IEnumerable<string> Verbs(JsonNode node) => node switch
    {
        JsonObject o => (o["verb"] is JsonValue v ? [v.GetValue<string>()] : Enumerable.Empty<string>()).Concat(o.Where(p => p.Value is not null).SelectMany(p => Verbs(p.Value!))),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Verbs(n!)),
        _ => [],
    };

    private static string Text(JsonNode? node) => node?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? string.Empty;

    /// <summary>Writes the leader's feed: events in Taipei time.</summary>
    private void WriteFeed(params (string Id, string Title, string Start, string End)[] events)
    {
        var body = string.Concat(events.Select(e =>
            $"BEGIN:VEVENT\r\nUID:{e.Id}\r\nDTSTAMP:20261120T000000Z\r\nSUMMARY:{e.Title}\r\nDTSTART;TZID=Asia/Taipei:{e.Start}\r\nDTEND;TZID=Asia/Taipei:{e.End}\r\nEND:VEVENT\r\n"));
        File.WriteAllText(_ics, $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OfficeBot tests//EN\r\n{body}END:VCALENDAR\r\n");

        // The reader knows a file by its time and length; a rewrite within the same tick must still be seen.
        File.SetLastWriteTimeUtc(_ics, DateTime.UtcNow.AddSeconds(events.Length + Random.Shared.Next(1, 1000)));
    }
}
