using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>One matter on a reminder list, and why it is reminded now ("due in 2 working days", "overdue by 3 working days").</summary>
public sealed record ReminderListItem(MatterView Matter, string Why);

/// <summary>
/// A person's automatic reminders that came due together, as one message instead of a burst (SPEC §6): a row per matter
/// with its light, number, title, why, due date and a Show button that opens the matter's own card (with its 催辦 answers).
/// </summary>
public static class ReminderListCard
{
    public const int MaxRows = 20;

    public static AdaptiveCard Build(IReadOnlyList<ReminderListItem> items, Language language)
    {
        var text = CardText.For(language);
        var card = FullWidthCard();
        card.Body.Add(new Container
        {
            Style = items.Any(i => i.Matter.Light == Domain.Matters.TrafficLight.Red) ? ContainerStyle.Attention : ContainerStyle.Warning,
            Items =
            [
                new TextBlock(text.ReminderList(items.Count)) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(text.ReminderListNote) { Wrap = true, IsSubtle = true, Size = FontSize.Small },
            ],
        });

        foreach (var item in items.Take(MaxRows))
        {
            card.Body.Add(Row(item, text));
        }

        if (items.Count > MaxRows)
        {
            card.Body.Add(new TextBlock(text.MoreMatters(items.Count - MaxRows)) { IsSubtle = true, Separator = true });
        }

        return card;
    }

    private static ColumnSet Row(ReminderListItem item, CardText text)
    {
        var matter = item.Matter;
        return new ColumnSet
        {
            Separator = true,
            Spacing = Spacing.Small,
            Columns =
            [
                new Column { Width = "20px", Items = [new TextBlock(LightEmoji(matter.Light))] },
                new Column { Width = Column.Auto, Items = [new TextBlock($"#{matter.Number}") { Weight = FontWeight.Bolder }] },
                new Column
                {
                    Width = Column.Stretch,
                    Items =
                    [
                        new TextBlock(Plain(matter.Title, MaxListTitleLength)) { Wrap = true, MaxLines = 2 },
                        new TextBlock(Plain(item.Why, 2 * MaxListTitleLength)) { Wrap = true, MaxLines = 2, IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.None },
                    ],
                },
                new Column
                {
                    Width = Column.Auto,
                    Items = [new TextBlock(matter.Due is { } due ? text.FormatShortDate(due) : "—") { Color = LightColor(matter.Light, matter.Status) }],
                },
                new Column
                {
                    Width = Column.Auto,
                    Items = [new ActionSet { Actions = [SubmitAction.MessageBack(text.ActShow, $"{text.ShowCommand} #{matter.Number}")] }],
                },
            ],
        };
    }
}
