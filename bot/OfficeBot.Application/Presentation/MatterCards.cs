using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Presentation;

/// <summary>The matter card as one person sees it — their buttons, a refresh for everyone else's view — for replies to commands and to card presses alike.</summary>
public sealed class MatterCards(MatterService matters, MatterPresenter presenter, CardContexts contexts)
{
    /// <param name="notice">A line at the top of the card (a confirmation, a refusal, what changed), or null.</param>
    /// <param name="summary">What notifications and screen readers show; defaults to the notice, else "#12 title".</param>
    /// <param name="tone">Whether the notice is a problem (warning colours), a success or plain information.</param>
    /// <param name="note">A plain line under the notice, e.g. that the due date falls on a day off.</param>
    public async Task<Reply> ForViewerAsync(Matter matter, Actor viewer, Language language, string? notice, CancellationToken cancellationToken, string? summary = null,
        NoticeTone tone = NoticeTone.Attention, string? note = null)
    {
        var context = await contexts.ForAsync(matter, viewer, notice, cancellationToken) with { Tone = tone, Note = note };
        return await DrawAsync(matter, language, context, summary ?? notice, cancellationToken);
    }

    /// <summary>
    /// The card for a group chat or channel: no one's buttons (everyone there sees it), with a refresh that gives each of
    /// the matter's people and the directors their own view.
    /// </summary>
    public async Task<Reply> ForSharedChatAsync(Matter matter, Language language, string? notice, CancellationToken cancellationToken,
        NoticeTone tone = NoticeTone.Attention, string? note = null)
    {
        var context = await contexts.NeutralAsync(matter, cancellationToken, notice) with { Tone = tone, Note = note };
        return await DrawAsync(matter, language, context, notice, cancellationToken);
    }

    private async Task<Reply> DrawAsync(Matter matter, Language language, CardContext context, string? summary, CancellationToken cancellationToken)
    {
        var history = await matters.RecentHistoryAsync(matter, MatterPresenter.HistoryLinesOnCard, cancellationToken);
        var card = MatterCard.Build(presenter.View(matter, history, language), language, context);
        return new Reply(summary ?? $"#{matter.Number} {matter.State.Title}", card, matter.Number) { Revision = matter.State.Revision };
    }
}
