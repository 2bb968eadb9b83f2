using OfficeBot.Domain.Office;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public sealed class ReportCommandTests
{
    [Theory]
    [InlineData("通報", TextScript.Traditional)]
    [InlineData("督辦通報", TextScript.Traditional)]
    [InlineData("通报", TextScript.Simplified)]
    [InlineData("督办通报", TextScript.Simplified)]
    [InlineData("report", TextScript.English)]
    [InlineData("Report", TextScript.English)]
    [InlineData("  report. ", TextScript.English)]
    [InlineData("\u3000通報！", TextScript.Traditional)]
    public void Parse_ReportWord_InAnyScript_IsTheReportCommand(string text, TextScript written)
    {
        var result = Parse(text);

        Assert.IsType<ReportCommand>(result.Command<ReportCommand>());
        Assert.Equal(written, result.Written);
    }

    [Theory]
    [InlineData("通報一下處長")]
    [InlineData("通报一下处长")]
    [InlineData("report the leak to IT")]
    [InlineData("reporting")]
    public void Parse_SentenceStartingWithTheWord_IsFreeTextNotTheCommand(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), Parse(text).Command);
    }

    [Fact]
    public void VerbOf_ReportWords_IsReport()
    {
        Assert.Equal(CommandVerb.Report, CommandParser.VerbOf("通報"));
        Assert.Equal(CommandVerb.Report, CommandParser.VerbOf("督办通报"));
        Assert.Equal(CommandVerb.Report, CommandParser.VerbOf("report"));
    }
}
