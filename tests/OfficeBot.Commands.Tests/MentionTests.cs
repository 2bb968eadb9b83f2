using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class MentionTests
{
    [Fact]
    public void Parse_TwoPeopleWithSameDisplayName_MapInOrder()
    {
        var first = new MentionRef("29:first", "王小明");
        var second = new MentionRef("29:second", "王小明");

        var matter = Parse("新事項 報告 主辦 <at>王小明</at> 會辦 <at>王小明</at>", first, second).Command<NewMatterCommand>();

        Assert.Equal(first, matter.Lead);
        Assert.Equal([second], matter.CoHandlers);
    }

    [Fact]
    public void Parse_EntitiesInOtherOrderThanText_MapByName()
    {
        var matter = Parse("新事項 報告 主辦 <at>王小明</at> 會辦 <at>李大華</at>", Lee, Wang).Command<NewMatterCommand>();

        Assert.Equal(Wang, matter.Lead);
        Assert.Equal([Lee], matter.CoHandlers);
    }

    [Fact]
    public void Parse_MentionGluedToChineseKeywordInsideTitle_IsTheLead()
    {
        var matter = Parse("新事項 預算報告主辦<at>王小明</at>", Wang).Command<NewMatterCommand>();

        Assert.Equal("預算報告", matter.Title);
        Assert.Equal(Wang, matter.Lead);
    }

    [Fact]
    public void Parse_SeveralCoHandlersWithSeparators_AreAllTakenOnce()
    {
        var matter = Parse("新事項 報告 會辦 <at>李大華</at>、<at>陳美玲</at>和<at>李大華</at>", Lee, Chen, Lee)
            .Command<NewMatterCommand>();

        Assert.Equal([Lee, Chen], matter.CoHandlers);
        Assert.Equal("報告", matter.Title);
    }

    [Fact]
    public void Parse_MentionInTitleWithoutKeyword_StaysInTitleAsDisplayName()
    {
        var matter = Parse("new Call <at>Bob Smith</at> about budget", Bob).Command<NewMatterCommand>();

        Assert.Equal("Call Bob Smith about budget", matter.Title);
        Assert.Null(matter.Lead);
    }

    [Fact]
    public void Parse_EncodedNameInAtTag_MatchesEntityName()
    {
        var team = new MentionRef("29:rd", "R&D Team");

        var matter = Parse("new Review lead <at>R&amp;D Team</at>", team).Command<NewMatterCommand>();

        Assert.Equal(team, matter.Lead);
    }

    [Theory]
    [InlineData("新事項 報告 主辦 @王小明", "@王小明")]
    [InlineData("新事項 報告 主辦 王小明", "王小明")]
    [InlineData("新事项 报告 会办：财务处", "财务处")]
    [InlineData("new Report lead @Bob", "@Bob")]
    [InlineData("轉辦 #12 @王小明", "@王小明")]
    [InlineData("新事項 報告 主辦 <at>王小明</at>", "@王小明")]
    [InlineData("transfer #12 <at>Bob</at>", "@Bob")]
    public void Parse_PersonWithoutMatchingMentionEntity_IsUnknownMention(string text, string detail)
    {
        // Only Bob Smith is mentioned; a typed @name or a tag whose name has no entity never names a person.
        var error = Parse(text, Bob).Error(ParseErrorKind.UnknownMention);

        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Parse_SecondTagWithSameNameButOneEntity_IsUnknownMention()
    {
        var error = Parse("新事項 報告 主辦 <at>王小明</at> 會辦 <at>王小明</at>", Wang).Error(ParseErrorKind.UnknownMention);

        Assert.Equal("@王小明", error.Detail);
    }
}
