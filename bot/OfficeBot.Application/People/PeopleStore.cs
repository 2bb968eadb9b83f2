using System.Collections.Concurrent;
using System.Diagnostics;
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

    /// <summary>Teams ids remembered in memory; a person's Teams id in a tenant never changes, so they need no expiry, only a bound.</summary>
    private const int MaxRememberedTeamsIds = 20_000;

    /// <summary>
    /// How long a tenant's list of choices is reused. Every card drawn for a director or a lead offers it (two per
    /// registration: the reply and the lead's notice), which read and parsed up to 200 rows each time. A save here drops
    /// it at once; a person met through another instance appears in the choices at most this much later.
    /// </summary>
    private static readonly TimeSpan ChoicesLifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, string> _teamsIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<KnownPerson> People, long ReadAt)> _choices = new(StringComparer.Ordinal);
    private long _saves;

    public async Task SaveAsync(string tenantId, KnownPerson person, CancellationToken cancellationToken)
    {
        await store.UpsertAsync(Table, new StoredRow(MatterKeys.Partition(tenantId), MatterKeys.Safe(person.ObjectId.ToLowerInvariant()), StoredJson.Serialize(person)), cancellationToken);
        Interlocked.Increment(ref _saves);
        _choices.TryRemove(tenantId, out _);
        RememberTeamsId(tenantId, person);
    }

    /// <summary>
    /// Saves a person met through a roster or an @mention (who may never have written to the bot), unless they are
    /// already known with this Teams id: their own locale and any unreachable note are kept.
    /// </summary>
    public async Task MeetAsync(string tenantId, string objectId, string displayName, string teamsUserId, CancellationToken cancellationToken)
    {
        if (_teamsIds.TryGetValue(TeamsIdKey(tenantId, objectId), out var remembered) && remembered == teamsUserId)
        {
            return;
        }

        var known = await FindAsync(tenantId, objectId, cancellationToken);
        if (known is { TeamsUserId: { } id } && id == teamsUserId)
        {
            return;
        }

        await SaveAsync(tenantId, (known ?? new KnownPerson(objectId, displayName, null)) with { TeamsUserId = teamsUserId }, cancellationToken);
    }

    /// <summary>
    /// The Teams ids (<c>29:…</c>) of the given people, in their order, for those the bot has met; Teams expects these in a
    /// card's <c>refresh.userIds</c>, not Entra object ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> TeamsIdsAsync(string tenantId, IEnumerable<string> objectIds, CancellationToken cancellationToken)
    {
        var ids = objectIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new string?[ids.Count];
        var lookups = new List<Task>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (_teamsIds.TryGetValue(TeamsIdKey(tenantId, ids[i]), out var cached))
            {
                found[i] = cached;
                continue;
            }

            lookups.Add(LookUpAsync(i));
        }

        await Task.WhenAll(lookups);
        return found.Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToList();

        async Task LookUpAsync(int index) => found[index] = (await FindAsync(tenantId, ids[index], cancellationToken))?.TeamsUserId;
    }

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
        var person = row is null ? null : StoredJson.Deserialize<KnownPerson>(row.Data);
        if (person is not null)
        {
            RememberTeamsId(tenantId, person);
        }

        return person;
    }

    public async Task<IReadOnlyList<KnownPerson>> AllAsync(string tenantId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (_choices.TryGetValue(tenantId, out var cached) && Stopwatch.GetElapsedTime(cached.ReadAt, started) < ChoicesLifetime)
        {
            return cached.People;
        }

        var saves = Interlocked.Read(ref _saves);
        var people = new List<KnownPerson>();
        await foreach (var row in store.QueryAsync(Table, MatterKeys.Partition(tenantId), take: MaxChoices, cancellationToken: cancellationToken))
        {
            people.Add(StoredJson.Deserialize<KnownPerson>(row.Data));
        }

        // Not kept if a save here landed during the read: the list might lack it.
        if (Interlocked.Read(ref _saves) == saves)
        {
            _choices[tenantId] = (people.AsReadOnly(), started);
        }

        return people;
    }

    private static string TeamsIdKey(string tenantId, string objectId) => $"{tenantId}|{objectId.ToLowerInvariant()}";

    private void RememberTeamsId(string tenantId, KnownPerson person)
    {
        if (string.IsNullOrEmpty(person.TeamsUserId))
        {
            return;
        }

        if (_teamsIds.Count >= MaxRememberedTeamsIds)
        {
            _teamsIds.Clear();
        }

        _teamsIds[TeamsIdKey(tenantId, person.ObjectId)] = person.TeamsUserId;
    }
}
