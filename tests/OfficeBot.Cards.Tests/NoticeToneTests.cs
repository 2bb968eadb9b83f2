using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>The line at the top of a matter card reads as what it says: a success is not drawn as a warning.</summary>
public class NoticeToneTests
{
    [Fact]
    public void BuildMatterCard_GoodNotice_ShownFirstInGoodColoursNotAttention()
    {
        var view = Samples.Plain();
        var context = Roles.For("director", view, notice: "Registered #12. Press \"Instruct\" to name its lead and start it.") with { Tone = NoticeTone.Good };

        var card = Rendered.Of(MatterCard.Build(view, Language.English, context));

        Assert.Equal("Registered #12. Press \"Instruct\" to name its lead and start it.", card.Texts[0]);
        Assert.Equal("good", card.Json["body"]![0]!["style"]!.GetValue<string>());
        Assert.Null(card.BlockWithText(card.Texts[0])!["color"]);
        CardSchema.AssertValid(MatterCard.Build(view, Language.English, context));
    }

    [Fact]
    public void BuildMatterCard_NoteUnderTheNotice_IsAPlainLineInTheSameBox()
    {
        var view = Samples.Plain();
        var context = Roles.For("director", view, notice: "已登記 #12。") with { Tone = NoticeTone.Good, Note = "期限是星期六——此前最後一個工作日是12月11日（星期五）。" };

        var card = Rendered.Of(MatterCard.Build(view, Language.Traditional, context));

        var box = card.Json["body"]![0]!["items"]!.AsArray();
        Assert.Equal(["已登記 #12。", "期限是星期六——此前最後一個工作日是12月11日（星期五）。"], box.Select(i => i!["text"]!.GetValue<string>()));
        Assert.Null(box[1]!["weight"]);
        Assert.Equal("#12", card.Texts[2]);
    }

    [Fact]
    public void BuildMatterCard_NoteAlone_IsShownAsInformation()
    {
        var view = Samples.Plain();
        var context = Roles.For("director", view) with { Tone = NoticeTone.Information, Note = "Due on a Sunday — Friday 11 Dec is the last working day before it." };

        var card = Rendered.Of(MatterCard.Build(view, Language.English, context));

        Assert.Equal("Due on a Sunday — Friday 11 Dec is the last working day before it.", card.Texts[0]);
        Assert.Equal("emphasis", card.Json["body"]![0]!["style"]!.GetValue<string>());
    }
}
