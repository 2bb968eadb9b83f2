using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>The card of one matter: what it is, who handles it, when it is due, what happened last.</summary>
public static class MatterCard
{
    public const int MaxHistoryLines = 5;

    /// <param name="actions">The buttons for the viewer's role, drawn at the foot of the card.</param>
    /// <param name="refresh">Lets Teams fetch each listed user's own view.</param>
    public static AdaptiveCard Build(
        MatterView matter,
        Language language,
        IReadOnlyList<CardAction>? actions = null,
        CardRefresh? refresh = null)
    {
        var text = CardText.For(language);
        var card = FullWidthCard();
        card.Refresh = refresh;

        card.Body.Add(Header(matter));
        card.Body.Add(StatusLine(matter, text));
        card.Body.Add(Facts(matter, text));

        if (!string.IsNullOrWhiteSpace(matter.Description))
        {
            card.Body.Add(new TextBlock(Clip(matter.Description, MaxDescriptionLength)) { Wrap = true, Separator = true });
        }

        AddHistory(card.Body, matter, text);

        if (actions is { Count: > 0 })
        {
            card.Actions = [.. actions];
        }

        return card;
    }

    private static ColumnSet Header(MatterView matter) => new()
    {
        Columns =
        [
            new Column
            {
                Width = Column.Auto,
                Items = [new TextBlock($"#{matter.Number}") { Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Accent }],
            },
            new Column
            {
                Width = Column.Stretch,
                Items = [new TextBlock(Clip(matter.Title, MaxTitleLength)) { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }],
            },
        ],
    };

    private static TextBlock StatusLine(MatterView matter, CardText text)
    {
        var parts = new List<string>();
        if (matter.Light != TrafficLight.None)
        {
            parts.Add(text.LightName(matter.Light));
        }

        parts.Add(text.StatusName(matter.Status));
        if (matter.Light == TrafficLight.Red && matter.OverdueWorkingDays > 0)
        {
            parts.Add(text.OverdueBy(matter.OverdueWorkingDays));
        }

        return new TextBlock(string.Join(Dot, parts))
        {
            Size = FontSize.Medium,
            Weight = FontWeight.Bolder,
            Color = LightColor(matter.Light, matter.Status),
            Wrap = true,
            Spacing = Spacing.Small,
        };
    }

    private static FactSet Facts(MatterView matter, CardText text)
    {
        var open = !matter.Status.IsClosed();
        var facts = new List<Fact> { new(text.Source, text.SourceName(matter.Source)) };

        if (!string.IsNullOrWhiteSpace(matter.DocumentNumber))
        {
            facts.Add(new Fact(text.DocumentNumber, Clip(matter.DocumentNumber, MaxDocumentNumberLength)));
        }

        facts.Add(new Fact(text.Urgency, text.UrgencyName(matter.Urgency)));
        facts.Add(new Fact(text.Lead, matter.Lead is null
            ? text.NotAssigned
            : Person(matter.Lead, open ? Receipt(matter.LeadAcknowledged, text) : null)));

        for (var i = 0; i < matter.CoHandlers.Count; i++)
        {
            var coHandler = matter.CoHandlers[i];
            var state = text.CoHandlingStateName(coHandler.State);
            var detail = open ? state + Dot + Receipt(coHandler.Acknowledged, text) : state;
            // Only the first row carries the label, so the co-handlers read as one group.
            facts.Add(new Fact(i == 0 ? text.CoHandlers : "", Person(coHandler.Person, detail)));
        }

        facts.Add(new Fact(text.Due, matter.Due is { } due ? text.FormatDate(due) : text.NoDue));
        if (matter.IsExtended)
        {
            facts.Add(new Fact(text.OriginalDue, text.FormatDate(matter.OriginalDue!.Value)));
        }

        facts.Add(new Fact(text.RegisteredBy, Name(matter.Registrar.DisplayName)));
        return new FactSet { Facts = facts, Separator = true };
    }

    private static string Person(PersonView person, string? detail) =>
        detail is null ? Name(person.DisplayName) : Name(person.DisplayName) + Dot + detail;

    private static string Receipt(bool acknowledged, CardText text) =>
        acknowledged ? "✓ " + text.Acknowledged : text.NotAcknowledged;

    private static void AddHistory(List<CardElement> body, MatterView matter, CardText text)
    {
        var shown = matter.RecentHistory.Count <= MaxHistoryLines
            ? matter.RecentHistory
            : matter.RecentHistory.Skip(matter.RecentHistory.Count - MaxHistoryLines).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(text.RecentHistory) { Weight = FontWeight.Bolder, Separator = true });
        foreach (var line in shown)
        {
            body.Add(new RichTextBlock
            {
                Spacing = Spacing.Small,
                Inlines =
                [
                    new TextRun(CardText.FormatTimestamp(line.When) + "  ") { IsSubtle = true, Size = FontSize.Small },
                    new TextRun(Name(line.Actor)) { Weight = FontWeight.Bolder, Size = FontSize.Small },
                    new TextRun(text.Colon + Clip(line.Text, MaxHistoryTextLength)) { Size = FontSize.Small },
                ],
            });
        }

        var hidden = Math.Max(matter.TotalHistoryCount, matter.RecentHistory.Count) - shown.Count;
        if (hidden > 0)
        {
            body.Add(new TextBlock(text.MoreHistory(hidden)) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small });
        }
    }
}
