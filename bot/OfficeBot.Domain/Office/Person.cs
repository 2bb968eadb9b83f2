namespace OfficeBot.Domain.Office;

/// <summary>A person, identified by their Entra object id (never by display name, which only labels them).</summary>
public sealed record Person(string ObjectId, string DisplayName)
{
    public bool Is(string objectId) => string.Equals(ObjectId, objectId, StringComparison.OrdinalIgnoreCase);

    public bool Is(Person other) => Is(other.ObjectId);
}

/// <summary>The office-wide roles a person holds in a tenant, from configuration or a director's command.</summary>
[Flags]
public enum OfficeRole
{
    Staff = 0,
    Director = 1,
    Leader = 2,
}
