using OfficeBot.Application.Matters;
using OfficeBot.Storage;

namespace OfficeBot.Application.Messaging;

/// <summary>Every card sent for a matter (partition per tenant, rows by matter then activity), so none of them is left to lie.</summary>
public sealed class SentCardStore(ITableStore store)
{
    public const string Table = "sentcards";
    private const int MaxCardsPerMatter = 200;

    public Task RecordAsync(SentCard card, CancellationToken cancellationToken) =>
        store.UpsertAsync(Table, new StoredRow(MatterKeys.Partition(card.TenantId), Key(card), StoredJson.Serialize(card)), cancellationToken);

    public Task<IReadOnlyList<SentCard>> ForMatterAsync(string tenantId, int number, CancellationToken cancellationToken) =>
        ForPrefixAsync(tenantId, MatterKeys.Matter(number) + "|", cancellationToken);

    /// <summary>Every card sent of meeting request M<paramref name="number"/>.</summary>
    public Task<IReadOnlyList<SentCard>> ForMeetingAsync(string tenantId, int number, CancellationToken cancellationToken) =>
        ForPrefixAsync(tenantId, Meetings.MeetingKeys.Meeting(number) + "|", cancellationToken);

    private async Task<IReadOnlyList<SentCard>> ForPrefixAsync(string tenantId, string prefix, CancellationToken cancellationToken)
    {
        var cards = new List<SentCard>();
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), prefix, MatterKeys.PrefixEnd(prefix), MaxCardsPerMatter, cancellationToken))
        {
            cards.Add(StoredJson.Deserialize<SentCard>(row.Data));
        }

        return cards;
    }

    public async Task ForgetAsync(SentCard card, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, MatterKeys.Partition(card.TenantId), Key(card), cancellationToken);
        if (row?.ETag is { } etag)
        {
            try
            {
                await store.DeleteAsync(Table, row.PartitionKey, row.RowKey, etag, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // Recorded again meanwhile; keep it.
            }
        }
    }

    private static string Key(SentCard card) =>
        $"{(card.MeetingNumber > 0 ? Meetings.MeetingKeys.Meeting(card.MeetingNumber) : MatterKeys.Matter(card.MatterNumber))}|{MatterKeys.Safe(card.ConversationId)}|{MatterKeys.Safe(card.ActivityId)}";
}
