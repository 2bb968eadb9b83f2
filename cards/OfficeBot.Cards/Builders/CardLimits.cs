using OfficeBot.Cards.Model;

namespace OfficeBot.Cards.Builders;

/// <summary>
/// How much user text a card carries. A card is first drawn generously; when it would pass the size budget (heavy
/// matters: long descriptions, many notes, many candidates) it is drawn again with tighter limits, so it always fits.
/// </summary>
internal sealed record CardLimits(int Description, int Note, int HistoryText, int Name, int Candidates, int HistoryLines)
{
    /// <summary>Under Teams' comfortable 28 KB with room for the activity around the card.</summary>
    public const int BudgetBytes = 27 * 1024;

    // Candidates are only the fallback beside Teams' people picker (which searches the whole organisation) and the
    // initial values it shows, so a short list does; every one of them costs card bytes in each people form.
    public static readonly CardLimits Normal = new(Description: 2000, Note: 500, HistoryText: 300, Name: 64, Candidates: 20, HistoryLines: 60);

    public static readonly CardLimits Compact = new(Description: 600, Note: 200, HistoryText: 120, Name: 40, Candidates: 10, HistoryLines: 40);

    public static readonly CardLimits Minimal = new(Description: 150, Note: 60, HistoryText: 50, Name: 24, Candidates: 5, HistoryLines: 15);

    private static readonly CardLimits[] Steps = [Normal, Compact, Minimal];

    public static AdaptiveCard Fit(Func<CardLimits, AdaptiveCard> build) => Fit(Steps, build);

    /// <summary>The card drawn at the first of <paramref name="steps"/> (generous first) that fits the budget, else at the last.</summary>
    public static AdaptiveCard Fit<TStep>(IReadOnlyList<TStep> steps, Func<TStep, AdaptiveCard> build)
    {
        AdaptiveCard card = null!;
        foreach (var step in steps)
        {
            card = build(step);
            if (card.Utf8Size() <= BudgetBytes)
            {
                break;
            }
        }

        return card;
    }
}
