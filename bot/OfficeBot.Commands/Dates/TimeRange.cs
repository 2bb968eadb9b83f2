namespace OfficeBot.Commands;

/// <summary>When a meeting runs: <see cref="Start"/> and <see cref="End"/> carry the office time zone's offset.</summary>
public sealed record TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The longest range a meeting request may ask for; a longer one is refused as a likely typo.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(12);

    public TimeSpan Length => End - Start;
}
