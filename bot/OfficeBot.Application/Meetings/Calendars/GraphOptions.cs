using System.ComponentModel.DataAnnotations;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Leaders' Outlook calendars through Microsoft Graph (<c>Office:Graph</c>), off by default. The bot signs in as itself
/// (application permission): with <see cref="ClientSecret"/> when one is given, otherwise with the managed identity of
/// the host. getSchedule asks by SMTP address, so each leader read through Graph is listed in <see cref="Mailboxes"/>.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Office:Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph is read (and written, with <see cref="WriteApprovedMeetings"/>) only when this is true.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Entra tenant whose mailboxes are read; bookings of other tenants are not written.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id; needed with <see cref="ClientSecret"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's secret; leave empty to use the host's managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Allows an http:// <see cref="BaseUrl"/> on a loopback address; for tests and local trials only.</summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary><c>Office:Graph:Mailboxes:N</c>: a leader's object id and the SMTP address of their mailbox.</summary>
    public List<LeaderMailbox> Mailboxes { get; set; } = [];

    /// <summary>Approved meetings are also written to the leaders' calendars (needs Calendars.ReadWrite).</summary>
    public bool WriteApprovedMeetings { get; set; }

    /// <summary>How long one read or write may take, retries and their waits included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A window read less than this long ago is answered from memory.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after 429/503/504, each after the Retry-After Graph asks for (never past <see cref="Timeout"/>).</summary>
    public int MaxRetries { get; set; } = 3;

    public sealed class LeaderMailbox
    {
        /// <summary>The leader's Entra object id.</summary>
        public string? Leader { get; set; }

        /// <summary>The SMTP address of the leader's mailbox, e.g. director@contoso.com.</summary>
        public string? Address { get; set; }
    }

    /// <summary>The mailbox address configured for a leader, or null when Graph does not cover them.</summary>
    public string? AddressOf(string leaderObjectId) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Leader?.Trim(), leaderObjectId.Trim(), StringComparison.OrdinalIgnoreCase))?.Address?.Trim()
            is { Length: > 0 } address ? address : null;

    /// <summary>Everything wrong with these settings at start-up, plus mailboxes of leaders not listed in <c>Office:Leaders</c>.</summary>
    public IReadOnlyList<string> Problems(IEnumerable<string> leaders)
    {
        var problems = Validate(new ValidationContext(this)).Select(r => r.ErrorMessage ?? string.Empty).ToList();
        if (!Enabled)
        {
            return problems;
        }

        var listed = leaders.Select(l => l.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Mailboxes.Count; i++)
        {
            if (Mailboxes[i].Leader is { } leader && !string.IsNullOrWhiteSpace(leader) && !listed.Contains(leader.Trim()))
            {
                problems.Add($"{Section}:Mailboxes:{i}:Leader '{leader}' is not listed in Office:Leaders; give a leader's Entra object id.");
            }
        }

        return problems;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A switched-off section may be half filled in; it is checked when it is switched on.
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult($"{Section}:TenantId is empty; give the Entra tenant id (a GUID) of the leaders' mailboxes.", [nameof(TenantId)]);
        }

        if (!string.IsNullOrWhiteSpace(ClientSecret) && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Section}:ClientId is empty; a ClientSecret needs the client id of its app registration (or remove the secret to use the managed identity).", [nameof(ClientId)]);
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url))
        {
            yield return new ValidationResult($"{Section}:BaseUrl '{BaseUrl}' is not a valid URL; leave it empty for {DefaultBaseUrl}.", [nameof(BaseUrl)]);
        }
        else if (!IcsLocation.Allowed(url, AllowHttpOnLoopback))
        {
            yield return new ValidationResult($"{Section}:BaseUrl '{BaseUrl}' must be an https URL{(AllowHttpOnLoopback ? " (http only on a loopback address)" : string.Empty)}.", [nameof(BaseUrl)]);
        }

        for (var i = 0; i < Mailboxes.Count; i++)
        {
            var key = $"{Section}:Mailboxes:{i}";
            if (string.IsNullOrWhiteSpace(Mailboxes[i].Leader))
            {
                yield return new ValidationResult($"{key}:Leader is empty; give the leader's Entra object id.", [nameof(Mailboxes)]);
            }

            var address = Mailboxes[i].Address?.Trim();
            if (string.IsNullOrEmpty(address))
            {
                yield return new ValidationResult($"{key}:Address is empty; give the SMTP address of the leader's mailbox.", [nameof(Mailboxes)]);
            }
            else if (address.IndexOf('@') is var at && (at <= 0 || at == address.Length - 1 || address.Contains(' ', StringComparison.Ordinal)))
            {
                yield return new ValidationResult($"{key}:Address '{address}' is not an SMTP address (name@domain).", [nameof(Mailboxes)]);
            }
        }

        foreach (var twice in Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Leader))
                     .GroupBy(m => m.Leader!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{Section}:Mailboxes names leader {twice.Key} {twice.Count()} times; give each leader one mailbox.", [nameof(Mailboxes)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:Timeout must be positive (e.g. 00:00:30).", [nameof(Timeout)]);
        }

        if (RefreshAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:RefreshAfter must not be negative (e.g. 00:05:00).", [nameof(RefreshAfter)]);
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return new ValidationResult($"{Section}:MaxRetries must be between 0 and 10 (the Graph SDK's limit).", [nameof(MaxRetries)]);
        }
    }
}
