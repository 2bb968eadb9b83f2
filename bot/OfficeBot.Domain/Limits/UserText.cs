using System.Text;

namespace OfficeBot.Domain.Limits;

/// <summary>
/// The one cleaning every text a person supplies goes through before it is checked or stored. Bidirectional control
/// characters are removed because they let a title display differently from what it says (U+202E turns
/// "exe.txt" into "txt.exe" on screen); nothing else is changed, so what is stored is what was written.
/// </summary>
public static class UserText
{
    /// <summary>The text without bidi controls and surrounding white space; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var stripped = StripBidiControls(text).Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    /// <summary>The text without the embedding, override, isolate and mark characters of the Unicode bidi algorithm.</summary>
    public static string StripBidiControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsBidiControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks), U+061C (Arabic letter mark).</summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
