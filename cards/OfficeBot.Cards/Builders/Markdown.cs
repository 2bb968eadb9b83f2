using System.Text;
using System.Text.RegularExpressions;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// TextBlocks and fact values render Markdown in Teams, so a title "[Click to verify](https://evil.example) **URGENT**"
/// became a live, bold link on a card the bot pushed to a director. Every text a person wrote (titles, notes, reasons,
/// instructions, urge texts, names, notices quoting them) is escaped so it shows exactly as typed. TextRuns render no
/// Markdown and are left as they are.
/// </summary>
internal static partial class Markdown
{
    /// <summary>The text with Markdown's inline markers (emphasis, links, code, strike) and line-start list markers escaped.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscaping().IsMatch(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A backslash is literal unless it stands before punctuation, where it would escape (or un-escape) it.
            if (c is '*' or '_' or '[' or ']' or '`' or '~' || (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1])))
            {
                builder.Append('\\');
            }
            else if (lineStart && ListMarker().Match(text, i) is { Success: true } marker)
            {
                // "- item", "+ item", "1. item" at a line's start would become a list; escape the marker's last character.
                builder.Append(text, i, marker.Length - 1).Append('\\');
                i += marker.Length - 1;
                c = text[i];
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return builder.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    [GeneratedRegex(@"[\\*_\[\]`~]|(?:^|\n) *(?:[-+]|\d+\.) ")]
    private static partial Regex NeedsEscaping();

    [GeneratedRegex(@"\G(?:[-+]|\d+\.)(?= )")]
    private static partial Regex ListMarker();
}
