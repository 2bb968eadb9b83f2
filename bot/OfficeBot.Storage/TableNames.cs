using System.Text.RegularExpressions;

namespace OfficeBot.Storage;

/// <summary>
/// Table names follow the Azure rules on both backends (a letter, then letters or digits, 3 to 63 in all),
/// so a name that works on SQLite also works on Azure. A prefix lets a test or benchmark run isolate its tables.
/// </summary>
public static partial class TableNames
{
    /// <summary>Returns <paramref name="table"/>, or throws <see cref="ArgumentException"/> if Azure would reject it.</summary>
    public static string Validate(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!ValidName().IsMatch(table))
        {
            throw new ArgumentException(
                $"'{table}' is not a valid table name: it must start with a letter and contain only letters and digits, 3 to 63 characters.",
                nameof(table));
        }

        return table;
    }

    /// <summary>Joins an optional prefix (a letter, then letters or digits) and a logical table name; both the name and the result must be valid.</summary>
    public static string Qualify(string? prefix, string table)
    {
        // The logical name must be valid on its own: production runs without a prefix.
        Validate(table);
        if (string.IsNullOrEmpty(prefix))
        {
            return table;
        }

        if (!ValidPrefix().IsMatch(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a valid table prefix: it must start with a letter and contain only letters and digits.", nameof(prefix));
        }

        return Validate(prefix + table);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPrefix();
}
