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

    public static IReadOnlyDictionary<string, string> BotSettings
    {
        get
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
            };
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
            var weekend = Enumerable.Range(0, 3).Select(today.AddDays).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
            for (var i = 0; i < weekend.Count; i++)
            {
                settings[$"Office:Calendar:WorkingDays:{i}:Date"] = weekend[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                settings[$"Office:Calendar:WorkingDays:{i}:Name"] = "E2E";
            }

            return settings;
        }
    }
}
