namespace OfficeBot.Application.Messaging;

/// <summary>
/// A card the bot has put in a chat, remembered so it can be updated in place when its matter changes. A card in a
/// personal chat names its one viewer, who gets their own view; a card in a shared chat gets the neutral view, and
/// Teams fetches each person's own through the card's refresh.
/// </summary>
public sealed record SentCard(string TenantId, int MatterNumber, string ConversationId, string ActivityId, string ReferenceJson, string? ViewerObjectId, string? Locale, int Revision = 0)
{
    /// <summary>For a meeting request's card: the meeting (then <see cref="MatterNumber"/> is 0).</summary>
    public int MeetingNumber { get; init; }

    /// <summary>The card a reply put in a chat, when it is a matter's or a meeting's (the cards kept up to date); null for any other.</summary>
    public static SentCard? Of(string tenantId, Reply reply, string conversationId, string activityId, string referenceJson, string? viewerObjectId, string? locale) =>
        reply.MatterNumber is { } matter
            ? new SentCard(tenantId, matter, conversationId, activityId, referenceJson, viewerObjectId, locale, reply.Revision)
            : reply.MeetingNumber is { } meeting
                ? new SentCard(tenantId, 0, conversationId, activityId, referenceJson, viewerObjectId, locale, reply.Revision) { MeetingNumber = meeting }
                : null;
}

/// <summary>What became of one proactive message.</summary>
public enum Delivery
{
    /// <summary>Teams accepted it.</summary>
    Delivered,

    /// <summary>The person or the chat is gone for the bot (403/404: uninstalled, blocked, deleted): recorded, not retried.</summary>
    Gone,

    /// <summary>The bot has no way to reach the person (never installed, never talked to it): recorded, not retried.</summary>
    NoAddress,
}

/// <summary>The outcome of sending to a person, with the card as sent when it was delivered.</summary>
public sealed record SendResult(Delivery Delivery, SentCard? Card = null);

/// <summary>
/// Proactive messaging, implemented at the edge (Bot Framework): sends to a person's personal chat through the stored
/// conversation reference, and replaces a sent card in place. A failure that may pass (throttling, the service down)
/// throws <see cref="Outbox.DeliveryDeferredException"/> after the sender's own retries, so the outbox tries again later.
/// </summary>
public interface IMessenger
{
    Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken);

    /// <summary>Posts a new message in a chat or channel the bot is in, by its conversation id (a channel's id starts a new thread).</summary>
    Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken);

    Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken);
}
