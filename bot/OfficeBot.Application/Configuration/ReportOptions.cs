using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace OfficeBot.Application.Configuration;

/// <summary>
/// <c>Office:Report</c>: the supervision report (督辦通報) pushed every working morning to each director and, when
/// <see cref="OfficeOptions.ReportChannel"/> names one, to an office channel (SPEC §6).
/// </summary>
public sealed class ReportOptions
{
    public static readonly TimeOnly DefaultAt = new(8, 30);

    /// <summary>False turns the morning push off; the <c>通報</c> command still answers on demand.</summary>
    public bool Push { get; set; } = true;

    /// <summary>Office time of day at which it goes out, HH:mm.</summary>
    public string At { get; set; } = "08:30";

    /// <summary>The time of day, once <see cref="Validate"/> has passed.</summary>
    public TimeOnly Time => TryParse(At) ?? DefaultAt;

    public IEnumerable<ValidationResult> Validate()
    {
        if (TryParse(At) is null)
        {
            yield return new ValidationResult($"Office:Report:At '{At}' is not a time of day; write it as HH:mm (e.g. 08:30).", [nameof(At)]);
        }
    }

    private static TimeOnly? TryParse(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
