namespace OfficeBot.Commands;

/// <summary>A due date in the office's local calendar; <see cref="Time"/> null means by the end of that day.</summary>
public sealed record Deadline(DateOnly Date, TimeOnly? Time)
{
    public bool IsBefore(DateTime officeLocalNow) =>
        Time is { } time
            ? Date.ToDateTime(time) < officeLocalNow
            : Date < DateOnly.FromDateTime(officeLocalNow);
}
