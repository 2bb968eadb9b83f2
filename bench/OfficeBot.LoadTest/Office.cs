using OfficeBot.Testing;

namespace OfficeBot.LoadTest;

/// <summary>
/// The office under load: directors who register matters, and numbered users who lead them. Seeded matters go to
/// leads 0..SeedLeads-1 in turn (10,000 over 250 leads = 40 open matters each, the people who then ask "my");
/// the "new" scenario assigns leads above that range so it does not change what "my" returns.
/// </summary>
internal sealed class Office
{
    public const string Tenant = "tenant-load-0000";
    public const string BotId = "28:officebot";
    public const int Directors = 4;
    // How many people the "new" scenario assigns to in turn (--new-leads): 8 by default, so each gets a notice per
    // ~40 ms under load and Teams' per-conversation limits (60 in 30 s) pace the outbox; more spreads them out.
    private readonly int _newScenarioLeads;

    public Office(int seedLeads, int newLeads = 8, int newTenants = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(newTenants, 1);
        NewScenarioTenants = Enumerable.Range(0, newTenants).Select(i => i == 0 ? Tenant : $"tenant-load-{i:0000}").ToArray();
        SeedLeads = seedLeads;
        _newScenarioLeads = newLeads;
        DirectorUsers = Enumerable.Range(0, Directors).Select(i => new LoadUser($"29:director{i}", $"Director{i}", $"aad-director-{i}")).ToArray();
        Users = Enumerable.Range(0, seedLeads + newLeads).Select(i => new LoadUser($"29:u{i:0000}", $"User{i:0000}", $"aad-u{i:0000}")).ToArray();
        Crowd = Enumerable.Range(1, CrowdSize).Select(i => new LoadUser($"29:crowd{i:00}", $"Crowd{i:00}", $"aad-crowd-{i:00}")).ToArray();
    }

    /// <summary>Co-handlers of the matters the card-action scenarios press on (invoke-change, crowd).</summary>
    public const int CrowdSize = 20;

    /// <summary>The 20 co-handlers of the crowd matters; in the connector's roster like everyone else.</summary>
    public IReadOnlyList<LoadUser> Crowd { get; }

    public IEnumerable<LoadUser> Everyone => DirectorUsers.Concat(Users).Concat(Crowd);

    public int SeedLeads { get; }

    public IReadOnlyList<LoadUser> DirectorUsers { get; }

    public IReadOnlyList<LoadUser> Users { get; }

    public LoadUser SeedLead(int matter) => Users[matter % SeedLeads];

    /// <summary>
    /// The tenants the "new" scenario registers in (--new-tenants): client c in the c-th, in turn. Numbers are handed out
    /// one registration at a time per tenant, so one tenant measures that queue and several show what is beyond it.
    /// </summary>
    public IReadOnlyList<string> NewScenarioTenants { get; }

    public LoadUser NewScenarioLead(int turn) => Users[SeedLeads + (turn % _newScenarioLeads)];

    /// <summary>The person client <paramref name="client"/> asks "my" as: one of the seeded leads.</summary>
    public LoadUser Asker(int client) => Users[client % SeedLeads];

    public IEnumerable<RosterMember> Roster => Everyone.Select(u => new RosterMember(u.TeamsUserId, u.Name, u.AadObjectId, $"{u.AadObjectId}@contoso.example"));

    /// <summary>The host's settings, as environment variables (the child process) or configuration keys (the seeding host).</summary>
    public Dictionary<string, string> Settings(IReadOnlyDictionary<string, string> storage)
    {
        var settings = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Office:TimeZone"] = "Asia/Taipei",
            ["Office:DefaultLocale"] = "zh-TW",
        };
        for (var i = 0; i < DirectorUsers.Count; i++)
        {
            settings[$"Office:Directors:{i}"] = DirectorUsers[i].AadObjectId;
        }

        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        return settings;
    }
}

internal sealed record LoadUser(string TeamsUserId, string Name, string AadObjectId);
