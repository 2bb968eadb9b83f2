using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class ShowMeetingTests
{
    private static readonly CommandParser Meetings = new(new CommandParserOptions { MeetingRequests = true });

    private static ParseResult ParseMeeting(string text, params MentionRef[] mentions) =>
        Meetings.Parse(new ParseInput(text, mentions, Now, Zone));

    [Theory]
    [InlineData("查看會議 M3")]
    [InlineData("查看会议 M3")]
    [InlineData("查看會議M3")]
    [InlineData("查看會議 m3")]
    [InlineData("查看會議 3")]
    [InlineData("查看会议 #3")]
    [InlineData("show meeting M3")]
    [InlineData("Show Meeting m3")]
    [InlineData("view meeting M3")]
    [InlineData("show meeting 3")]
    [InlineData("show M3")]
    [InlineData("SHOW m3")]
    [InlineData("view M3")]
    [InlineData("查看 M3")]
    [InlineData("查看M3")]
    [InlineData("查看 Ｍ３")]
    [InlineData("查看\u3000ｍ３")]
    [InlineData("會議 M3")]
    [InlineData("会议 m3。")]
    [InlineData("meeting M3")]
    [InlineData("查看會議 M3 謝謝")]
    public void Parse_MeetingNumber_GivesShowMeeting(string text)
    {
        Assert.Equal(new ShowMeetingCommand(3), ParseMeeting(text).Command<ShowMeetingCommand>());
    }

    [Fact]
    public void Parse_LargestMeetingNumber_IsRead()
    {
        Assert.Equal(new ShowMeetingCommand(999999999), ParseMeeting("show M999999999").Command<ShowMeetingCommand>());
    }

    [Theory]
    [InlineData("查看會議", null)]
    [InlineData("查看會議 M0", "M0")]
    [InlineData("查看会议 M-1", "M-1")]
    [InlineData("show meeting M99999999999", "M99999999999")]
    [InlineData("show meeting budget", "budget")]
    [InlineData("查看 M0", "M0")]
    [InlineData("show M-1", "M-1")]
    [InlineData("show m99999999999", "m99999999999")]
    [InlineData("查看 Ｍ０", "Ｍ０")]
    [InlineData("會議 M0", "M0")]
    [InlineData("meeting M-1", "M-1")]
    public void Parse_NoValidMeetingNumber_IsMissingMeetingNumberUnderTheShowMeetingWord(string text, string? detail)
    {
        var error = ParseMeeting(text).Error(ParseErrorKind.MissingMeetingNumber);

        Assert.Equal(detail, error.Detail);
        Assert.Equal(CommandVerb.ShowMeeting, CommandParser.VerbOf(error.CommandWord));
    }

    [Theory]
    [InlineData("查看 #12", 12)]
    [InlineData("查看12", 12)]
    [InlineData("show #12", 12)]
    [InlineData("view 12", 12)]
    public void Parse_MatterNumber_StillShowsTheMatter(string text, int number)
    {
        Assert.Equal(new ShowMatterCommand(number), ParseMeeting(text).Command<ShowMatterCommand>());
    }

    [Theory]
    [InlineData("show Monday")]
    [InlineData("查看 會議記錄")]
    public void Parse_ShowWithNeitherNumber_IsStillMissingMatterNumber(string text)
    {
        ParseMeeting(text).Error(ParseErrorKind.MissingMatterNumber);
    }

    [Fact]
    public void Parse_MeetingWordWithNumberAndMore_IsAMeetingRequest()
    {
        var command = ParseMeeting($"meeting M3 follow-up tomorrow 2-4pm leaders {At(Wang)}", Wang).Command<MeetingRequestCommand>();

        Assert.Equal("M3 follow-up", command.Title);
    }

    [Theory]
    [InlineData("show M3")]
    [InlineData("查看 M3")]
    [InlineData("查看會議 M3")]
    [InlineData("show meeting M3")]
    public void Parse_MeetingRequestsNotEnabled_ReadsShowAsAMatterNumberAsBefore(string text)
    {
        Assert.Equal(CommandVerb.Show, CommandParser.VerbOf(Parse(text).Error(ParseErrorKind.MissingMatterNumber).CommandWord));
    }

    [Theory]
    [InlineData("會議 M3")]
    [InlineData("meeting M3")]
    public void Parse_MeetingRequestsNotEnabled_MeetingWordStaysFreeText(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), Parse(text).Command);
    }
}
