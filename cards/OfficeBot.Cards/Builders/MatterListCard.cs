using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>A compact list of matters: one row each with light, number, title, status and due date.</summary>
public static class MatterListCard
{
    public const int MaxRows = 25;

    public static AdaptiveCard Build(string heading, IReadOnlyList<MatterView> items, Language language, string emptyText)
    {
        var text = CardText.For(language);
        var card = FullWidthCard();
        card.Body.Add(new TextBlock(heading) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading });

        if (items.Count == 0)
        {
            card.Body.Add(new TextBlock(emptyText) { Wrap = true, IsSubtle = true });
            return card;
        }

        foreach (var matter in items.Take(MaxRows))
        {
            card.Body.Add(Row(matter, text));
        }

        if (items.Count > MaxRows)
        {
            card.Body.Add(new TextBlock(text.MoreMatters(items.Count - MaxRows)) { IsSubtle = true, Separator = true });
        }

        return card;
    }

    private static ColumnSet Row(MatterView matter, CardText text) => new()
    {
        Separator = true,
        Spacing = Spacing.Small,
        Columns =
        [
            new Column { Width = "20px", Items = [new TextBlock(LightEmoji(matter.Light))] },
            new Column { Width = Column.Auto, Items = [new TextBlock($"#{matter.Number}") { Weight = FontWeight.Bolder }] },
            new Column { Width = Column.Stretch, Items = [new TextBlock(Plain(matter.Title, MaxListTitleLength)) { Wrap = true, MaxLines = 2 }] },
            new Column { Width = Column.Auto, Items = [new TextBlock(text.StatusName(matter.Status)) { IsSubtle = true }] },
            new Column
            {
                Width = Column.Auto,
                Items = [new TextBlock(matter.Due is { } due ? text.FormatShortDate(due) : "—") { Color = LightColor(matter.Light, matter.Status) }],
            },
        ],
    };
}
