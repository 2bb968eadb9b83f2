using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Tests;

public sealed class DepartmentDirectoryTests
{
    private static readonly Department Secretariat = new("秘書處", "head-sec", ["wei", "mei"]);
    private static readonly Department Finance = new("財務處", "head-fin", ["kuo"]);
    private static readonly DepartmentDirectory Directory = new([Secretariat, Finance]);

    [Theory]
    [InlineData("wei", "秘書處")]
    [InlineData("WEI", "秘書處")] // object ids compare without case, as everywhere else
    [InlineData("kuo", "財務處")]
    [InlineData("head-fin", "財務處")] // the head belongs to the department they head
    public void Of_KnownPerson_IsTheirDepartment(string objectId, string expected) =>
        Assert.Equal(expected, Directory.Of(objectId)?.Name);

    [Fact]
    public void Of_PersonInNoDepartment_IsNull()
    {
        Assert.Null(Directory.Of("stranger"));
        Assert.Null(Directory.HeadOf("stranger"));
        Assert.Null(DepartmentDirectory.Empty.Of("wei"));
    }

    [Theory]
    [InlineData("mei", "head-sec")]
    [InlineData("kuo", "head-fin")]
    [InlineData("head-sec", "head-sec")]
    public void HeadOf_Member_IsTheHeadOfTheirDepartment(string objectId, string expected) =>
        Assert.Equal(expected, Directory.HeadOf(objectId));

    [Fact]
    public void MembersOf_Department_ListsTheHeadFirstThenTheMembersOnce()
    {
        var department = new Department("秘書處", "head-sec", ["wei", "HEAD-SEC", "mei", "wei"]);

        Assert.Equal(["head-sec", "wei", "mei"], new DepartmentDirectory([department]).MembersOf("秘書處"));
        Assert.Empty(Directory.MembersOf("不存在的處"));
    }

    [Fact]
    public void Overlaps_PersonInTwoDepartments_NamesBoth()
    {
        var departments = new[] { Secretariat, Finance, new Department("人事處", "head-hr", ["Mei"]) };

        var overlap = Assert.Single(DepartmentDirectory.Overlaps(departments));

        Assert.Equal(("Mei", 0, 2), overlap);
    }

    [Fact]
    public void Overlaps_HeadOfOneListedInAnother_IsAnOverlap() =>
        Assert.Single(DepartmentDirectory.Overlaps([Secretariat, new Department("人事處", "head-hr", ["head-sec"])]));

    [Fact]
    public void Of_PersonListedTwiceAnyway_StaysInTheFirstDepartment()
    {
        var directory = new DepartmentDirectory([Secretariat, new Department("人事處", "wei", [])]);

        Assert.Equal("秘書處", directory.Of("wei")?.Name);
        Assert.Equal("head-sec", directory.HeadOf("wei"));
    }
}
