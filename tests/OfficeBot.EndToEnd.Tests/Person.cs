using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.EndToEnd.Tests;

/// <summary>The office of issue 3: a director, two staff, a leader, and two more people the Playground needs.</summary>
public static class Office
{
    public static readonly PlaygroundUser Director = new("user-id-0", "王主任", "00000000-0000-0000-0000-0000000000020", "director@office.example", "主任", "王");
    public static readonly PlaygroundUser Mei = new("user-id-1", "陳小美", "00000000-0000-0000-0000-0000000000021", "mei@office.example", "小美", "陳");
    public static readonly PlaygroundUser Wei = new("user-id-2", "林阿偉", "00000000-0000-0000-0000-0000000000022", "wei@office.example", "阿偉", "林");
    public static readonly PlaygroundUser Leader = new("user-id-3", "李局長", "00000000-0000-0000-0000-0000000000023", "leader@office.example", "局長", "李");
    public static readonly PlaygroundUser Secretary = new("user-id-4", "張秘書", "00000000-0000-0000-0000-0000000000024", "secretary@office.example", "秘書", "張");
    public static readonly PlaygroundUser SectionChief = new("user-id-5", "黃科長", "00000000-0000-0000-0000-0000000000025", "section@office.example", "科長", "黃");

    public const string BotName = "OfficeBot";
    public const string GroupChatName = "辦公室群組";

    public static readonly PlaygroundOffice Tenant = new(
        TenantId: "00000000-0000-0000-0000-0000000000001",
        BotId: "00000000-0000-0000-0000-00000000000011",
        BotName: BotName,
        GroupChatId: "group-chat-id",
        GroupChatName: GroupChatName,
        TeamId: "team-id",
        TeamName: "辦公室",
        TeamAadGroupId: "00000000-0000-0000-0000-000000000031",
        ChannelId: "channel-supervision-id",
        ChannelName: "督辦",
        People: [Director, Mei, Wei, Leader, Secretary, SectionChief]);

    /// <summary>The people who get a Playground (and a browser page) of their own; 黃科長 only fills the tenant.</summary>
    public static readonly IReadOnlyList<PlaygroundUser> Staffed = [Director, Mei, Wei, Leader, Secretary];

    public const string TimeZone = "Asia/Taipei";

    /// <summary>The department 陳小美 belongs to (and heads), named on her meeting requests.</summary>
    public const string Department = "秘書處";

    /// <summary>The one meeting room of the office.</summary>
    public const string Room = "第一會議室";

    /// <summary>
    /// What 李局長's iCalendar feed holds: one event tomorrow (in the office's zone) 10:00–11:00. Tomorrow is always a
    /// working day in this office (a weekend day within the next two days is made a working day below), so the event
    /// and a meeting asked for at the same hour land wherever CI runs the tests.
    /// </summary>
    public static readonly (string Title, DateTime Start, DateTime End) LeaderEvent = (
        "市政會議",
        Tomorrow.ToDateTime(new TimeOnly(10, 0)),
        Tomorrow.ToDateTime(new TimeOnly(11, 0)));

    /// <summary>The day after today in the office's time zone.</summary>
    public static DateOnly Tomorrow => Today.AddDays(1);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    /// <summary>李局長's calendar as an iCalendar file, the event in the office's zone.</summary>
    public static string LeaderIcs()
    {
        const string Format = "yyyyMMdd'T'HHmmss";
        var (title, start, end) = LeaderEvent;
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OfficeBot E2E//EN\r\n" +
               "BEGIN:VEVENT\r\nUID:e2e-leader-1\r\nDTSTAMP:20260101T000000Z\r\n" +
               $"SUMMARY:{title}\r\n" +
               $"DTSTART;TZID={TimeZone}:{start.ToString(Format, System.Globalization.CultureInfo.InvariantCulture)}\r\n" +
               $"DTEND;TZID={TimeZone}:{end.ToString(Format, System.Globalization.CultureInfo.InvariantCulture)}\r\n" +
               "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /// <param name="leaderIcs">The file holding <see cref="LeaderIcs"/>, 李局長's calendar feed.</param>
    public static IReadOnlyDictionary<string, string> BotSettings(string leaderIcs)
    {
        var settings = new Dictionary<string, string>
        {
            ["Office:TimeZone"] = TimeZone,
            ["Office:Directors:0"] = Director.AadObjectId,
            ["Office:Leaders:0"] = Leader.AadObjectId,

            // The Playground always speaks en-US; people who have not written yet are addressed in the same language.
            ["Office:DefaultLocale"] = "en-US",

            // Automatic reminders go out only in working hours on working days: this office works all day, every day
            // the tests may run, so a reminder test gets its reminder whenever CI runs it.
            ["Office:Calendar:WorkStart"] = "00:00",
            ["Office:Calendar:WorkEnd"] = "23:59",

            // Meetings: 陳小美's department, a room, and the leader's calendar as an iCalendar file.
            ["Office:Departments:0:Name"] = Department,
            ["Office:Departments:0:Head"] = Mei.AadObjectId,
            ["Office:Departments:0:Members:0"] = Mei.AadObjectId,
            ["Office:Meetings:Rooms:0"] = Room,
            ["Office:LeaderCalendars:Feeds:0:Leader"] = Leader.AadObjectId,
            ["Office:LeaderCalendars:Feeds:0:Ics"] = leaderIcs,
        };
        var today = Today;
        var weekend = Enumerable.Range(0, 3).Select(today.AddDays).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        for (var i = 0; i < weekend.Count; i++)
        {
            settings[$"Office:Calendar:WorkingDays:{i}:Date"] = weekend[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Office:Calendar:WorkingDays:{i}:Name"] = "E2E";
        }

        return settings;
    }
}
