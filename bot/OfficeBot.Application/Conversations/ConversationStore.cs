using OfficeBot.Application.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Conversations;

/// <summary>
/// Where OfficeBot can reach someone later: a conversation reference (opaque JSON written by the edge) per user and per
/// conversation, saved whenever they talk to the bot or install it. Proactive reminders and notifications read it.
/// </summary>
public sealed record SavedConversation(string TenantId, string ServiceUrl, string ConversationId, string ConversationType, string ReferenceJson, DateTimeOffset SavedAt);

public sealed class ConversationStore(ITableStore store)
{
    public const string Table = "conversations";

    /// <summary>The latest reference wins by design: it is the address the person can be reached at now.</summary>
    public async Task SaveForUserAsync(string objectId, SavedConversation conversation, CancellationToken cancellationToken) =>
        await store.UpsertAsync(Table, new StoredRow(MatterKeys.Partition(conversation.TenantId), UserKey(objectId), StoredJson.Serialize(conversation)), cancellationToken);

    public async Task SaveForConversationAsync(SavedConversation conversation, CancellationToken cancellationToken) =>
        await store.UpsertAsync(Table, new StoredRow(MatterKeys.Partition(conversation.TenantId), ConversationKey(conversation.ConversationId), StoredJson.Serialize(conversation)), cancellationToken);

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

    /// <summary>Any conversation of the tenant the bot has been part of: its service URL and bot account open new personal chats.</summary>
    public async Task<SavedConversation?> AnyForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), "c|", "c}", 1, cancellationToken))
        {
            return StoredJson.Deserialize<SavedConversation>(row.Data);
        }

        return null;
    }

    private static string UserKey(string objectId) => "u|" + MatterKeys.Safe(objectId.ToLowerInvariant());

    private static string ConversationKey(string conversationId) => "c|" + MatterKeys.Safe(conversationId);
}
