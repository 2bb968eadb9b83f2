using System.ComponentModel.DataAnnotations;

namespace OfficeBot.Application.Meetings.Calendars;

/// <summary>
/// Leaders' iCalendar feeds (<c>Office:LeaderCalendars</c>): which leader reads which file or https URL, and how feeds
/// are fetched. Kept apart from <c>Office:Leaders</c>, which stays a plain list of object ids.
/// </summary>
public sealed class LeaderCalendarOptions : IValidatableObject
{
    public const string Section = "Office:LeaderCalendars";

    /// <summary><c>Office:LeaderCalendars:Feeds:N</c>: a leader's object id and the feed of their calendar.</summary>
    public List<LeaderFeed> Feeds { get; set; } = [];

    /// <summary>How long one HTTP fetch may take, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Larger feeds are refused rather than read into memory.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A feed read less than this long ago is not read again (a 304 still costs a round trip per leader).</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allows http:// URLs on a loopback address; for tests and local trials only.</summary>
    public bool AllowHttpOnLoopback { get; set; }

    public sealed class LeaderFeed
    {
        /// <summary>The leader's Entra object id.</summary>
        public string? Leader { get; set; }

        /// <summary>A file path relative to the content root, or an https URL.</summary>
        public string? Ics { get; set; }
    }

    /// <summary>
    /// Everything wrong with these settings at start-up: the checks of <see cref="Validate"/>, plus feed files that do not
    /// exist and leaders not listed in <c>Office:Leaders</c> (a mistyped id would check meetings against nobody's diary).
    /// </summary>
    public IReadOnlyList<string> Problems(string contentRoot, IEnumerable<string> leaders)
    {
        var problems = Validate(new ValidationContext(this)).Select(r => r.ErrorMessage ?? string.Empty).ToList();
        var listed = leaders.Select(l => l.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Feeds.Count; i++)
        {
            var feed = Feeds[i];
            if (!string.IsNullOrWhiteSpace(feed.Leader) && !listed.Contains(feed.Leader.Trim()))
            {
                problems.Add($"{Section}:Feeds:{i}:Leader '{feed.Leader}' is not listed in Office:Leaders; give a leader's Entra object id.");
            }

            if (!string.IsNullOrWhiteSpace(feed.Ics) && IcsLocation.Parse(feed.Ics, AllowHttpOnLoopback) is { Url: null, Problem: null } file
                && !File.Exists(Path.GetFullPath(file.Text, contentRoot)))
            {
                problems.Add($"{Section}:Feeds:{i}:Ics: calendar file '{file.Text}' was not found (looked for {Path.GetFullPath(file.Text, contentRoot)}).");
            }
        }

        return problems;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Feeds.Count; i++)
        {
            var key = $"{Section}:Feeds:{i}";
            var feed = Feeds[i];
            if (string.IsNullOrWhiteSpace(feed.Leader))
            {
                yield return new ValidationResult($"{key}:Leader is empty; give the leader's Entra object id.", [nameof(Feeds)]);
            }

            if (string.IsNullOrWhiteSpace(feed.Ics))
            {
                yield return new ValidationResult($"{key}:Ics is empty; give an .ics file path relative to the content root, or an https URL.", [nameof(Feeds)]);
            }
            else if (IcsLocation.Parse(feed.Ics, AllowHttpOnLoopback) is { Problem: { } problem })
            {
                yield return new ValidationResult($"{key}:Ics {problem}", [nameof(Feeds)]);
            }
        }

        foreach (var twice in Feeds.Where(f => !string.IsNullOrWhiteSpace(f.Leader))
                     .GroupBy(f => f.Leader!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{Section}:Feeds names leader {twice.Key} {twice.Count()} times; give each leader one feed.", [nameof(Feeds)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:Timeout must be positive (e.g. 00:00:20).", [nameof(Timeout)]);
        }

        if (MaxBytes <= 0)
        {
            yield return new ValidationResult($"{Section}:MaxBytes must be positive (e.g. 10485760 for 10 MB).", [nameof(MaxBytes)]);
        }

        if (RefreshAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:RefreshAfter must not be negative (e.g. 00:05:00).", [nameof(RefreshAfter)]);
        }
    }
}
