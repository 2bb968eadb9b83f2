using System.Text.RegularExpressions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class MatterCardTests
{
    [Fact]
    public void Build_OverdueMatterInTraditional_ShowsRedLightStatusAndLateness()
    {
        var matter = Samples.Plain() with { Light = TrafficLight.Red, OverdueWorkingDays = 3 };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        var statusLine = card.Texts.Single(t => t.Contains("辦理中", StringComparison.Ordinal));
        Assert.Equal("🔴 逾期 · 辦理中 · 已逾期 3 個工作日", statusLine);
        Assert.Equal("attention", card.BlockWithText(statusLine)!["color"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(TrafficLight.Green, MatterStatus.InProgress, "good")]
    [InlineData(TrafficLight.Yellow, MatterStatus.AwaitingReview, "warning")]
    [InlineData(TrafficLight.None, MatterStatus.Completed, "good")]
    public void Build_Light_ColoursTheStatusLine(TrafficLight light, MatterStatus status, string colour)
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Plain() with { Light = light, Status = status }, Language.English));

        var statusLine = card.Texts.Single(t => t.Contains(CardTextFor.English.StatusName(status), StringComparison.Ordinal));
        Assert.Equal(colour, card.BlockWithText(statusLine)!["color"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Simplified_ShowsSimplifiedLabelsAndNames()
    {
        var matter = Samples.Plain() with { Light = TrafficLight.Yellow, Urgency = Urgency.Urgent, Source = MatterSource.Department };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Simplified));

        Assert.Contains("🟡 将到期 · 办理中", card.Texts);
        Assert.Equal("部门转办", card.FactValue("来源"));
        Assert.Equal("急件", card.FactValue("缓急"));
        Assert.Equal("王大明 · ✓ 已签收", card.FactValue("主办"));
        Assert.Equal("李小華 · 已接受 · ✓ 已签收", card.FactValue("会办"));
        Assert.Equal("2025年12月5日（周五） 17:30", card.FactValue("期限"));
    }

    [Fact]
    public void Build_Header_ShowsNumberAndTitle()
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Plain(12), Language.Traditional));

        Assert.Equal("#12", card.Texts[0]);
        Assert.Equal("擬定年度工作要點", card.Texts[1]);
    }

    [Fact]
    public void Build_NotExtended_HasNoOriginalDue()
    {
        var matter = Samples.Plain() with { OriginalDue = Samples.Plain().Due };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        Assert.Null(card.FactValue("原期限"));
        Assert.NotNull(card.FactValue("期限"));
    }

    [Fact]
    public void Build_Extended_ShowsOriginalDueAfterDue()
    {
        var matter = Samples.Plain() with { Due = Samples.Office(2025, 12, 12), OriginalDue = Samples.Office(2025, 12, 5) };

        var card = Rendered.Of(MatterCard.Build(matter, Language.English));

        Assert.Equal("Fri 12 Dec 2025", card.FactValue("Due"));
        Assert.Equal("Fri 5 Dec 2025", card.FactValue("Original due"));
        var titles = card.Facts.Select(f => f.Title).ToList();
        Assert.Equal(titles.IndexOf("Due") + 1, titles.IndexOf("Original due"));
    }

    [Fact]
    public void Build_SameInstantInAnotherOffset_IsNotAnExtension()
    {
        var due = Samples.Office(2025, 12, 5, 17, 0);
        var matter = Samples.Plain() with { Due = due, OriginalDue = due.ToUniversalTime() };

        Assert.Null(Rendered.Of(MatterCard.Build(matter, Language.English)).FactValue("Original due"));
    }

    [Fact]
    public void Build_NoLeadNoDue_SaysSo()
    {
        var matter = Samples.Plain() with { Lead = null, Due = null, CoHandlers = [] };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        Assert.Equal("尚未指定", card.FactValue("主辦"));
        Assert.Equal("未定期限", card.FactValue("期限"));
        Assert.Null(card.FactValue("會辦"));
    }

    [Fact]
    public void Build_UnacknowledgedLead_MarkedNotYetAcknowledged()
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Plain() with { LeadAcknowledged = false }, Language.English));

        Assert.Equal("王大明 · not yet acknowledged", card.FactValue("Lead"));
    }

    [Fact]
    public void Build_TenCoHandlers_EachListedWithState()
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Heavy(), Language.Traditional));

        var first = card.Facts.ToList().FindIndex(f => f.Title == "會辦");
        var coHandlerRows = card.Facts.Skip(first).Take(10).ToList();
        Assert.All(coHandlerRows.Skip(1), f => Assert.Equal("", f.Title));
        // Name · department (clipped to fit the card) · state · receipt.
        Assert.Matches($@"^會辦人1 {Regex.Escape(Samples.Awkward)} · 「年度」.+ · 已接受 · 未簽收$", coHandlerRows[0].Value);
        Assert.Matches($@"^會辦人2 {Regex.Escape(Samples.Awkward)} · 「年度」.+ · 已婉拒 · ✓ 已簽收$", coHandlerRows[1].Value);
        Assert.Matches($@"^會辦人10 {Regex.Escape(Samples.Awkward)} · 「年度」.+ · 待回覆 · ✓ 已簽收$", coHandlerRows[9].Value);
    }

    [Fact]
    public void Build_FiftyHistoryEntries_ShowsLastFiveAndCountsTheRest()
    {
        var matter = Samples.Heavy();

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        Assert.Equal(5, card.Lines.Count);
        Assert.StartsWith("2025-11-14 19:00  經辦人46", card.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2025-11-15 02:00  經辦人47", card.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2025-11-15 23:00  經辦人50", card.Lines[4], StringComparison.Ordinal);
        Assert.Contains("另有 45 條較早的記錄", card.Texts);
    }

    [Fact]
    public void Build_TotalLargerThanRecent_CountsEntriesNotSent()
    {
        var matter = Samples.Plain() with { TotalHistoryCount = 8 };

        var card = Rendered.Of(MatterCard.Build(matter, Language.English));

        Assert.Single(card.Lines);
        Assert.Equal("2025-12-01 09:15  陳主任: 登記事項", card.Lines[0]);
        Assert.Contains("7 earlier entries not shown", card.Texts);
    }

    [Fact]
    public void Build_AwkwardUserText_RoundTripsExactly()
    {
        var matter = Samples.Plain() with
        {
            Title = Samples.Awkward,
            Description = Samples.Awkward + "\n第二行",
            DocumentNumber = Samples.Awkward,
        };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        Assert.Contains(Samples.Awkward, card.Texts);
        Assert.Contains(Samples.Awkward + "\n第二行", card.Texts);
        Assert.Equal(Samples.Awkward, card.FactValue("文號"));
    }

    [Fact]
    public void Build_LongTitle_ClippedWithoutBreakingEmoji()
    {
        var matter = Samples.Plain() with { Title = Samples.Repeat("📎事", 1000) };

        var title = Rendered.Of(MatterCard.Build(matter, Language.English)).Texts[1];

        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.True(title.Length < 1000);
        Assert.False(char.IsHighSurrogate(title[^2]));
    }

    [Fact]
    public void Build_WithActionsAndRefresh_DrawsThemAndStaysValid()
    {
        var ack = new ExecuteAction { Verb = "matter.ack", Title = "簽收", Style = ActionStyle.Positive, Data = new { MatterNumber = 12, Revision = 3 } };
        var refresh = new CardRefresh { Action = new ExecuteAction { Verb = "matter.refresh", Data = new { MatterNumber = 12 } }, UserIds = ["u1", "u2"] };

        var built = MatterCard.Build(Samples.Plain(), Language.Traditional, [ack], refresh);

        CardSchema.AssertValid(built);
        var json = built.ToJsonObject();
        Assert.Equal("matter.ack", json["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal(2, json["refresh"]!["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Build_NoActions_HasNoActionsProperty()
    {
        Assert.False(MatterCard.Build(Samples.Plain(), Language.English).ToJsonObject().ContainsKey("actions"));
    }
}

internal static class CardTextFor
{
    public static readonly OfficeBot.Cards.Localization.CardText English = OfficeBot.Cards.Localization.CardText.For(Language.English);
}
