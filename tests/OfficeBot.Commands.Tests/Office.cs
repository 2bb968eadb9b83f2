using OfficeBot.Commands;

namespace OfficeBot.Commands.Tests;

/// <summary>The office every test runs in: Taipei, Thursday 2026-11-26 at 10:00.</summary>
internal static class Office
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly MentionRef Wang = new("29:wang", "王小明");
    public static readonly MentionRef Lee = new("29:lee", "李大華");
    public static readonly MentionRef Chen = new("29:chen", "陳美玲");
    public static readonly MentionRef Bob = new("29:bob", "Bob Smith");

    // One parser for the whole run, as in the host: the recogniser models are built once.
    public static readonly CommandParser Parser = new();

    public static ParseResult Parse(string text, params MentionRef[] mentions) =>
        Parser.Parse(new ParseInput(text, mentions, Now, Zone));

    public static ParseResult ParseAt(DateTimeOffset now, string text) =>
        Parser.Parse(new ParseInput(text, [], now, Zone));

    public static string At(MentionRef person) => $"<at>{person.DisplayName}</at>";

    public static T Command<T>(this ParseResult result) where T : Command
    {
        Assert.Null(result.Error);
        return Assert.IsType<T>(result.Command);
    }

    public static ParseError Error(this ParseResult result, ParseErrorKind kind)
    {
        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
        Assert.Equal(kind, result.Error.Kind);
        return result.Error;
    }

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
