using System.Text.Json.Nodes;
using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class ReminderListCardTests
{
    [Fact]
    public void Build_TwoReminders_OneRowEach_WithLightNumberTitleWhyDueAndAShowButtonThatSendsShow()
    {
        var late = Samples.Plain(7) with { Light = TrafficLight.Red, Due = Samples.Office(2025, 12, 1, 23, 59) };
        var soon = Samples.Plain(9) with { Light = TrafficLight.Yellow, Due = Samples.Office(2025, 12, 4, 23, 59) };

        var card = Rendered.Of(ReminderListCard.Build([new ReminderListItem(late, "已逾期 3 個工作日"), new ReminderListItem(soon, "距期限還有 2 個工作日")], Language.Traditional));

        Assert.Equal(["自動催辦：2 項事項待您處理", card.Texts[1], "🔴", "#7", "擬定年度工作要點", "已逾期 3 個工作日", "12月1日（週一）",
            "🟡", "#9", "擬定年度工作要點", "距期限還有 2 個工作日", "12月4日（週四）"], card.Texts);
        Assert.Equal("attention", card.Json["body"]![0]!["style"]!.GetValue<string>());
        var shows = Rendered.Blocks(card.Json).Where(b => b["type"]?.GetValue<string>() == "Action.Submit").ToList();
        Assert.Equal(["查看 #7", "查看 #9"], shows.Select(s => s["data"]!["msteams"]!["text"]!.GetValue<string>()));
        Assert.All(shows, s => Assert.Equal(("查看", "messageBack"), (s["title"]!.GetValue<string>(), s["data"]!["msteams"]!["type"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData(Language.Simplified, "自动催办：25 项事项待您处理", "查看 #1", "另有 5 项未列出")]
    [InlineData(Language.English, "Automatic reminders: 25 matters need you", "show #1", "and 5 more")]
    public void Build_MoreThanTwenty_ShowsTwentyAndHowManyMore_InTheLanguage(Language language, string heading, string show, string more)
    {
        var items = Enumerable.Range(1, 25).Select(n => new ReminderListItem(Samples.Plain(n), "x")).ToList();

        var card = Rendered.Of(ReminderListCard.Build(items, language));

        Assert.Equal(heading, card.Texts[0]);
        Assert.Equal(20, card.Texts.Count(t => t.StartsWith('#')));
        Assert.Equal(more, card.Texts[^1]);
        Assert.Contains(show, card.Json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Build_MarkdownInATitle_IsShownAsWritten()
    {
        var card = Rendered.Of(ReminderListCard.Build([new ReminderListItem(Samples.Plain(1) with { Title = "**[點我](https://evil.example)**" }, "x"),
            new ReminderListItem(Samples.Plain(2), "y")], Language.English));

        Assert.DoesNotContain(card.Texts, t => t.Contains("**[點我](https://evil.example)**", StringComparison.Ordinal));
        Assert.Contains(card.Texts, t => t.Contains("點我", StringComparison.Ordinal));
    }
}
