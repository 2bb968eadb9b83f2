using System.ComponentModel.DataAnnotations;

namespace OfficeBot.Application.Configuration;

/// <summary>The office: its time zone, who directs it, whose time it protects, and the language it speaks by default.</summary>
public sealed class OfficeOptions : IValidatableObject
{
    public const string Section = "Office";

    /// <summary>IANA time zone of the office; every date a user types or reads is in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Taipei";

    /// <summary>Entra object ids of the directors (辦公室主任) and deputies.</summary>
    public List<string> Directors { get; set; } = [];

    /// <summary>Entra object ids of the leaders (領導).</summary>
    public List<string> Leaders { get; set; } = [];

    /// <summary>The departments, each with its name, head and members; a person belongs to one department at most.</summary>
    public List<DepartmentOptions> Departments { get; set; } = [];

    /// <summary>When automatic reminders go out (<c>Office:Reminders</c>).</summary>
    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>When the supervision report is pushed every working morning (<c>Office:Report</c>).</summary>
    public ReportOptions Report { get; set; } = new();

    /// <summary>
    /// A Teams channel (its conversation id, <c>19:…@thread.tacv2</c>) that gets the morning report as well as the
    /// directors; the bot must be in its team and have been spoken to there once. Empty: directors only.
    /// </summary>
    public string? ReportChannel { get; set; }

    /// <summary>Rooms and the rules meeting requests are checked against (<c>Office:Meetings</c>).</summary>
    public MeetingOptions Meetings { get; set; } = new();

    /// <summary>
    /// The office coordination channel or chat (its conversation id) that gets every meeting request card and conflict
    /// alert as well as the directors; the bot must be in it. Empty: the chat where the request was typed.
    /// </summary>
    public string? CoordinationChannel { get; set; }

    /// <summary>Used when an activity carries no locale: en-US, zh-TW or zh-CN.</summary>
    [Required]
    public string DefaultLocale { get; set; } = "zh-TW";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Office:TimeZone '{TimeZone}' is not a known IANA time zone (e.g. Asia/Taipei, Asia/Shanghai, Europe/London).", [nameof(TimeZone)]);
        }

        foreach (var id in Directors.Concat(Leaders))
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                yield return new ValidationResult("Office:Directors and Office:Leaders must not contain empty ids.", [nameof(Directors), nameof(Leaders)]);
                break;
            }
        }

        foreach (var problem in DepartmentOptions.Validate(Departments).Concat(Reminders.Validate()).Concat(Report.Validate()).Concat(Meetings.Validate(Leaders)))
        {
            yield return problem;
        }
    }
}
