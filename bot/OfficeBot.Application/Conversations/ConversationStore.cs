using OfficeBot.Application.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Conversations;

/// <summary>
/// Where OfficeBot can reach someone later: a conversation reference (opaque JSON written by the edge) per user and per
/// conversation, saved whenever they talk to the bot or install it. Proactive reminders and notifications read it.
/// </summary>
/// <param name="Authenticated">Written from a request that carried a valid Bot Framework token (not anonymous mode).</param>
/// <param name="OwnerObjectId">For a personal chat, the one person it belongs to.</param>
public sealed record SavedConversation(string TenantId, string ServiceUrl, string ConversationId, string ConversationType, string ReferenceJson, DateTimeOffset SavedAt,
    bool Authenticated = false, string? OwnerObjectId = null)
{
    /// <summary>
    /// Whether <paramref name="incoming"/> may replace this address. A stored address decides where the next confidential
    /// card goes, so it moves only for an activity that is consistent with it: same tenant; for a personal chat, the same
    /// person; and a new service URL only when a token vouches for it (the SDK checks the token's serviceurl claim). A
    /// request without a token (anonymous local mode) never replaces an address written by an authenticated one.
    /// </summary>
    public bool MayBeReplacedBy(SavedConversation incoming)
    {
        if (!string.Equals(TenantId, incoming.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Authenticated && !incoming.Authenticated)
        {
            return false;
        }

        if (OwnerObjectId is not null && !string.Equals(OwnerObjectId, incoming.OwnerObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return incoming.Authenticated || string.Equals(ServiceUrl, incoming.ServiceUrl, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ConversationStore(ITableStore store)
{
    public const string Table = "conversations";

    /// <summary>Conversation rows read at most when looking for the tenant's shared chats (personal chats are among them).</summary>
    private const int MaxConversationsRead = 500;

    /// <summary>
    /// The latest consistent reference wins: it is the address the person can be reached at now. False when the stored
    /// one may not be replaced by it (<see cref="SavedConversation.MayBeReplacedBy"/>); nothing is written then.
    /// </summary>
    public Task<bool> SaveForUserAsync(string objectId, SavedConversation conversation, CancellationToken cancellationToken) =>
        SaveAsync(UserKey(objectId), conversation, cancellationToken);

    /// <inheritdoc cref="SaveForUserAsync"/>
    public Task<bool> SaveForConversationAsync(SavedConversation conversation, CancellationToken cancellationToken) =>
        SaveAsync(ConversationKey(conversation.ConversationId), conversation, cancellationToken);

    public async Task<SavedConversation?> ForUserAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, MatterKeys.Partition(tenantId), UserKey(objectId), cancellationToken);
        return row is null ? null : StoredJson.Deserialize<SavedConversation>(row.Data);
    }

    public async Task<SavedConversation?> ForConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, MatterKeys.Partition(tenantId), ConversationKey(conversationId), cancellationToken);
        return row is null ? null : StoredJson.Deserialize<SavedConversation>(row.Data);
    }

    /// <summary>
    /// Where to post in a conversation: its own address, or for a channel whose only address is one of its threads
    /// (<c>19:…@thread.tacv2;messageid=…</c>, saved when someone @mentioned the bot there), that thread's.
    /// </summary>
    public async Task<SavedConversation?> ForPostingAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (await ForConversationAsync(tenantId, conversationId, cancellationToken) is { } saved)
        {
            return saved;
        }

        var thread = ConversationKey(conversationId + ";");
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), thread, MatterKeys.PrefixEnd(thread), 1, cancellationToken))
        {
            return StoredJson.Deserialize<SavedConversation>(row.Data);
        }

        return null;
    }

    /// <summary>Any conversation of the tenant the bot has been part of: its service URL and bot account open new personal chats.</summary>
    public async Task<SavedConversation?> AnyForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), "c|", "c}", 1, cancellationToken))
        {
            return StoredJson.Deserialize<SavedConversation>(row.Data);
        }

        return null;
    }

    /// <summary>
    /// Up to <paramref name="take"/> group chats and channels of the tenant the bot is in: their rosters name colleagues
    /// whom a personal chat's roster (the person and the bot) cannot.
    /// </summary>
    public async Task<IReadOnlyList<SavedConversation>> SharedForTenantAsync(string tenantId, int take, CancellationToken cancellationToken)
    {
        var shared = new List<SavedConversation>();
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), "c|", "c}", MaxConversationsRead, cancellationToken))
        {
            var conversation = StoredJson.Deserialize<SavedConversation>(row.Data);
            if (conversation.ConversationType is not "personal" && shared.Count < take)
            {
                shared.Add(conversation);
            }
        }

        return shared;
    }

    private async Task<bool> SaveAsync(string key, SavedConversation conversation, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(conversation.TenantId);
        var existing = await store.GetAsync(Table, partition, key, cancellationToken);
        if (existing is not null && !StoredJson.Deserialize<SavedConversation>(existing.Data).MayBeReplacedBy(conversation))
        {
            return false;
        }

        await store.UpsertAsync(Table, new StoredRow(partition, key, StoredJson.Serialize(conversation)), cancellationToken);
        return true;
    }

    private static string UserKey(string objectId) => "u|" + MatterKeys.Safe(objectId.ToLowerInvariant());

    private static string ConversationKey(string conversationId) => "c|" + MatterKeys.Safe(conversationId);
}
