namespace OfficeBot.Application.Configuration;

/// <summary>
/// The office's working calendar: holidays and make-up working days given here and in iCalendar files, and its working
/// hours, in <c>Office:TimeZone</c>. Validated at start-up (a bad date or file stops the bot, naming what is wrong).
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Office:Calendar";

    /// <summary>Days off besides weekends, e.g. <c>{ "Date": "2026-10-10", "Name": "國慶日" }</c>.</summary>
    public List<NamedDate> Holidays { get; set; } = [];

    /// <summary>Make-up working days (補班 / 调休上班): weekend days that are worked.</summary>
    public List<NamedDate> WorkingDays { get; set; } = [];

    /// <summary>iCalendar files, relative to the content root: all-day events are holidays; marked events are make-up working days.</summary>
    public List<string> IcsFiles { get; set; } = [];

    /// <summary>Office-local start of the working day, HH:mm.</summary>
    public string WorkStart { get; set; } = "09:00";

    /// <summary>Office-local end of the working day, HH:mm.</summary>
    public string WorkEnd { get; set; } = "18:00";

    public sealed class NamedDate
    {
        /// <summary>yyyy-MM-dd.</summary>
        public string? Date { get; set; }

        public string? Name { get; set; }
    }
}
