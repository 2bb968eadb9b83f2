using OfficeBot.Domain.Office;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public sealed class HolidaysCommandTests
{
    [Theory]
    [InlineData("假日", TextScript.Chinese)]
    [InlineData("假日安排", TextScript.Chinese)]
    [InlineData("節假日", TextScript.Traditional)]
    [InlineData("节假日", TextScript.Simplified)]
    [InlineData("holidays", TextScript.English)]
    [InlineData("Holidays", TextScript.English)]
    [InlineData("holiday list", TextScript.English)]
    [InlineData("假日清單", TextScript.Traditional)]
    [InlineData("假日清单", TextScript.Simplified)]
    [InlineData("\u3000假日安排？", TextScript.Chinese)]
    public void Parse_HolidaysWord_InAnyScript_IsTheHolidaysCommand(string text, TextScript written)
    {
        var result = Parse(text);

        Assert.IsType<HolidaysCommand>(result.Command<HolidaysCommand>());
        Assert.Equal(written, result.Written);
    }

    [Theory]
    [InlineData("假日加班費怎麼算")]
    [InlineData("假日加班费怎么算")]
    [InlineData("holidays are coming")]
    [InlineData("holidayseason")]
    public void Parse_SentenceStartingWithTheWord_IsFreeTextNotTheCommand(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), Parse(text).Command);
    }

    [Fact]
    public void VerbOf_HolidaysWords_IsHolidays()
    {
        Assert.Equal(CommandVerb.Holidays, CommandParser.VerbOf("假日"));
        Assert.Equal(CommandVerb.Holidays, CommandParser.VerbOf("holidays"));
        Assert.Equal(CommandVerb.Holidays, CommandParser.VerbOf("節假日"));
    }
}
