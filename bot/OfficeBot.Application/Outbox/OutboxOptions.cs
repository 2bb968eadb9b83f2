using System.ComponentModel.DataAnnotations;

namespace OfficeBot.Application.Outbox;

/// <summary>How the outbox dispatcher works (section <c>Outbox</c>); the defaults suit one office.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often tenants whose next item is due are looked at (a change in this instance wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every tenant is looked at regardless of hints: the safety net for an instance that died between a commit and its announcement.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed item belongs to one instance without news from it; a crashed instance's items are taken over after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before an item is set aside as failed (dead letter) for a human to look at.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; it doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Matters whose items one instance works on at once (items of one matter always go in order). Workers mostly wait —
    /// for Teams to answer, or for a chat's rate limit — so this is well above the number of cores.
    /// </summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;
}
