using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Views;

/// <summary>
/// Who a card is drawn for. <paramref name="Viewer"/> holds every role the person plays in the matter (none: a bystander,
/// who gets no state-changing button). <paramref name="Candidates"/> are the people the director may pick as lead or
/// co-handlers, or a lead may propose for a transfer. <paramref name="RefreshUserIds"/> lets Teams fetch each listed
/// user's own view; builders keep the first <see cref="MaxRefreshUsers"/>. <paramref name="Notice"/> is shown at the very
/// top (already localised), in the colours of its <see cref="Tone"/>, e.g. "this card was out of date" or a permission message.
/// </summary>
public sealed record CardContext(
    MatterRole Viewer,
    string ViewerObjectId,
    IReadOnlyList<PersonView> Candidates,
    IReadOnlyList<string> RefreshUserIds,
    string? Notice = null)
{
    /// <summary>Teams' limit on <c>refresh.userIds</c>.</summary>
    public const int MaxRefreshUsers = 60;

    /// <summary>
    /// What the domain lets the viewer do on the matter now (<c>Matter.AvailableActions</c>): the cards draw a button for
    /// each of these and for nothing else. None unless given, so a context nobody filled in draws no buttons.
    /// </summary>
    public IReadOnlySet<MatterAction> Actions { get; init; } = new HashSet<MatterAction>();

    /// <summary>How the notice reads: only a problem is drawn in warning colours, a success such as "registered #12" is not.</summary>
    public NoticeTone Tone { get; init; } = NoticeTone.Attention;

    /// <summary>A plain line under the notice (or alone), e.g. that the due date falls on a day off.</summary>
    public string? Note { get; init; }
}

/// <summary>How the notice at the top of a card reads: a problem to look at, a success, or plain information.</summary>
public enum NoticeTone
{
    Attention,
    Good,
    Information,
}
