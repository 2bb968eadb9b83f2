using OfficeBot.Application.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage;

namespace OfficeBot.Application.People;

/// <summary>
/// The people of a tenant the bot has met (they wrote to it, installed it, or were mentioned), with the name Teams shows
/// and, as a locale tag, the language they were last answered in (their client's at first; the script they write in once
/// they write), which their notifications follow. Cards offer them as choices, e.g. a lead in the director's instruction form.
/// <see cref="TeamsUserId"/> lets the bot open a personal chat with someone it has only met in a channel;
/// <see cref="UnreachableSince"/> records that a message to them could not be delivered (for the director), until they
/// next talk to the bot.
/// </summary>
public sealed record KnownPerson(string ObjectId, string DisplayName, string? Locale, string? TeamsUserId = null, DateTimeOffset? UnreachableSince = null, string? UnreachableReason = null)
{
    public Person Person => new(ObjectId, DisplayName);
}

public sealed class PeopleStore(ITableStore store)
{
    public const string Table = "people";
    private const int MaxChoices = 200;

    public Task SaveAsync(string tenantId, KnownPerson person, CancellationToken cancellationToken) =>
        store.UpsertAsync(Table, new StoredRow(MatterKeys.Partition(tenantId), MatterKeys.Safe(person.ObjectId.ToLowerInvariant()), StoredJson.Serialize(person)), cancellationToken);

    /// <summary>
    /// Notes that a message to the person could not be delivered (gone, or no address): kept on their row for the
    /// director. A person already noted for the same reason is not written again.
    /// </summary>
    public Task MarkUnreachableAsync(string tenantId, KnownPerson person, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        person.UnreachableSince is not null && person.UnreachableReason == reason
            ? Task.CompletedTask
            : SaveAsync(tenantId, person with { UnreachableSince = person.UnreachableSince ?? at, UnreachableReason = reason }, cancellationToken);

    public async Task<KnownPerson?> FindAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, MatterKeys.Partition(tenantId), MatterKeys.Safe(objectId.ToLowerInvariant()), cancellationToken);
        return row is null ? null : StoredJson.Deserialize<KnownPerson>(row.Data);
    }

    public async Task<IReadOnlyList<KnownPerson>> AllAsync(string tenantId, CancellationToken cancellationToken)
    {
        var people = new List<KnownPerson>();
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), take: MaxChoices, cancellationToken: cancellationToken))
        {
            people.Add(StoredJson.Deserialize<KnownPerson>(row.Data));
        }

        return people;
    }
}
