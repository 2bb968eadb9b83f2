using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficeBot.Commands;

// A message reduced to what the user typed: Teams markup removed, whitespace normalised, and each
// <at>Name</at> replaced by one private-use placeholder character so that it survives as a
// single, unmistakable token while the text is taken apart.
// Markup rule: Teams wraps messages in simple HTML (<p>, <div>, <br>, <span>)
// and writes spaces as &nbsp;; those are Teams' own and are removed silently (tags become a space).
// Any other character entity that is still present (&amp;, &quot;, &#39;, &lt; …)
// was not decoded somewhere upstream (a copy from a web page, a double-encoding connector) and would be stored
// verbatim in a title, so it is reported as garbled text rather than guessed at (see GarbleDetector).
internal sealed partial class MessageText
{
    public const char FirstPlaceholder = '\uE000';
    private const int MaxMentions = 0x1000;
    private const char LastPlaceholder = (char)(FirstPlaceholder + MaxMentions - 1);

    private MessageText(string body, IReadOnlyList<string> tagNames)
    {
        Body = body;
        TagNames = tagNames;
    }

    // The cleaned text; mention i (in text order) is the character FirstPlaceholder + i.
    public string Body { get; }

    // The display text inside each <at> tag, in text order.
    public IReadOnlyList<string> TagNames { get; }

    public static bool IsPlaceholder(char c) => c >= FirstPlaceholder && c < FirstPlaceholder + MaxMentions;

    public static MessageText From(string? text)
    {
        var names = new List<string>();

        // A private-use character the person typed would be read as a mention placeholder (U+E000 as "the first
        // mention" — a wrong person, or an index past the mentions). It becomes U+FFFD, which GarbleDetector
        // answers with "please retype" instead of guessing what the character meant.
        var typed = text ?? string.Empty;
        if (typed.AsSpan().IndexOfAnyInRange(FirstPlaceholder, LastPlaceholder) >= 0)
        {
            typed = string.Create(typed.Length, typed, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = IsPlaceholder(source[i]) ? '\uFFFD' : source[i];
                }
            });
        }

        var body = NonBreakingSpace().Replace(typed, " ");
        body = AtTag().Replace(body, m =>
        {
            if (names.Count >= MaxMentions)
            {
                return " ";
            }

            names.Add(WebUtility.HtmlDecode(m.Groups["name"].Value).Trim());
            return ((char)(FirstPlaceholder + names.Count - 1)).ToString();
        });
        body = HtmlTag().Replace(body, " ");

        var builder = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                    break;
                case '＃':
                    builder.Append('#');
                    break;
                case '＠':
                    builder.Append('@');
                    break;
                case var space when char.IsWhiteSpace(space):
                    if (builder.Length > 0 && builder[^1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return new MessageText(builder.ToString().Trim(), names);
    }

    [GeneratedRegex(@"&nbsp;|&#160;|&#xa0;", RegexOptions.IgnoreCase)]
    private static partial Regex NonBreakingSpace();

    [GeneratedRegex(@"<at(?:\s[^<>]*)?>(?<name>.*?)</at\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();
}

// Pairs each <at> tag with a mention entity: the next unused entity, in activity order, whose name is
// the tag's text. Two mentions of people with the same display name therefore map in order.
internal sealed class MentionTable
{
    private readonly MentionRef[] byOccurrence;

    private MentionTable(MentionRef[] byOccurrence) => this.byOccurrence = byOccurrence;

    // The table, or the text of the first tag that has no entity.
    public static (MentionTable? Table, string? Unmatched) Map(IReadOnlyList<string> tagNames, IReadOnlyList<MentionRef> entities)
    {
        var used = new bool[entities.Count];
        var mapped = new MentionRef[tagNames.Count];
        for (var i = 0; i < tagNames.Count; i++)
        {
            var index = -1;
            for (var e = 0; e < entities.Count && index < 0; e++)
            {
                if (!used[e] && SameName(entities[e].DisplayName, tagNames[i]))
                {
                    index = e;
                }
            }

            if (index < 0)
            {
                return (null, tagNames[i]);
            }

            used[index] = true;
            mapped[i] = entities[index];
        }

        return (new MentionTable(mapped), null);
    }

    public MentionRef this[char placeholder] => byOccurrence[placeholder - MessageText.FirstPlaceholder];

    // text with each placeholder replaced by the person's display name, as Teams shows it.
    public string Restore(string text)
    {
        if (!text.Any(MessageText.IsPlaceholder))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MessageText.IsPlaceholder(c))
            {
                builder.Append(this[c].DisplayName);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool SameName(string entityName, string tagName) =>
        string.Equals(Collapse(WebUtility.HtmlDecode(entityName)), Collapse(tagName), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
