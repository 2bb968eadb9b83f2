using System.ComponentModel.DataAnnotations;
using System.Globalization;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Configuration;

/// <summary>One department (<c>Office:Departments:N</c>): its name, its head and its members, by Entra object id.</summary>
public sealed class DepartmentOptions
{
    private const int MaxOverlapsNamed = 10;

    public string Name { get; set; } = string.Empty;

    /// <summary>Entra object id of the department head, who belongs to the department without being listed in <see cref="Members"/>.</summary>
    public string Head { get; set; } = string.Empty;

    /// <summary>Entra object ids of the people in the department.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>
    /// Heads whom the configuration names nowhere else: not listed among their department's members, not a director or
    /// leader. Allowed (a head may lead from outside), but an id mistyped there would take every escalation to nobody,
    /// so they are logged at start-up and shown to the directors until the bot has met them.
    /// </summary>
    public static IEnumerable<(int Index, string Department, string Head)> UnlistedHeads(OfficeOptions office)
    {
        var roles = office.Directors.Concat(office.Leaders).Select(id => id?.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < office.Departments.Count; i++)
        {
            var configured = office.Departments[i];
            var head = configured.Head?.Trim() ?? string.Empty;
            if (head.Length > 0 && !roles.Contains(head) && !configured.Members.Any(m => string.Equals(m?.Trim(), head, StringComparison.OrdinalIgnoreCase)))
            {
                yield return (i, UserText.Clean(configured.Name) ?? string.Empty, head);
            }
        }
    }

    /// <summary>What an id that cannot be an Entra object id looks like instead (a name, an e-mail address, a Teams id), or null.</summary>
    public static string? NotAnObjectId(string id) =>
        id.Contains('@', StringComparison.Ordinal) ? "an e-mail address or sign-in name"
        : id.Any(c => c > '\u007e') ? "a name"
        : id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "several words"
        : id.StartsWith("29:", StringComparison.Ordinal) || id.StartsWith("8:orgid:", StringComparison.OrdinalIgnoreCase) ? "a Teams user id"
        : null;

    private static string Shown(string id) => id.Length > 64 ? id[..64] + "…" : id;

    public Department ToDepartment() =>
        new(UserText.Clean(Name) ?? string.Empty, Head?.Trim() ?? string.Empty, Members.Select(id => id?.Trim() ?? string.Empty));

    /// <summary>
    /// What is wrong with the configured departments, each message naming the setting. Data annotations do not reach into
    /// list items, so <see cref="OfficeOptions"/> asks for these itself.
    /// </summary>
    public static IEnumerable<ValidationResult> Validate(IReadOnlyList<DepartmentOptions> configured)
    {
        const string Section = OfficeOptions.Section + ":" + nameof(OfficeOptions.Departments);
        string[] member = [nameof(OfficeOptions.Departments)];
        if (configured.Count > InputLimits.Departments)
        {
            yield return new ValidationResult($"{Section} lists {configured.Count} departments; at most {InputLimits.Departments} are allowed.", member);
            yield break;
        }

        var departments = configured.Select(d => d.ToDepartment()).ToList();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < departments.Count; i++)
        {
            var department = departments[i];
            var path = $"{Section}:{i}";
            if (department.Name.Length == 0)
            {
                yield return new ValidationResult($"{path}:Name is required.", member);
            }
            else if (new StringInfo(department.Name).LengthInTextElements > InputLimits.DepartmentName)
            {
                yield return new ValidationResult($"{path}:Name is longer than {InputLimits.DepartmentName} characters.", member);
            }
            else if (!names.TryAdd(department.Name, i))
            {
                yield return new ValidationResult($"{path}:Name '{department.Name}' is already the name of {Section}:{names[department.Name]}.", member);
            }

            if (department.Head.Length == 0)
            {
                // Escalation goes to the head of the lead's department: a department without one would silently drop it.
                yield return new ValidationResult($"{path}:Head is required: the Entra object id of the head of '{department.Name}'.", member);
            }
            else if (NotAnObjectId(department.Head) is { } what)
            {
                // Escalations would go to an id no one has: refused rather than dropped without a word.
                yield return new ValidationResult(
                    $"{path}:Head '{Shown(department.Head)}' of '{department.Name}' looks like {what}, not an Entra object id; give the head's object id (Entra admin centre, Users, Object ID).", member);
            }

            if (configured[i].Members.Any(string.IsNullOrWhiteSpace))
            {
                yield return new ValidationResult($"{path}:Members of '{department.Name}' must not contain empty ids.", member);
            }

            if (department.Members.FirstOrDefault(id => id.Length > InputLimits.Id) is { } tooLong)
            {
                yield return new ValidationResult($"{path} ('{department.Name}') has an id longer than {InputLimits.Id} characters: '{tooLong[..32]}…'.", member);
            }

            if (department.Members.Skip(1).FirstOrDefault(id => id.Length > 0 && NotAnObjectId(id) is not null) is { } notAnId)
            {
                yield return new ValidationResult(
                    $"{path}:Members of '{department.Name}' has '{Shown(notAnId)}', which looks like {NotAnObjectId(notAnId)}, not an Entra object id.", member);
            }
        }

        // A department pasted twice would otherwise give one message per member and bury the other problems.
        var overlaps = DepartmentDirectory.Overlaps(departments).Where(o => o.ObjectId.Length > 0).ToList();
        foreach (var (id, first, other) in overlaps.Take(MaxOverlapsNamed))
        {
            yield return new ValidationResult(
                $"'{id}' is in two departments, '{departments[first].Name}' ({Section}:{first}) and '{departments[other].Name}' ({Section}:{other}); a person belongs to one department.",
                member);
        }

        if (overlaps.Count > MaxOverlapsNamed)
        {
            yield return new ValidationResult($"{overlaps.Count - MaxOverlapsNamed} more people are in two departments.", member);
        }
    }
}
