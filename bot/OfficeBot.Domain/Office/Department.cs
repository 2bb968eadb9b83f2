namespace OfficeBot.Domain.Office;

/// <summary>A department of the organisation: its name, its head and its members, by Entra object id.</summary>
public sealed class Department
{
    public Department(string name, string head, IEnumerable<string> members)
    {
        Name = name;
        Head = head;
        // The head belongs to the department they head, whether or not the configuration lists them among the members.
        Members = [.. members.Prepend(head).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public string Name { get; }

    public string Head { get; }

    /// <summary>Everyone in the department, the head first.</summary>
    public IReadOnlyList<string> Members { get; }

    public bool IsHead(string objectId) => string.Equals(Head, objectId, StringComparison.OrdinalIgnoreCase);
}
