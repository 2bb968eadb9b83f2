namespace OfficeBot.Application.Messaging;

/// <summary>
/// A card the bot has put in a chat, remembered so it can be updated in place when its matter changes. A card in a
/// personal chat names its one viewer, who gets their own view; a card in a shared chat gets the neutral view, and
/// Teams fetches each person's own through the card's refresh.
/// </summary>
public sealed record SentCard(string TenantId, int MatterNumber, string ConversationId, string ActivityId, string ReferenceJson, string? ViewerObjectId, string? Locale);

/// <summary>
/// Proactive messaging, implemented at the edge (Bot Framework): sends to a person's personal chat through the stored
/// conversation reference, and replaces a sent card in place.
/// </summary>
public interface IMessenger
{
    /// <summary>Sends the reply to the person; null when the bot cannot reach them (never installed, uninstalled).</summary>
    Task<SentCard?> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken);

    /// <summary>Replaces a card sent earlier; false when it can no longer be updated (deleted, bot removed).</summary>
    Task<bool> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken);
}
