using System.Text.RegularExpressions;
using OfficeBot.Application.Localization;
using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Tests;

/// <summary>The meeting request's right form and example, shown with its parse errors, in every language.</summary>
public sealed partial class MeetingMessagesTests
{
    private static readonly CommandParser Meetings = new(new CommandParserOptions { MeetingRequests = true });

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    public void ExampleOf_Meeting_ParsesAsAMeetingRequestWithRoomAndUrgency(Language language)
    {
        var example = new Messages(language).ExampleOf(CommandVerb.Meeting);
        var names = TypedMention().Matches(example).Select(m => m.Groups["name"].Value).ToArray();
        var text = TypedMention().Replace(example, m => $"<at>{m.Groups["name"].Value}</at>");
        var now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

        var parsed = Meetings.Parse(new ParseInput(text, [.. names.Select(n => new MentionRef("29:" + n, n))], now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei")));

        var command = Assert.IsType<MeetingRequestCommand>(parsed.Command);
        Assert.Equal(names.Length, command.Leaders.Count);
        Assert.NotNull(command.Room);
        Assert.True(command.Urgent);
    }

    [Theory]
    [InlineData(Language.English, "meeting")]
    [InlineData(Language.Traditional, "會議")]
    [InlineData(Language.Simplified, "会议")]
    public void FormOf_Meeting_StartsWithTheCommandWordOfTheLanguage(Language language, string word)
    {
        var say = new Messages(language);

        Assert.StartsWith(word + " ", say.FormOf(CommandVerb.Meeting), StringComparison.Ordinal);
        Assert.NotEqual(say.FormOf(CommandVerb.Help), say.FormOf(CommandVerb.Meeting));
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    public void ParseProblem_MeetingWithoutTitle_AsksForASubjectNotAMatterTitle(Language language)
    {
        var say = new Messages(language);

        Assert.NotEqual(
            say.ParseProblem(new ParseError(ParseErrorKind.MissingTitle, "new", null)),
            say.ParseProblem(new ParseError(ParseErrorKind.MissingTitle, "會議", null)));
    }

    [Theory]
    [InlineData(ParseErrorKind.MeetingEndNotAfterStart)]
    [InlineData(ParseErrorKind.MeetingInPast)]
    [InlineData(ParseErrorKind.MeetingTooLong)]
    [InlineData(ParseErrorKind.MeetingEndMissing)]
    [InlineData(ParseErrorKind.UnrecognisedMeetingTime)]
    [InlineData(ParseErrorKind.MissingMeetingTime)]
    public void ParseProblem_MeetingTimeProblem_NamesTheTimeAsWrittenInEveryLanguage(ParseErrorKind kind)
    {
        foreach (var language in new[] { Language.English, Language.Traditional, Language.Simplified })
        {
            Assert.Contains("12月9日下午4點到2點", new Messages(language).ParseProblem(new ParseError(kind, "會議", "12月9日下午4點到2點")), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"@(?<name>\S+)")]
    private static partial Regex TypedMention();
}
