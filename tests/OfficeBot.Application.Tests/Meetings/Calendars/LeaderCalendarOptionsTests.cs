using System.ComponentModel.DataAnnotations;
using OfficeBot.Application.Meetings.Calendars;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

public sealed class LeaderCalendarOptionsTests
{
    private static List<string> Problems(LeaderCalendarOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

    private static LeaderCalendarOptions With(params (string? Leader, string? Ics)[] feeds) => new()
    {
        Feeds = feeds.Select(f => new LeaderCalendarOptions.LeaderFeed { Leader = f.Leader, Ics = f.Ics }).ToList(),
    };

    [Fact]
    public void Validate_FileAndHttpsFeeds_NoProblems()
    {
        Assert.Empty(Problems(With(("a", "calendars/a.ics"), ("b", "https://calendar.example.org/feeds/b.ics"))));
    }

    [Fact]
    public void Validate_NoFeeds_NoProblems()
    {
        Assert.Empty(Problems(new LeaderCalendarOptions()));
    }

    [Theory]
    [InlineData("http://calendar.example.org/b.ics")]
    [InlineData("ftp://calendar.example.org/b.ics")]
    [InlineData("http://127.0.0.1:8080/b.ics")]
    public void Validate_NotHttps_NamesTheSetting(string url)
    {
        var problem = Assert.Single(Problems(With(("b", url))));

        Assert.StartsWith("Office:LeaderCalendars:Feeds:0:Ics", problem);
        Assert.Contains("must be an https URL", problem);
    }

    [Fact]
    public void Validate_HttpOnLoopbackWhenAllowed_NoProblems()
    {
        var options = With(("b", "http://127.0.0.1:8080/b.ics"));
        options.AllowHttpOnLoopback = true;

        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Validate_EmptyLeaderOrFeed_SaysWhichKey()
    {
        var problems = Problems(With((" ", "a.ics"), ("b", "")));

        Assert.Contains(problems, p => p.StartsWith("Office:LeaderCalendars:Feeds:0:Leader is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Office:LeaderCalendars:Feeds:1:Ics is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LeaderGivenTwice_Refused()
    {
        Assert.Contains("names leader a 2 times", Assert.Single(Problems(With(("a", "a.ics"), ("A", "b.ics")))));
    }

    [Fact]
    public void Problems_FeedFileMissing_NamesKeyAndPath()
    {
        var problem = Assert.Single(With(("a", "Meetings/Calendars/nowhere.ics")).Problems(AppContext.BaseDirectory, ["a"]));

        Assert.StartsWith("Office:LeaderCalendars:Feeds:0:Ics: calendar file 'Meetings/Calendars/nowhere.ics' was not found", problem);
    }

    [Fact]
    public void Problems_LeaderNotInOfficeLeaders_Refused()
    {
        var problem = Assert.Single(With(("b", "Meetings/Calendars/kinds.ics")).Problems(AppContext.BaseDirectory, ["a"]));

        Assert.Contains("Feeds:0:Leader 'b' is not listed in Office:Leaders", problem);
    }

    [Fact]
    public void Problems_ListedLeaderWithExistingFileAndUrl_None()
    {
        var options = With(("A", "Meetings/Calendars/kinds.ics"), ("b", "https://calendar.example.org/b.ics"));

        Assert.Empty(options.Problems(AppContext.BaseDirectory, ["a", "b"]));
    }

    [Fact]
    public void Parse_UrlWithSecretToken_DisplaysOnlyHostAndFileName()
    {
        var location = IcsLocation.Parse("https://outlook.office365.com/owa/calendar/0a1b/s3cr3t-t0ken/calendar.ics?key=s3cr3t", false);

        Assert.Equal("https://outlook.office365.com/…/calendar.ics", location.Display);
        Assert.DoesNotContain("s3cr3t", location.Display);
    }
}
