using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>A matter's history, oldest first and newest last; a very long history keeps its newest entries and counts the rest.</summary>
public static class HistoryCard
{
    /// <param name="matter">Its <see cref="MatterView.RecentHistory"/> holds every entry to show.</param>
    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            card.Body.Add(Header(matter));
            card.Body.Add(StatusLine(matter, text));
            if (matter.RecentHistory.Count == 0)
            {
                card.Body.Add(new TextBlock(text.NoHistory) { IsSubtle = true, Wrap = true, Separator = true });
            }
            else
            {
                AddHistory(card.Body, matter, text, limits, limits.HistoryLines, text.FullHistory);
            }

            return card;
        });
}
