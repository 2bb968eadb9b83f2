using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Testing;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>
/// The office the benchmarks run in: 4 directors, numbered leads spread over 200 departments, Taipei time with the
/// repository's 2026 Taiwan holiday calendar, so reminders and the report count working days as production does.
/// </summary>
internal sealed class BenchOffice(int leads)
{
    public const string Tenant = "tenant-bench-0000";
    public const int Directors = 4;
    public const int Departments = 200;
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public int LeadCount { get; } = leads;

    public static Person Director(int i) => new($"aad-director-{i}", $"Director{i}");

    public static Actor DirectorActor(int i) => new(Director(i), OfficeRole.Director);

    public static Person Lead(int i) => new($"aad-lead-{i:00000}", $"Lead{i:00000}");

    public static string LeadTeamsId(int i) => $"29:lead-{i:00000}";

    public Person LeadFor(int matter) => Lead(matter % LeadCount);

    /// <summary>The host's settings (configuration keys); storage settings are added by the caller.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string> storage)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Office:TimeZone"] = "Asia/Taipei",
            ["Office:DefaultLocale"] = "zh-TW",
            ["Office:Calendar:IcsFiles:0"] = "calendars/tw-2026.ics",

            // One line per send would be most of the host's work on 2 cores; warnings and errors are still shown.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < Directors; i++)
        {
            settings[$"Office:Directors:{i}"] = Director(i).ObjectId;
        }

        for (var d = 0; d < Departments; d++)
        {
            settings[$"Office:Departments:{d}:Name"] = $"Department {d:000}";
            settings[$"Office:Departments:{d}:Head"] = $"aad-head-{d:000}";
            var member = 0;
            for (var lead = d; lead < LeadCount; lead += Departments)
            {
                settings[$"Office:Departments:{d}:Members:{member++}"] = Lead(lead).ObjectId;
            }
        }

        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string ContentRoot => Path.Combine(RepositoryRoot.Find(), "bot", "OfficeBot.Web");
}
