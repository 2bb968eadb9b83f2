using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Tests.MeetingSamples;

namespace OfficeBot.Cards.Tests;

public class AgendaCardTests
{
    public static TheoryData<Language> Languages => new(Samples.Languages);

    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    /// <summary>Tuesday 8 December 2026: a calendar event, an approved meeting in conflict, a private event and a pending request.</summary>
    private static AgendaView Day() => new()
    {
        Leader = Samples.Wang,
        From = Tuesday,
        To = Tuesday,
        WorkingDays = [Tuesday],
        Items =
        [
            new AgendaItem(At(9), At(10), "晨會", AgendaItemKind.Calendar),
            new AgendaItem(At(11, 30), At(12), null, AgendaItemKind.Calendar),
            new AgendaItem(At(14), At(15), "部務會議", AgendaItemKind.Approved, Meeting: 3, Conflict: true),
            new AgendaItem(At(14, 30), At(16), "預算說明會", AgendaItemKind.Pending, Meeting: 7, Conflict: true, Department: "財務處"),
        ],
    };

    [Fact]
    public void Build_Day_OneRowPerItemInTimeOrder_WithFreeTimeBetween()
    {
        var card = Rendered.Of(AgendaCard.Build(Day(), Language.Traditional));

        Assert.Equal("王大明 的行程", card.Texts[0]);
        Assert.Contains("2026年12月8日（週二）", card.Texts);
        var rows = card.Lines.Skip(1).ToList();
        Assert.Equal(
        [
            "● 09:00–10:00  晨會",
            "● 11:30–12:00  忙碌",
            "● 14:00–15:00  M3 部務會議  ⚠ 衝突",
            "● 14:30–16:00  M7 預算說明會 · 待審批 · 財務處  ⚠ 衝突",
        ], rows);
        var free = card.Texts.Where(t => t.StartsWith("空檔", StringComparison.Ordinal)).ToList();
        Assert.Equal(["空檔 10:00–11:30", "空檔 12:00–14:00", "空檔 16:00–18:00"], free);
    }

    [Fact]
    public void Build_Day_MarkersColouredByKind_ConflictsInAttention()
    {
        var json = AgendaCard.Build(Day(), Language.English).ToJsonObject();

        var rows = Rendered.Blocks(json).Where(b => b["type"]?.GetValue<string>() == "RichTextBlock").Skip(1).ToList();
        Assert.Equal(["accent", "accent", "good", "warning"], rows.Select(r => r["inlines"]![0]!["color"]!.GetValue<string>()));
        Assert.Equal("attention", rows[2]["inlines"]![2]!["color"]!.GetValue<string>());
        Assert.Null(rows[0]["inlines"]![2]!["color"]);
        Assert.Equal("⚠ conflict", rows[2]["inlines"]!.AsArray()[^1]!["text"]!.GetValue<string>().Trim());
    }

    [Fact]
    public void Build_Legend_NamesTheThreeKinds()
    {
        var card = Rendered.Of(AgendaCard.Build(Day(), Language.Simplified));

        Assert.Equal("● 日历   ● 已批准   ● 待审批   ", card.Lines[0]);
    }

    [Theory]
    [InlineData(Language.Traditional, "全天", "沒有會議", "放假")]
    [InlineData(Language.Simplified, "全天", "没有会议", "放假")]
    [InlineData(Language.English, "all day", "No meetings", "Day off")]
    public void Build_Week_AllDayItems_EmptyDays_AndDaysOff(Language language, string allDay, string none, string dayOff)
    {
        var view = new AgendaView
        {
            Leader = Samples.Wang,
            From = new DateOnly(2026, 12, 7),
            To = new DateOnly(2026, 12, 13),
            WorkingDays = Enumerable.Range(7, 5).Select(d => new DateOnly(2026, 12, d)).ToList(),
            Items = [new AgendaItem(Samples.Office(2026, 12, 9), Samples.Office(2026, 12, 10), "出差", AgendaItemKind.Calendar, AllDay: true)],
        };

        var card = Rendered.Of(AgendaCard.Build(view, language));

        Assert.Equal(6, card.Texts.Count(t => t == none));
        Assert.Contains(card.Lines, l => l.Contains(allDay + "  出差", StringComparison.Ordinal));
        Assert.Equal(1, card.Lines.Count(l => l.Contains("出差", StringComparison.Ordinal)));
        Assert.Equal(2, card.Texts.Count(t => t.EndsWith(" · " + dayOff, StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_UnreadableCalendar_WarnedFirst_AndNoTimeCalledFree()
    {
        var view = Day() with { Unavailable = ["王大明（Outlook）"] };

        var built = AgendaCard.Build(view, Language.English);
        var card = Rendered.Of(built);

        var warning = built.Body[2];
        var texts = Rendered.Of(new Model.AdaptiveCard { Body = [warning] }).Texts;
        Assert.Equal(["⚠ Calendars that could not be read (their time is not shown as free)", "• 王大明（Outlook）"], texts);
        Assert.Equal("warning", built.ToJsonObject()["body"]![2]!["style"]!.GetValue<string>());
        Assert.DoesNotContain(card.Texts, t => t.StartsWith("free", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MarkdownInAName_Escaped()
    {
        var view = Day() with { Leader = new PersonView("x", "[x](https://evil.example)"), Unavailable = ["**[y](https://evil.example)**"] };

        var card = Rendered.Of(AgendaCard.Build(view, Language.English));

        Assert.Equal(@"\[x\](https://evil.example)'s agenda", card.Texts[0]);
        Assert.Contains(@"• \*\*\[y\](https://evil.example)\*\*", card.Texts);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Build_WeekOfFifteenADay_FitsTeamsAndPassesTheSchema(Language language)
    {
        var built = AgendaCard.Build(Week(), language);

        CardSchema.AssertValid(built);
        Assert.True(built.Utf8Size() <= CardSchema.MaxCardBytes, $"{built.Utf8Size()} bytes");
        var card = Rendered.Of(built);
        var rows = card.Lines.Count - 1;
        var more = card.Texts.Count(t => t == CardTextFor(language).MoreMatters(15 - rows / 7));
        Assert.True(rows == 7 * 15 || more == 7, $"{rows} rows, {more} days saying how many more");

        // The items in conflict (every fourth) are kept however many are left out.
        Assert.Equal(7 * 4, card.Lines.Count(l => l.Contains('⚠')));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Build_Day_PassesTheSchema(Language language)
    {
        CardSchema.AssertValid(AgendaCard.Build(Day(), language));
        CardSchema.AssertValid(AgendaCard.Build(Day() with { Items = [], Unavailable = ["x"] }, language));
    }

    private static Localization.CardText CardTextFor(Language language) => Localization.CardText.For(language);
}
