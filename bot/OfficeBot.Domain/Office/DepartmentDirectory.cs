namespace OfficeBot.Domain.Office;

/// <summary>
/// Which department a person belongs to, and who heads it, found by Entra object id in constant time. A person belongs
/// to one department at most. Configuration that lists someone twice is refused at start-up (see <see cref="Overlaps"/>);
/// should such a list reach this directory anyway, the first department keeps the person.
/// </summary>
public sealed class DepartmentDirectory
{
    public static readonly DepartmentDirectory Empty = new([]);

    private readonly Dictionary<string, Department> _byPerson = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Department> _byName = new(StringComparer.OrdinalIgnoreCase);

    public DepartmentDirectory(IEnumerable<Department> departments)
    {
        All = [.. departments];
        foreach (var department in All)
        {
            _byName.TryAdd(department.Name, department);
            foreach (var member in department.Members)
            {
                _byPerson.TryAdd(member, department);
            }
        }
    }

    /// <summary>The departments in the order they are configured.</summary>
    public IReadOnlyList<Department> All { get; }

    /// <summary>The department of the person, or null when they are in none.</summary>
    public Department? Of(string objectId) => _byPerson.GetValueOrDefault(objectId);

    /// <summary>The head of the person's department (the person themselves when they head it), or null when they are in none.</summary>
    public string? HeadOf(string objectId) => Of(objectId)?.Head;

    public Department? Named(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Everyone in the named department, the head first; empty for a name no department has.</summary>
    public IReadOnlyList<string> MembersOf(string name) => Named(name)?.Members ?? [];

    /// <summary>Each person listed in more than one department, with the index of the first department that lists them and of another.</summary>
    public static IEnumerable<(string ObjectId, int First, int Other)> Overlaps(IReadOnlyList<Department> departments)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < departments.Count; i++)
        {
            foreach (var member in departments[i].Members)
            {
                if (!seen.TryAdd(member, i))
                {
                    yield return (member, seen[member], i);
                }
            }
        }
    }
}
