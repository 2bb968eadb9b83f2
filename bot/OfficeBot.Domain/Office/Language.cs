namespace OfficeBot.Domain.Office;

/// <summary>The three scripts OfficeBot reads and answers in.</summary>
public enum Language
{
    English,
    Traditional,
    Simplified,
}

/// <summary>What the text of a message says about its language, as far as it can be told.</summary>
public enum TextScript
{
    /// <summary>Nothing to go by: a card press, "?", "#12", free text in Latin letters.</summary>
    Unclear,

    /// <summary>An English command word.</summary>
    English,

    /// <summary>Chinese, but no character tells the two scripts apart (查看 #12).</summary>
    Chinese,

    Traditional,
    Simplified,
}

public static class Languages
{
    /// <summary>
    /// The language to answer a person in. The script they typed wins when it is clear, so 「帮助」 from a client that
    /// says en-US (the Agents Playground always does) is answered in Simplified; then a Chinese client locale; then an
    /// English command word; then the language the person was last answered in (card presses carry no text); then the
    /// locale; then the office default when there is no locale at all. Chinese without a telling character keeps the
    /// person's Chinese script, else the office's, else Traditional.
    /// </summary>
    public static Language Choose(TextScript text, string? locale, Language? remembered, Language officeDefault)
    {
        switch (text)
        {
            case TextScript.Traditional:
                return Language.Traditional;
            case TextScript.Simplified:
                return Language.Simplified;
        }

        var fromLocale = string.IsNullOrWhiteSpace(locale) ? (Language?)null : FromLocale(locale);
        if (fromLocale is Language.Traditional or Language.Simplified)
        {
            return fromLocale.Value;
        }

        return text switch
        {
            TextScript.English => Language.English,
            TextScript.Chinese => remembered is Language.Traditional or Language.Simplified ? remembered.Value
                : officeDefault != Language.English ? officeDefault
                : Language.Traditional,
            _ => remembered ?? fromLocale ?? officeDefault,
        };
    }

    /// <summary>
    /// A locale tag that <see cref="FromLocale"/> reads back as <paramref name="language"/>, for storing a chosen
    /// language: the client's <paramref name="locale"/> when it already says so (zh-HK stays zh-HK), else zh-Hant, zh-Hans or en.
    /// </summary>
    public static string Tag(Language language, string? locale = null) =>
        !string.IsNullOrWhiteSpace(locale) && FromLocale(locale) == language ? locale : language switch
        {
            Language.Traditional => "zh-Hant",
            Language.Simplified => "zh-Hans",
            _ => "en",
        };

    /// <summary>zh-TW/zh-HK/zh-MO → Traditional, zh-CN/zh-SG → Simplified, anything else → English.</summary>
    public static Language FromLocale(string? locale, Language fallback = Language.English)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return fallback;
        }

        var tag = locale.Trim().Replace('_', '-').ToLowerInvariant();
        if (tag.StartsWith("zh", StringComparison.Ordinal))
        {
            if (tag.Contains("hant") || tag.EndsWith("-tw") || tag.EndsWith("-hk") || tag.EndsWith("-mo"))
            {
                return Language.Traditional;
            }

            return Language.Simplified;
        }

        return Language.English;
    }
}
