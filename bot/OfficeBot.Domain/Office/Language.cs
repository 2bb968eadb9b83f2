namespace OfficeBot.Domain.Office;

/// <summary>The three scripts OfficeBot reads and answers in.</summary>
public enum Language
{
    English,
    Traditional,
    Simplified,
}

public static class Languages
{
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
