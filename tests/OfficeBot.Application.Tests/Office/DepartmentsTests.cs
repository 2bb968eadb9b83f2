using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;

namespace OfficeBot.Application.Tests.Office;

public sealed class DepartmentsTests
{
    [Fact]
    public void Of_ConfiguredPeople_AreFoundWithTheirHead()
    {
        var departments = new Departments(new ChangingOptions(Office(("秘書處", "head-sec", ["wei"]), ("財務處", "head-fin", ["kuo"]))));

        Assert.Equal("秘書處", departments.Of("wei")?.Name);
        Assert.Equal("head-sec", departments.HeadOf("wei"));
        Assert.Equal("head-fin", departments.HeadOf("head-fin"));
        Assert.Equal(["head-fin", "kuo"], departments.MembersOf("財務處"));
        Assert.Null(departments.Of("stranger"));
    }

    [Fact]
    public void Of_AfterTheConfigurationChanges_AnswersFromTheNewOne()
    {
        var options = new ChangingOptions(Office(("秘書處", "head-sec", ["wei"])));
        var departments = new Departments(options);
        Assert.Equal("秘書處", departments.Of("wei")?.Name);

        options.CurrentValue = Office(("財務處", "head-fin", ["wei"]));

        Assert.Equal("財務處", departments.Of("wei")?.Name);
        Assert.Null(departments.Of("head-sec"));
    }

    [Fact]
    public void Current_WhileTheConfigurationStaysTheSame_IsBuiltOnce()
    {
        var departments = new Departments(new ChangingOptions(Office(("秘書處", "head-sec", ["wei"]))));

        Assert.Same(departments.Current, departments.Current);
    }

    [Fact]
    public void Of_NameWithSurroundingSpaces_IsShownTrimmed() =>
        Assert.Equal("秘書處", new Departments(new ChangingOptions(Office(("  秘書處 ", " head-sec ", [" wei"])))).Of("wei")?.Name);

    private static OfficeOptions Office(params (string Name, string Head, string[] Members)[] departments) => new()
    {
        Departments = [.. departments.Select(d => new DepartmentOptions { Name = d.Name, Head = d.Head, Members = [.. d.Members] })],
    };

    /// <summary>Like the host's monitor: the same instance until the configuration reloads, then a new one.</summary>
    private sealed class ChangingOptions(OfficeOptions value) : IOptionsMonitor<OfficeOptions>
    {
        public OfficeOptions CurrentValue { get; set; } = value;

        public OfficeOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<OfficeOptions, string?> listener) => null;
    }
}
