using System.ComponentModel.DataAnnotations;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Application.Configuration;

/// <summary>
/// <c>Office:Meetings</c>: the rooms a request may name and the rules every request is checked against (SPEC §4), for
/// every leader unless <see cref="Leaders"/> gives one their own. Defaults are the issue's: a 15-minute buffer, at most 4
/// meetings or 5 hours a day, at most 3 hours without a 15-minute break, 3 alternatives within 10 working days.
/// </summary>
public sealed class MeetingOptions
{
    /// <summary>The meeting rooms by name; a request naming another room is refused with this list.</summary>
    public List<string> Rooms { get; set; } = [];

    public TimeSpan Buffer { get; set; } = LeaderLimits.Default.Buffer;

    public int MaxMeetingsPerDay { get; set; } = LeaderLimits.Default.MaxMeetingsPerDay;

    public TimeSpan MaxMeetingTimePerDay { get; set; } = LeaderLimits.Default.MaxMeetingTimePerDay;

    public TimeSpan MaxUnbrokenTime { get; set; } = LeaderLimits.Default.MaxUnbrokenTime;

    public TimeSpan MinBreak { get; set; } = LeaderLimits.Default.MinBreak;

    /// <summary><c>Office:Meetings:Leaders:N</c>: a leader's object id and the limits that differ for them.</summary>
    public List<LeaderRule> Leaders { get; set; } = [];

    public int Alternatives { get; set; } = MeetingRules.Default.Alternatives;

    public int SearchWorkingDays { get; set; } = MeetingRules.Default.SearchWorkingDays;

    /// <summary>How often approved meetings and pending requests are checked again against the calendars.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>Office:Meetings:Tenants:N</c>: a tenant (its Entra tenant id) whose office-wide limits differ, for a bot that
    /// serves several organisations; a key left out keeps the one above. Per-leader limits still win.
    /// </summary>
    public List<TenantRule> Tenants { get; set; } = [];

    public sealed class TenantRule : Limits
    {
        public string? TenantId { get; set; }
    }

    public sealed class LeaderRule : Limits
    {
        public string? Leader { get; set; }
    }

    /// <summary>Limits that differ from the office-wide ones; null keeps those.</summary>
    public abstract class Limits
    {
        public TimeSpan? Buffer { get; set; }

        public int? MaxMeetingsPerDay { get; set; }

        public TimeSpan? MaxMeetingTimePerDay { get; set; }

        public TimeSpan? MaxUnbrokenTime { get; set; }

        public TimeSpan? MinBreak { get; set; }
    }

    /// <summary>The rules for the checker in <paramref name="tenantId"/>'s office, once <see cref="Validate"/> has passed.</summary>
    public MeetingRules ToRules(string? tenantId = null)
    {
        var office = new LeaderLimits
        {
            Buffer = Buffer,
            MaxMeetingsPerDay = MaxMeetingsPerDay,
            MaxMeetingTimePerDay = MaxMeetingTimePerDay,
            MaxUnbrokenTime = MaxUnbrokenTime,
            MinBreak = MinBreak,
        };
        var tenant = Tenants.FirstOrDefault(t => string.Equals(t.TenantId?.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
        var defaults = tenant is null ? office : Apply(tenant, office);
        var perLeader = Leaders.Where(l => !string.IsNullOrWhiteSpace(l.Leader)).ToDictionary(
            l => l.Leader!.Trim(),
            l => Apply(l, defaults),
            StringComparer.OrdinalIgnoreCase);
        return new MeetingRules { Defaults = defaults, PerLeader = perLeader, Alternatives = Alternatives, SearchWorkingDays = SearchWorkingDays };
    }

    private static LeaderLimits Apply(Limits own, LeaderLimits defaults) => new()
    {
        Buffer = own.Buffer ?? defaults.Buffer,
        MaxMeetingsPerDay = own.MaxMeetingsPerDay ?? defaults.MaxMeetingsPerDay,
        MaxMeetingTimePerDay = own.MaxMeetingTimePerDay ?? defaults.MaxMeetingTimePerDay,
        MaxUnbrokenTime = own.MaxUnbrokenTime ?? defaults.MaxUnbrokenTime,
        MinBreak = own.MinBreak ?? defaults.MinBreak,
    };

    /// <summary>The configured room named <paramref name="name"/> (case does not matter), or null.</summary>
    public string? Room(string name) => Rooms.FirstOrDefault(r => string.Equals(r.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))?.Trim();

    public IEnumerable<ValidationResult> Validate(IReadOnlyCollection<string> leaders)
    {
        const string Section = "Office:Meetings";
        static bool Short(TimeSpan t) => t < TimeSpan.Zero || t > TimeSpan.FromHours(4);
        static bool Day(TimeSpan t) => t <= TimeSpan.Zero || t > TimeSpan.FromHours(24);

        if (Short(Buffer) || Short(MinBreak))
        {
            yield return new ValidationResult($"{Section}:Buffer and :MinBreak must be between 00:00 and 04:00 (e.g. 00:15:00).", [nameof(Buffer)]);
        }

        if (MaxMeetingsPerDay is < 1 or > 50)
        {
            yield return new ValidationResult($"{Section}:MaxMeetingsPerDay must be 1 to 50 (default 4).", [nameof(MaxMeetingsPerDay)]);
        }

        if (Day(MaxMeetingTimePerDay) || Day(MaxUnbrokenTime))
        {
            yield return new ValidationResult($"{Section}:MaxMeetingTimePerDay and :MaxUnbrokenTime must be more than 00:00 and at most 24:00 (e.g. 05:00:00).", [nameof(MaxMeetingTimePerDay)]);
        }

        if (Alternatives is < 0 or > 5 || SearchWorkingDays is < 1 or > 60)
        {
            yield return new ValidationResult($"{Section}:Alternatives must be 0 to 5 and :SearchWorkingDays 1 to 60.", [nameof(Alternatives)]);
        }

        if (SyncInterval < TimeSpan.FromMinutes(1) || SyncInterval > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"{Section}:SyncInterval must be between 00:01:00 and 1.00:00:00 (default 00:10:00).", [nameof(SyncInterval)]);
        }

        if (Rooms.Any(string.IsNullOrWhiteSpace) || Rooms.Any(r => r.Length > Domain.Limits.InputLimits.DepartmentName))
        {
            yield return new ValidationResult($"{Section}:Rooms must not contain empty names or names over {Domain.Limits.InputLimits.DepartmentName} characters.", [nameof(Rooms)]);
        }

        for (var i = 0; i < Leaders.Count; i++)
        {
            var rule = Leaders[i];
            if (string.IsNullOrWhiteSpace(rule.Leader) || !leaders.Contains(rule.Leader.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"{Section}:Leaders:{i}:Leader '{rule.Leader}' is not listed in Office:Leaders; give a leader's Entra object id.", [nameof(Leaders)]);
            }

            if (OutOfRange(rule))
            {
                yield return new ValidationResult($"{Section}:Leaders:{i} has a limit out of range (the same ranges as the office-wide ones).", [nameof(Leaders)]);
            }
        }

        for (var i = 0; i < Tenants.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Tenants[i].TenantId))
            {
                yield return new ValidationResult($"{Section}:Tenants:{i}:TenantId is empty; give the Entra tenant id whose limits differ.", [nameof(Tenants)]);
            }

            if (OutOfRange(Tenants[i]))
            {
                yield return new ValidationResult($"{Section}:Tenants:{i} has a limit out of range (the same ranges as the office-wide ones).", [nameof(Tenants)]);
            }
        }

        bool OutOfRange(Limits rule) => rule.MaxMeetingsPerDay is < 1 or > 50 || rule.Buffer is { } b && Short(b) || rule.MinBreak is { } m && Short(m)
            || rule.MaxMeetingTimePerDay is { } d && Day(d) || rule.MaxUnbrokenTime is { } u && Day(u);
    }
}
