using OfficeBot.Domain.Matters;

namespace OfficeBot.Application.Matters;

/// <summary>The statistics events of the last 7 office-local days (<paramref name="Today"/> included) and of the 7 before them.</summary>
public sealed record WeeklyStatistics(DateOnly Today, IReadOnlyList<StatisticEvent> ThisWeek, IReadOnlyList<StatisticEvent> WeekBefore)
{
    public static readonly WeeklyStatistics None = new(default, [], []);

    /// <summary>Only what happened to matters <paramref name="objectId"/> led: a person's own report.</summary>
    public WeeklyStatistics Of(string objectId) =>
        new(Today, [.. ThisWeek.Where(e => Is(e, objectId))], [.. WeekBefore.Where(e => Is(e, objectId))]);

    private static bool Is(StatisticEvent e, string objectId) => string.Equals(e.LeadId, objectId, StringComparison.OrdinalIgnoreCase);
}
