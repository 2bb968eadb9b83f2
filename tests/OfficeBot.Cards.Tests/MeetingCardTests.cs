using System.Text.Json.Nodes;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Tests.MeetingSamples;

namespace OfficeBot.Cards.Tests;

public class MeetingCardTests
{
    private static readonly MeetingAction[] Director = [MeetingAction.ApproveAnyway, MeetingAction.PickAlternative, MeetingAction.SendBack, MeetingAction.Reject];

    public static TheoryData<Language> Languages => new(Samples.Languages);

    public static TheoryData<ConflictKind, string> EnglishConflicts => new()
    {
        { ConflictKind.Overlap, "• 王大明 is busy: 預算審查會 14:00–15:00" },
        { ConflictKind.Room, "• 第一會議室 is booked by 新春團拜籌備 14:00–15:00" },
        { ConflictKind.Overload, "• 王大明 would have 5 meetings that day (limit 4)" },
        { ConflictKind.DepartmentClash, "• Clash with M7 預算說明會 of 財務處, same leader 王大明 14:00–15:00" },
        { ConflictKind.OutsideWorkingHours, "• Outside working hours (09:00–18:00)" },
        { ConflictKind.NonWorkingDay, "• Tue 8 Dec 2026 is not a working day: 行憲紀念日" },
        { ConflictKind.CalendarUnavailable, "• 王大明's calendar unavailable since Mon 7 Dec, 08:00: 行事曆來源回應 500" },
    };

    public static TheoryData<ConflictKind, string> TraditionalConflicts => new()
    {
        { ConflictKind.Overlap, "• 王大明 14:00–15:00 已有行程：預算審查會" },
        { ConflictKind.Room, "• 第一會議室 14:00–15:00 已被預訂：新春團拜籌備" },
        { ConflictKind.Overload, "• 王大明 當天將有 5 場會議（上限 4 場）" },
        { ConflictKind.DepartmentClash, "• 撞車：與 財務處 的 M7 預算說明會 衝突，同一位領導 王大明 14:00–15:00" },
        { ConflictKind.OutsideWorkingHours, "• 超出上班時間（09:00–18:00）" },
        { ConflictKind.NonWorkingDay, "• 2026年12月8日（週二） 不是工作日：行憲紀念日" },
        { ConflictKind.CalendarUnavailable, "• 王大明 的行事曆自 12月7日（週一） 08:00 起無法讀取：行事曆來源回應 500" },
    };

    public static TheoryData<ConflictKind, string> SimplifiedConflicts => new()
    {
        { ConflictKind.Overlap, "• 王大明 14:00–15:00 已有日程：預算審查會" },
        { ConflictKind.Room, "• 第一會議室 14:00–15:00 已被预订：新春團拜籌備" },
        { ConflictKind.Overload, "• 王大明 当天将有 5 场会议（上限 4 场）" },
        { ConflictKind.DepartmentClash, "• 撞车：与 財務處 的 M7 預算說明會 冲突，同一位领导 王大明 14:00–15:00" },
        { ConflictKind.OutsideWorkingHours, "• 超出上班时间（09:00–18:00）" },
        { ConflictKind.NonWorkingDay, "• 2026年12月8日（周二） 不是工作日：行憲紀念日" },
        { ConflictKind.CalendarUnavailable, "• 王大明 的日历自 12月7日（周一） 08:00 起无法读取：行事曆來源回應 500" },
    };

    [Theory]
    [MemberData(nameof(EnglishConflicts))]
    public void Build_EachConflictKind_NamesWhoWhatWhenAndWhy_InEnglish(ConflictKind kind, string line) =>
        AssertConflictLine(Language.English, kind, line);

    [Theory]
    [MemberData(nameof(TraditionalConflicts))]
    public void Build_EachConflictKind_NamesWhoWhatWhenAndWhy_InTraditional(ConflictKind kind, string line) =>
        AssertConflictLine(Language.Traditional, kind, line);

    [Theory]
    [MemberData(nameof(SimplifiedConflicts))]
    public void Build_EachConflictKind_NamesWhoWhatWhenAndWhy_InSimplified(ConflictKind kind, string line) =>
        AssertConflictLine(Language.Simplified, kind, line);

    private static void AssertConflictLine(Language language, ConflictKind kind, string line)
    {
        var built = MeetingCard.Build(Plain() with { Conflicts = [Conflict(kind)] }, language, MeetingCardContext.Neutral);

        var card = Rendered.Of(built);

        Assert.Contains(line, card.Texts);
        Assert.Equal("warning", card.BlockWithText(line)!["color"]!.GetValue<string>());
        CardSchema.AssertValid(built);
    }

    [Theory]
    [InlineData(OverloadLimit.Hours, 330, "• 王大明 would have 5 h 30 min of meetings that day (limit 5 h)")]
    [InlineData(OverloadLimit.Chain, 210, "• 王大明 would sit 3 h 30 min without a break, 12:30–16:00 (limit 3 h)")]
    public void Build_OverloadByTime_SaysHowLongAgainstTheLimit(OverloadLimit limit, int minutes, string line)
    {
        var card = Rendered.Of(MeetingCard.Build(Plain() with { Conflicts = [Overload(limit, TimeSpan.FromMinutes(minutes))] }, Language.English, MeetingCardContext.Neutral));

        Assert.Contains(line, card.Texts);
    }

    [Theory]
    [InlineData(Language.Traditional, "• 王大明 14:00–15:00 忙碌")]
    [InlineData(Language.Simplified, "• 王大明 14:00–15:00 忙碌")]
    [InlineData(Language.English, "• 王大明 is busy 14:00–15:00")]
    public void Build_PrivateEvent_ShowsBusyNotATitle(Language language, string line)
    {
        var hidden = Conflict(ConflictKind.Overlap) with { What = null };
        var named = Conflict(ConflictKind.Overlap) with { What = OfficeBot.Domain.Meetings.Conflict.PrivateTitle, Start = At(15), End = At(16) };

        var card = Rendered.Of(MeetingCard.Build(Plain() with { Conflicts = [hidden, named] }, language, MeetingCardContext.Neutral));

        Assert.Contains(line, card.Texts);
        Assert.Contains(line.Replace("14:00–15:00", "15:00–16:00", StringComparison.Ordinal), card.Texts);
        Assert.DoesNotContain(card.Texts, t => t.Contains("預算審查會", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ConflictCount_HeadsTheConflictsInWarningColour()
    {
        var view = Plain() with { Conflicts = [Conflict(ConflictKind.Overlap), Conflict(ConflictKind.Room)] };

        var card = Rendered.Of(MeetingCard.Build(view, Language.Traditional, MeetingCardContext.Neutral));

        Assert.Equal("warning", card.BlockWithText("⚠ 發現 2 項衝突")!["color"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoConflicts_SaysSo()
    {
        var card = Rendered.Of(MeetingCard.Build(Plain(), Language.English, MeetingCardContext.Neutral));

        Assert.Contains("✓ No conflicts found", card.Texts);
    }

    [Fact]
    public void Build_Header_NamesTheMeetingMAndItsTitle()
    {
        var card = Rendered.Of(MeetingCard.Build(Plain(), Language.Traditional, MeetingCardContext.Neutral));

        Assert.Equal(["會議 M3", "部務會議", "待審批"], card.Texts.Take(3));
    }

    [Theory]
    [InlineData(Language.Traditional, "時間", "2026年12月8日（週二） 14:00–16:00", "申請人", "李小華 · 秘書處", "緩急", "平件")]
    [InlineData(Language.Simplified, "时间", "2026年12月8日（周二） 14:00–16:00", "申请人", "李小華 · 秘書處", "缓急", "平件")]
    [InlineData(Language.English, "Time", "Tue 8 Dec 2026 14:00–16:00", "Asked by", "李小華 · 秘書處", "Urgency", "Normal")]
    public void Build_Facts_TimeWithWeekdayRequesterWithDepartmentAndUrgency(Language language, string time, string when, string asked, string who,
        string urgency, string normal)
    {
        var card = Rendered.Of(MeetingCard.Build(Plain(), language, MeetingCardContext.Neutral));

        Assert.Equal(when, card.FactValue(time));
        Assert.Equal(who, card.FactValue(asked));
        Assert.Equal(normal, card.FactValue(urgency));
    }

    [Fact]
    public void Build_Facts_LeadersAndRoom()
    {
        var card = Rendered.Of(MeetingCard.Build(Plain() with { Leaders = [Samples.Wang, Samples.Director] }, Language.Traditional, MeetingCardContext.Neutral));

        Assert.Equal("王大明、陳主任", card.FactValue("出席領導"));
        Assert.Equal("第一會議室", card.FactValue("會議室"));
    }

    [Theory]
    [InlineData(Language.English, false, "Urgent · awaiting a director's confirmation")]
    [InlineData(Language.English, true, "Urgent · confirmed by 陳主任")]
    [InlineData(Language.Traditional, false, "急件 · 待主任確認")]
    [InlineData(Language.Simplified, true, "急件 · 陈主任 已确认")]
    public void Build_Urgent_ShowsWhetherADirectorConfirmedIt(Language language, bool confirmed, string urgency)
    {
        var director = language == Language.Simplified ? Samples.Director with { DisplayName = "陈主任" } : Samples.Director;
        var view = Plain() with { Urgent = true, UrgentConfirmedBy = confirmed ? director : null };

        var card = Rendered.Of(MeetingCard.Build(view, language, MeetingCardContext.Neutral));

        Assert.Contains(card.Facts, f => f.Value == urgency);
    }

    [Theory]
    [InlineData(MeetingStatus.Approved, "已批准 · 陳主任 · 2026-12-04 10:30", "good")]
    [InlineData(MeetingStatus.SentBack, "已退回 · 陳主任 · 2026-12-04 10:30", "warning")]
    [InlineData(MeetingStatus.Rejected, "不予批准 · 陳主任 · 2026-12-04 10:30", "attention")]
    public void Build_Decided_StatusSaysWhoAndWhenAndTheReason(MeetingStatus status, string line, string colour)
    {
        var view = Plain() with { Status = status, DecidedBy = Samples.Director, DecidedAt = Samples.Office(2026, 12, 4, 10, 30), Reason = "與年終考核衝突" };

        var card = Rendered.Of(MeetingCard.Build(view, Language.Traditional, MeetingCardContext.Neutral));

        Assert.Equal(colour, card.BlockWithText(line)!["color"]!.GetValue<string>());
        Assert.Contains("理由：與年終考核衝突", card.Texts);
    }

    [Fact]
    public void Build_Cancelled_ShowsWhoCancelled()
    {
        var view = Plain() with { Status = MeetingStatus.Cancelled, DecidedBy = Requester, DecidedAt = Samples.Office(2026, 12, 4, 10, 30) };

        var card = Rendered.Of(MeetingCard.Build(view, Language.English, MeetingCardContext.Neutral));

        Assert.Contains("Cancelled · 李小華 · 2026-12-04 10:30", card.Texts);
        Assert.DoesNotContain("✓ No conflicts found", card.Texts);
    }

    [Fact]
    public void Build_ConflictsAfterApproval_BannerResolvedAndOverridden()
    {
        var view = Plain() with
        {
            Status = MeetingStatus.Approved,
            DecidedBy = Samples.Director,
            NewConflicts = true,
            Conflicts = [Conflict(ConflictKind.Overlap)],
            Resolved = [Conflict(ConflictKind.Room)],
            Overridden = [Conflict(ConflictKind.DepartmentClash), Conflict(ConflictKind.OutsideWorkingHours)],
        };

        var card = Rendered.Of(MeetingCard.Build(view, Language.English, MeetingCardContext.Neutral));

        Assert.Equal("attention", card.BlockWithText("⚠ New conflicts were found after approval")!["color"]!.GetValue<string>());
        Assert.Contains("These conflicts are resolved now", card.Texts);
        Assert.Contains("✓ 第一會議室 is booked by 新春團拜籌備 14:00–15:00", card.Texts);
        Assert.Contains("Approved over 2 conflicts by 陳主任", card.Texts);
        Assert.Contains("• Outside working hours (09:00–18:00)", card.Texts);
    }

    [Theory]
    [InlineData(Language.Traditional, "已登記決議事項：#12、#13")]
    [InlineData(Language.English, "Decisions registered: #12, #13")]
    public void Build_DecisionMatters_Listed(Language language, string line)
    {
        var card = Rendered.Of(MeetingCard.Build(Plain() with { Status = MeetingStatus.Approved, DecisionMatters = [12, 13] }, language, MeetingCardContext.Neutral));

        Assert.Contains(line, card.Texts);
    }

    [Fact]
    public void Build_Alternatives_ListedUpToThree()
    {
        var view = Plain() with { Alternatives = [.. Plain().Alternatives, Slot(14, 9, 11)] };

        var card = Rendered.Of(MeetingCard.Build(view, Language.English, MeetingCardContext.Neutral));

        Assert.Equal(["• Wed 9 Dec 10:00–12:00", "• Thu 10 Dec 14:00–16:00", "• Fri 11 Dec 09:00–11:00"], card.Texts.Where(t => t.StartsWith("• ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_History_ShowsTheLastFive()
    {
        var history = Enumerable.Range(1, 8).Select(i => new HistoryLineView(Samples.Office(2026, 12, 3, 9, i), "陳主任", $"第{i}筆")).ToList();

        var card = Rendered.Of(MeetingCard.Build(Plain() with { RecentHistory = history }, Language.Traditional, MeetingCardContext.Neutral));

        Assert.Equal(5, card.Lines.Count(l => l.Contains("陳主任", StringComparison.Ordinal)));
        Assert.Contains(card.Lines, l => l.EndsWith("第8筆", StringComparison.Ordinal));
        Assert.DoesNotContain(card.Lines, l => l.EndsWith("第3筆", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DirectorFacingConflicts_SeesExactlyTheirButtons()
    {
        var view = Plain() with { Conflicts = [Conflict(ConflictKind.Overlap)] };

        var json = MeetingCard.Build(view, Language.English, For(Director)).ToJsonObject();

        Assert.Equal(["Approve anyway", "Move to Wed 9 Dec 10:00–12:00", "Move to Thu 10 Dec 14:00–16:00", "Move to Fri 11 Dec 09:00–11:00", "Send back", "Reject"],
            TopLevelTitles(json));
        Assert.Equal("Approve over the conflict listed", json["actions"]![0]!["tooltip"]!.GetValue<string>());
        Assert.Equal(MeetingVerbs.ApproveAnyway, json["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public void Build_DirectorWithoutConflicts_SeesApprove()
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(MeetingAction.Approve, MeetingAction.SendBack, MeetingAction.Reject)).ToJsonObject();

        Assert.Equal(["Approve", "Send back", "Reject"], TopLevelTitles(json));
        Assert.Equal(MeetingVerbs.Approve, json["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Requester_SeesOnlyChangeTimeAndCancel()
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(MeetingAction.Cancel, MeetingAction.ChangeTime)).ToJsonObject();

        Assert.Equal(["Change time", "Cancel meeting"], TopLevelTitles(json));
        Assert.Equal([MeetingVerbs.ChangeTime, MeetingVerbs.Cancel], Sends(json).Select(s => s["verb"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_NoActions_NoButtons()
    {
        var json = MeetingCard.Build(Plain() with { Conflicts = [Conflict(ConflictKind.Overlap)] }, Language.English, MeetingCardContext.Neutral).ToJsonObject();

        Assert.Null(json["actions"]);
        Assert.DoesNotContain(Rendered.Blocks(json), b => b["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal));
        Assert.Null(json["refresh"]);
    }

    [Fact]
    public void Build_EveryAction_AtMostSixTopLevel_TheRestUnderMore()
    {
        var json = MeetingCard.Build(Plain(), Language.English, new MeetingCardContext(Enum.GetValues<MeetingAction>().ToHashSet(), [])).ToJsonObject();

        var titles = TopLevelTitles(json);
        Assert.Equal(6, titles.Count);
        Assert.Equal("More…", titles[^1]);
        var all = Rendered.Blocks(json).Where(b => b["type"]?.GetValue<string>() is "Action.Execute" or "Action.ShowCard").Select(b => b["title"]!.GetValue<string>()).ToList();
        foreach (var title in new[] { "Approve", "Approve anyway", "Send back", "Reject", "Confirm urgent", "Keep as is", "Cancel meeting", "Change time", "Register decision" })
        {
            Assert.Contains(title, all);
        }

        Assert.Equal(3, all.Count(t => t.StartsWith("Move to", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_PickButton_CarriesMeetingRevisionAndSlot()
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(MeetingAction.PickAlternative)).ToJsonObject();

        var picks = json["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(3, picks.Count);
        Assert.All(picks, p => Assert.Equal(MeetingVerbs.PickAlternative, p["verb"]!.GetValue<string>()));
        Assert.Equal(["""{"meeting":3,"revision":2,"slot":0}""", """{"meeting":3,"revision":2,"slot":1}""", """{"meeting":3,"revision":2,"slot":2}"""],
            picks.Select(p => p["data"]!.ToJsonString()));
    }

    [Fact]
    public void Build_PlainButton_CarriesMeetingAndRevision()
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(MeetingAction.ConfirmUrgent, MeetingAction.Keep)).ToJsonObject();

        Assert.Equal(["Confirm urgent", "Keep as is"], TopLevelTitles(json));
        Assert.All(json["actions"]!.AsArray(), a => Assert.Equal("""{"meeting":3,"revision":2}""", a!["data"]!.ToJsonString()));
    }

    [Theory]
    [InlineData(MeetingAction.SendBack, MeetingVerbs.SendBack, true)]
    [InlineData(MeetingAction.Reject, MeetingVerbs.Reject, true)]
    [InlineData(MeetingAction.Cancel, MeetingVerbs.Cancel, false)]
    public void Build_ReasonForms_AskForTheReason(MeetingAction action, string verb, bool required)
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(action)).ToJsonObject();

        var form = Assert.Single(json["actions"]!.AsArray())!;
        Assert.Equal("Action.ShowCard", form["type"]!.GetValue<string>());
        var reason = Assert.Single(form["card"]!["body"]!.AsArray())!;
        Assert.Equal((CardInputs.Reason, "Input.Text"), (reason["id"]!.GetValue<string>(), reason["type"]!.GetValue<string>()));
        Assert.Equal(required, reason["isRequired"]?.GetValue<bool>() ?? false);
        var send = Assert.Single(Sends(json));
        Assert.Equal(verb, send["verb"]!.GetValue<string>());
        Assert.Equal("""{"meeting":3,"revision":2}""", send["data"]!.ToJsonString());
    }

    [Fact]
    public void Build_ChangeTimeForm_DayStartAndEnd_PrefilledWithTheMeetings()
    {
        var json = MeetingCard.Build(Plain(), Language.English, For(MeetingAction.ChangeTime)).ToJsonObject();

        var inputs = json["actions"]![0]!["card"]!["body"]!.AsArray();
        Assert.Equal([(MeetingInputs.Date, "Input.Date", "2026-12-08"), (MeetingInputs.StartTime, "Input.Time", "14:00"), (MeetingInputs.EndTime, "Input.Time", "16:00")],
            inputs.Select(i => (i!["id"]!.GetValue<string>(), i["type"]!.GetValue<string>(), i["value"]!.GetValue<string>())));
        Assert.All(inputs, i => Assert.True(i!["isRequired"]!.GetValue<bool>()));
    }

    [Fact]
    public void Build_RegisterDecisionForm_TitleLeadPickerAndDue()
    {
        var context = For(MeetingAction.RegisterDecision) with { Candidates = Roles.Candidates(200) };

        var built = MeetingCard.Build(Plain() with { Status = MeetingStatus.Approved }, Language.English, context);
        var json = built.ToJsonObject();

        var inputs = json["actions"]![0]!["card"]!["body"]!.AsArray();
        Assert.Equal([(CardInputs.Text, "Input.Text"), (CardInputs.Lead, "Input.ChoiceSet"), (CardInputs.Due, "Input.Date")],
            inputs.Select(i => (i!["id"]!.GetValue<string>(), i["type"]!.GetValue<string>())));
        Assert.True(inputs[0]!["isRequired"]!.GetValue<bool>());
        Assert.Equal("""{"type":"Data.Query","dataset":"graph.microsoft.com/users"}""", inputs[1]!["choices.data"]!.ToJsonString());
        Assert.InRange(inputs[1]!["choices"]!.AsArray().Count, 1, 20);
        Assert.Equal(MeetingVerbs.RegisterDecision, Assert.Single(Sends(json))["verb"]!.GetValue<string>());
        CardSchema.AssertValid(built);
    }

    [Fact]
    public void Build_RefreshUsers_TeamsFetchesTheirOwnViewOfTheFirstSixty()
    {
        var context = new MeetingCardContext(new HashSet<MeetingAction>(), Enumerable.Range(1, 100).Select(i => $"user-{i}").ToList());

        var json = MeetingCard.Build(Plain(), Language.English, context).ToJsonObject();

        var refresh = json["refresh"]!;
        Assert.Equal(MeetingVerbs.Refresh, refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.Execute", refresh["action"]!["type"]!.GetValue<string>());
        Assert.Equal("""{"meeting":3,"revision":2}""", refresh["action"]!["data"]!.ToJsonString());
        Assert.Equal(60, refresh["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Build_Notice_ShownAtTheTop()
    {
        var card = Rendered.Of(MeetingCard.Build(Plain(), Language.English, MeetingCardContext.Neutral with { Notice = "This card was out of date." }));

        Assert.Equal("This card was out of date.", card.Texts[0]);
    }

    [Fact]
    public void Build_MarkdownInUserText_ShownAsWritten()
    {
        const string link = "[x](https://evil.example)";
        var view = Plain() with
        {
            Title = link,
            Room = link,
            Reason = link,
            Conflicts = [Conflict(ConflictKind.Overlap) with { Leader = "**" + link + "**", What = link }],
        };

        var card = Rendered.Of(MeetingCard.Build(view, Language.English, MeetingCardContext.Neutral));

        Assert.DoesNotContain(card.AllText.Split('\n'), t => t.Contains(link, StringComparison.Ordinal));
        Assert.Contains(@"\[x\](https://evil.example)", card.Texts);
        Assert.Contains(@"• \*\*\[x\](https://evil.example)\*\* is busy: \[x\](https://evil.example) 14:00–15:00", card.Texts);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Build_EveryScenario_PassesTheSchema(Language language)
    {
        var conflicts = Enum.GetValues<ConflictKind>().Select(Conflict).ToList();
        var views = new[]
        {
            Plain() with { Conflicts = conflicts, Urgent = true },
            Plain() with { Status = MeetingStatus.Approved, DecidedBy = Samples.Director, DecidedAt = At(9), NewConflicts = true, Conflicts = conflicts, Resolved = conflicts,
                Overridden = conflicts, DecisionMatters = [12, 13] },
            Plain() with { Status = MeetingStatus.Rejected, DecidedBy = Samples.Director, Reason = "不合適", Alternatives = [] },
        };
        var contexts = new[]
        {
            MeetingCardContext.Neutral,
            new MeetingCardContext(Enum.GetValues<MeetingAction>().ToHashSet(), ["user-1"], "通知") { Candidates = Roles.Candidates(5) },
            For(MeetingAction.Cancel, MeetingAction.ChangeTime),
        };

        foreach (var view in views)
        {
            foreach (var context in contexts)
            {
                CardSchema.AssertValid(MeetingCard.Build(view, language, context));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Build_FortyConflicts_AllListedWithinTeamsLimit(Language language)
    {
        var (heavy, context) = Heavy();

        var built = MeetingCard.Build(heavy, language, context);

        CardSchema.AssertValid(built);
        Assert.True(built.Utf8Size() < CardSchema.MaxCardBytes, $"{built.Utf8Size()} bytes");
        var card = Rendered.Of(built);
        var current = Rendered.Blocks(card.Json).Where(b => b["type"]?.GetValue<string>() == "TextBlock" && b["color"]?.GetValue<string>() == "warning"
            && b["text"]!.GetValue<string>().StartsWith("• ", StringComparison.Ordinal));
        Assert.Equal(40, current.Count());
    }

    private static List<string> TopLevelTitles(JsonObject card) =>
        card["actions"]?.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>The Send buttons of the forms.</summary>
    private static IEnumerable<JsonObject> Sends(JsonObject card) =>
        Rendered.Blocks(card).Where(b => b["type"]?.GetValue<string>() == "Action.Execute" && b["associatedInputs"]?.GetValue<string>() == "auto");
}
