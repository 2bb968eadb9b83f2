using System.Globalization;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Builders;

/// <summary>Pieces shared by the builders.</summary>
internal static class CardParts
{
    public const int MaxTitleLength = 300;
    public const int MaxListTitleLength = 60;
    /// <summary>Free text on the simple cards (error, notice); matter cards take theirs from <see cref="CardLimits"/>.</summary>
    public const int MaxDescriptionLength = 2000;
    public const int MaxDocumentNumberLength = 100;

    public const string Dot = " · ";

    /// <summary>Shortens user text to keep a card well under Teams' size limit, never splitting a character or an emoji.</summary>
    public static string Clip(string text, int maxTextElements)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= maxTextElements
            ? text
            : info.SubstringByTextElements(0, maxTextElements - 1) + "…";
    }

    /// <summary>User text for a TextBlock or fact: clipped like <see cref="Clip"/>, then Markdown-escaped so it shows as typed.</summary>
    public static string Plain(string text, int maxTextElements) => Markdown.Escape(Clip(text, maxTextElements));

    public static TextColor LightColor(TrafficLight light, MatterStatus status) => light switch
    {
        TrafficLight.Red => TextColor.Attention,
        TrafficLight.Yellow => TextColor.Warning,
        TrafficLight.Green => TextColor.Good,
        _ => status is MatterStatus.Completed or MatterStatus.Archived ? TextColor.Good : TextColor.Default,
    };

    public static string LightEmoji(TrafficLight light) => light switch
    {
        TrafficLight.Red => "🔴",
        TrafficLight.Yellow => "🟡",
        TrafficLight.Green => "🟢",
        _ => "⚪",
    };

    public static AdaptiveCard FullWidthCard() => new() { MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth } };
}
