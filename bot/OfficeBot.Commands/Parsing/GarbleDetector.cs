using System.Text.RegularExpressions;

namespace OfficeBot.Commands;

// Spots text that was damaged before it reached us, so that it is sent back to the user instead of being stored:
// leftover HTML character entities (see MessageText for which entities are Teams' own),
// the replacement character U+FFFD, UTF-8/GBK/Big5 bytes shown as Latin-1 or Windows-1252 ("æ–°äº‹é …", "ÄãºÃ", "§A¦n"),
// 锟斤拷-style artefacts, and pinyin annotations pasted from a dictionary ("職責(zé)").
internal static partial class GarbleDetector
{
    private const int MaxDetailLength = 24;

    // The offending fragment, or null when the text looks like something a person typed.
    public static string? Find(string text)
    {
        if (Entity().Match(text) is { Success: true } entity)
        {
            return entity.Value;
        }

        if (PinyinAnnotation().Match(text) is { Success: true } pinyin && ToneMark().IsMatch(pinyin.Groups["syllable"].Value))
        {
            return pinyin.Value;
        }

        foreach (var pattern in (Regex[])[Replacement(), Utf8AsLatin1(), DoubleByteAsLatin1(), KnownArtefact()])
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return Surrounding(text, match);
            }
        }

        return null;
    }

    // The whitespace-delimited word around the match, or the match with a little context when that word is long.
    private static string Surrounding(string text, Match match)
    {
        var start = match.Index;
        var end = match.Index + match.Length;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        if (end - start <= MaxDetailLength)
        {
            return text[start..end];
        }

        start = Math.Max(match.Index - 4, 0);
        end = Math.Min(match.Index + match.Length + 4, text.Length);
        return text[start..end];
    }

    [GeneratedRegex(@"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF][(（](?<syllable>[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,7})[)）]")]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")]
    private static partial Regex ToneMark();

    [GeneratedRegex(@"\uFFFD+")]
    private static partial Regex Replacement();

    // A UTF-8 lead byte read as Latin-1/cp1252 (Â-ï) followed by continuation bytes (0x80-0xBF, or their cp1252 glyphs):
    // one three-byte sequence (a CJK character), or two two-byte sequences in a row. "café", "Größe" and "naïve" do not match.
    [GeneratedRegex(@"[\u00E0-\u00EF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{2}|(?:[\u00C2-\u00DF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]){2}|[ÃÂ][\u0080-\u00BF\u2018-\u201E\u20AC\u2122]")]
    private static partial Regex Utf8AsLatin1();

    // GBK or Big5 double-byte characters read as Latin-1: a high byte followed by a high byte or (Big5) an ASCII
    // trail byte, at least twice in a row ("ÄãºÃ" = 你好 in GBK, "§A¦n" = 你好 in Big5).
    [GeneratedRegex(@"(?:[\u00A1-\u00F9][\u0040-\u007E\u00A1-\u00FE]){2,}")]
    private static partial Regex DoubleByteAsLatin1();

    [GeneratedRegex(@"锟斤拷|烫烫烫|屯屯屯|燙燙燙")]
    private static partial Regex KnownArtefact();
}
