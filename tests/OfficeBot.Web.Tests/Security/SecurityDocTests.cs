using System.Reflection;
using System.Text.RegularExpressions;
using OfficeBot.Domain.Limits;
using OfficeBot.Testing;

namespace OfficeBot.Web.Tests.Security;

/// <summary>docs/security.md shows the limits to operators; the code is where they live, so the page must agree with it.</summary>
public sealed partial class SecurityDocTests
{
    [Fact]
    public void LimitsTable_ListsEveryLimitWithItsValueInTheCode()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "security.md"));
        var rows = LimitRow().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var limits = typeof(InputLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(int)).ToList();

        Assert.NotEmpty(limits);
        Assert.All(limits, limit =>
        {
            Assert.True(rows.TryGetValue(limit.Name, out var shown), $"docs/security.md does not list {limit.Name}");
            Assert.Equal((int)limit.GetRawConstantValue()!, shown);
        });
    }

    [GeneratedRegex(@"^\| `(?<name>\w+)` \|[^|\n]*\| (?<value>\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex LimitRow();
}
