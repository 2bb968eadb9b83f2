using OfficeBot.Application.Configuration;

namespace OfficeBot.Application.Tests.Configuration;

/// <summary>Office:Meetings: the rules for every leader, a tenant's own, a leader's own; and every bad value named at start-up.</summary>
public sealed class MeetingOptionsTests
{
    private static MeetingOptions Options() => new()
    {
        MaxMeetingsPerDay = 4,
        Tenants = [new MeetingOptions.TenantRule { TenantId = "tenant-b", MaxMeetingsPerDay = 6, Buffer = TimeSpan.FromMinutes(30) }],
        Leaders = [new MeetingOptions.LeaderRule { Leader = "aad-li", MaxMeetingsPerDay = 2 }],
    };

    [Fact]
    public void ToRules_TenantLimitsReplaceTheOfficesAndALeadersOwnWinOverBoth()
    {
        var a = Options().ToRules("tenant-a");
        var b = Options().ToRules("TENANT-B");

        Assert.Equal(4, a.Defaults.MaxMeetingsPerDay);
        Assert.Equal(TimeSpan.FromMinutes(15), a.Defaults.Buffer);
        Assert.Equal(6, b.Defaults.MaxMeetingsPerDay);
        Assert.Equal(TimeSpan.FromMinutes(30), b.Defaults.Buffer);
        Assert.Equal(2, b.For("aad-li").MaxMeetingsPerDay);
        Assert.Equal(TimeSpan.FromMinutes(30), b.For("aad-li").Buffer);
        Assert.Equal(2, a.For("AAD-LI").MaxMeetingsPerDay);
    }

    [Fact]
    public void Validate_NamesEveryBadKey()
    {
        var options = new MeetingOptions
        {
            MaxMeetingsPerDay = 0,
            SyncInterval = TimeSpan.FromSeconds(5),
            Rooms = ["301", " "],
            Tenants = [new MeetingOptions.TenantRule { TenantId = "", MaxUnbrokenTime = TimeSpan.Zero }],
            Leaders = [new MeetingOptions.LeaderRule { Leader = "aad-nobody" }],
        };

        var problems = options.Validate(["aad-li"]).Select(r => r.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.Contains("Office:Meetings:MaxMeetingsPerDay"));
        Assert.Contains(problems, p => p!.Contains("Office:Meetings:SyncInterval"));
        Assert.Contains(problems, p => p!.Contains("Office:Meetings:Rooms"));
        Assert.Contains(problems, p => p!.Contains("Office:Meetings:Tenants:0:TenantId"));
        Assert.Contains(problems, p => p!.Contains("Office:Meetings:Tenants:0 has a limit out of range"));
        Assert.Contains(problems, p => p!.Contains("Office:Meetings:Leaders:0:Leader 'aad-nobody'"));
        Assert.Empty(new MeetingOptions().Validate([]));
    }
}
