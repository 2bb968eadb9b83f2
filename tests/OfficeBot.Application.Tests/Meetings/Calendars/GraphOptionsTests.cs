using OfficeBot.Application.Meetings.Calendars;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>Office:Graph checked at start-up, every bad key named.</summary>
public sealed class GraphOptionsTests
{
    private const string Leader = "00000000-0000-0000-0000-00000000000a";

    [Fact]
    public void Problems_SwitchedOff_NothingChecked()
    {
        var options = new GraphOptions { BaseUrl = "nonsense", Mailboxes = [new GraphOptions.LeaderMailbox()] };

        Assert.Empty(options.Problems([]));
    }

    [Fact]
    public void Problems_SwitchedOnWithDefaults_OnlyTheTenantIsMissing()
    {
        var problems = new GraphOptions { Enabled = true }.Problems([]);

        Assert.Equal(["Office:Graph:TenantId"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void Problems_EveryBadKey_NamedEach()
    {
        var options = new GraphOptions
        {
            Enabled = true,
            TenantId = "contoso",
            ClientSecret = "secret",
            BaseUrl = "http://graph.example.com/v1.0",
            Timeout = TimeSpan.Zero,
            RefreshAfter = TimeSpan.FromMinutes(-1),
            MaxRetries = 11,
            Mailboxes =
            [
                new() { Leader = Leader, Address = "director@contoso.com" },
                new() { Leader = Leader, Address = "not-an-address" },
                new() { Leader = "", Address = "" },
                new() { Leader = "00000000-0000-0000-0000-0000000000ff", Address = "someone@contoso.com" },
            ],
        };

        var problems = options.Problems([Leader]);

        Assert.Equal(
        [
            "Office:Graph:ClientId", "Office:Graph:BaseUrl", "Office:Graph:Mailboxes:1:Address", "Office:Graph:Mailboxes:2:Leader",
            "Office:Graph:Mailboxes:2:Address", "Office:Graph:Mailboxes", "Office:Graph:Timeout", "Office:Graph:RefreshAfter",
            "Office:Graph:MaxRetries", "Office:Graph:Mailboxes:3:Leader",
        ], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void Problems_HttpOnLoopbackWhenAllowed_Accepted()
    {
        var options = new GraphOptions { Enabled = true, TenantId = "contoso", BaseUrl = "http://127.0.0.1:5000/v1.0", AllowHttpOnLoopback = true };

        Assert.Empty(options.Problems([]));
    }

    [Fact]
    public void AddressOf_MappedLeader_TheMailboxOtherwiseNull()
    {
        var options = new GraphOptions { Mailboxes = [new() { Leader = Leader.ToUpperInvariant(), Address = " director@contoso.com " }] };

        Assert.Equal("director@contoso.com", options.AddressOf(Leader));
        Assert.Null(options.AddressOf("00000000-0000-0000-0000-0000000000ff"));
    }
}
