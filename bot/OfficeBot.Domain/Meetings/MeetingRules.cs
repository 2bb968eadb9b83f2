using System.Collections.Frozen;

namespace OfficeBot.Domain.Meetings;

/// <summary>How much one leader may be asked to sit through, and how far apart their meetings must be.</summary>
public sealed record LeaderLimits
{
    public static LeaderLimits Default { get; } = new();

    /// <summary>Free time a leader needs between two commitments: an event ending exactly this long before a meeting does not collide with it.</summary>
    public TimeSpan Buffer { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Meetings a day, the new one included, that are still fine (one more is overload).</summary>
    public int MaxMeetingsPerDay { get; init; } = 4;

    /// <summary>Time in meetings a day that is still fine (overlapping meetings count once).</summary>
    public TimeSpan MaxMeetingTimePerDay { get; init; } = TimeSpan.FromHours(5);

    /// <summary>Longest run of meetings without a break that is still fine.</summary>
    public TimeSpan MaxUnbrokenTime { get; init; } = TimeSpan.FromHours(3);

    /// <summary>A gap at least this long between two meetings is a break and ends a run.</summary>
    public TimeSpan MinBreak { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>An office's meeting rules: limits for every leader unless one has their own, and how alternatives are looked for.</summary>
public sealed record MeetingRules
{
    public static MeetingRules Default { get; } = new();

    public LeaderLimits Defaults { get; init; } = LeaderLimits.Default;

    /// <summary>Leaders (by Entra object id) whose limits differ from <see cref="Defaults"/>.</summary>
    public IReadOnlyDictionary<string, LeaderLimits> PerLeader { get; init; } = FrozenDictionary<string, LeaderLimits>.Empty;

    /// <summary>Time a room needs between two bookings; none by default (one meeting may follow another back to back).</summary>
    public TimeSpan RoomBuffer { get; init; } = TimeSpan.Zero;

    /// <summary>How many alternative slots to offer.</summary>
    public int Alternatives { get; init; } = 3;

    /// <summary>How many working days, the first included, alternatives are looked for in.</summary>
    public int SearchWorkingDays { get; init; } = 10;

    /// <summary>Alternatives start on this grid, counted from the start of work each day, so the same inputs give the same slots.</summary>
    public TimeSpan SlotStep { get; init; } = TimeSpan.FromMinutes(15);

    public LeaderLimits For(string leaderId) => PerLeader.TryGetValue(leaderId, out var own) ? own : Defaults;
}
