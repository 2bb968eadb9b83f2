using System.ComponentModel.DataAnnotations;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Limits;

namespace OfficeBot.Application.Tests.Configuration;

/// <summary>Departments as an administrator writes them in configuration, checked as at start-up (binding is tested through the host).</summary>
public sealed class DepartmentOptionsTests
{
    [Fact]
    public void Validate_NoDepartments_IsValid() => Assert.Empty(Problems(new OfficeOptions()));

    [Fact]
    public void Validate_PersonInTwoDepartments_IsRefusedNamingBoth()
    {
        var office = Office(Department("秘書處", "head-sec", "wei"), Department("財務處", "head-fin", "WEI"));

        var problem = Assert.Single(Problems(office));

        Assert.Contains("WEI", problem);
        Assert.Contains("'秘書處' (Office:Departments:0)", problem);
        Assert.Contains("'財務處' (Office:Departments:1)", problem);
    }

    [Fact]
    public void Validate_DepartmentPastedTwice_NamesTenPeopleAndCountsTheRest()
    {
        var members = Enumerable.Range(1, 30).Select(i => $"person-{i}").ToArray();

        var problems = Problems(Office(Department("秘書處", "head-sec", members), Department("財務處", "head-fin", members)));

        Assert.Equal(11, problems.Count);
        Assert.Equal("20 more people are in two departments.", problems[^1]);
    }

    [Fact]
    public void Validate_HeadOfOneListedAsMemberOfAnother_IsRefused() =>
        Assert.Contains("in two departments", Assert.Single(Problems(Office(Department("秘書處", "head-sec"), Department("財務處", "head-fin", "head-sec")))));

    [Fact]
    public void Validate_HeadAlsoListedAmongTheirOwnMembers_IsValidAndCountedOnce()
    {
        var office = Office(Department("秘書處", "head-sec", "head-sec", "wei"));

        Assert.Empty(Problems(office));
        Assert.Equal(["head-sec", "wei"], office.Departments[0].ToDepartment().Members);
    }

    [Theory]
    [InlineData("", "head", "Office:Departments:0:Name is required")]
    [InlineData("   ", "head", "Office:Departments:0:Name is required")]
    [InlineData("秘書處", "", "Office:Departments:0:Head is required")]
    [InlineData("秘書處", " ", "Office:Departments:0:Head is required")]
    public void Validate_MissingNameOrHead_IsRefusedNamingTheSetting(string name, string head, string expected) =>
        Assert.Contains(Problems(Office(Department(name, head, "wei"))), p => p.StartsWith(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("chen@contoso.com", "an e-mail address or sign-in name")]
    [InlineData("陳處長", "a name")]
    [InlineData("Chen Hsiao-mei", "several words")]
    [InlineData("29:1a2b3c", "a Teams user id")]
    public void Validate_HeadThatIsNoObjectId_IsRefusedNamingTheDepartmentAndTheHead(string head, string looksLike)
    {
        var problem = Assert.Single(Problems(Office(Department("秘書處", head, "wei"))));

        Assert.StartsWith($"Office:Departments:0:Head '{head}' of '秘書處' looks like {looksLike}, not an Entra object id", problem);
    }

    [Fact]
    public void Validate_MemberThatIsAnEmailAddress_IsRefusedNamingTheDepartment() =>
        Assert.Contains("Office:Departments:0:Members of '秘書處' has 'wei@contoso.com'", Assert.Single(Problems(Office(Department("秘書處", "head", "wei@contoso.com")))));

    [Fact]
    public void UnlistedHeads_AreThoseNamedNowhereElse()
    {
        var office = Office(Department("秘書處", "head-sec", "wei"), Department("財務處", "mei", "MEI", "chen"), Department("人事處", "leader-1"));
        office.Leaders = ["leader-1"];

        Assert.Empty(Problems(office));
        Assert.Equal([(0, "秘書處", "head-sec")], DepartmentOptions.UnlistedHeads(office));
    }

    [Fact]
    public void Validate_EmptyMemberId_IsRefused() =>
        Assert.Contains("Office:Departments:0:Members of '秘書處' must not contain empty ids", Assert.Single(Problems(Office(Department("秘書處", "head", "wei", "")))));

    [Fact]
    public void Validate_NameAtTheLimit_IsValidAndOneOverIsRefused()
    {
        Assert.Empty(Problems(Office(Department(new string('處', InputLimits.DepartmentName), "head"))));

        var problem = Assert.Single(Problems(Office(Department(new string('處', InputLimits.DepartmentName + 1), "head"))));
        Assert.Contains($"longer than {InputLimits.DepartmentName}", problem);
    }

    [Fact]
    public void Validate_TwoDepartmentsWithOneName_IsRefused() =>
        Assert.Contains("is already the name of Office:Departments:0", Assert.Single(Problems(Office(Department("秘書處", "h1"), Department("秘書處", "h2")))));

    [Fact]
    public void Validate_TooManyDepartments_IsRefused()
    {
        var atLimit = Enumerable.Range(0, InputLimits.Departments).Select(i => Department($"處{i}", $"head-{i}")).ToArray();
        Assert.Empty(Problems(Office(atLimit)));

        var problem = Assert.Single(Problems(Office([.. atLimit, Department("多一處", "one-more")])));
        Assert.Contains($"at most {InputLimits.Departments}", problem);
    }

    [Fact]
    public void ValidateDataAnnotations_PersonInTwoDepartments_Fails()
    {
        // What the host's ValidateDataAnnotations().ValidateOnStart() runs.
        var office = Office(Department("秘書處", "head-sec", "wei"), Department("財務處", "head-fin", "wei"));
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(office, new ValidationContext(office), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("財務處", StringComparison.Ordinal));
    }

    private static OfficeOptions Office(params DepartmentOptions[] departments) => new() { Departments = [.. departments] };

    private static DepartmentOptions Department(string name, string head, params string[] members) => new() { Name = name, Head = head, Members = [.. members] };

    private static List<string> Problems(OfficeOptions office) =>
        office.Validate(new ValidationContext(office)).Select(r => r.ErrorMessage!).ToList();
}
