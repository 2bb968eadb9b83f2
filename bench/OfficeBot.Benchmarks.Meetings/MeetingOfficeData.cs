using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Benchmarks.Meetings;

/// <summary>
/// A large office, made up from a fixed seed: 50 leaders with 20,000 events each (about three a day for eighteen years,
/// with private and free events, all-day events and a few trips), 10 rooms with 5,000 bookings each, 50 pending
/// requests, and proposals in working hours on working days across the whole span.
/// </summary>
internal sealed class MeetingOfficeData
{
    public const int Leaders = 50;
    public const int EventsPerLeader = 20_000;
    public const int Rooms = 10;

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private static readonly DateOnly FirstDay = new(2026, 1, 1);

    public MeetingOfficeData(int seed = 20261203)
    {
        var random = new Random(seed);
        Calendar = WorkingCalendar.WeekdaysOnly;
        Checker = new ConflictChecker(Calendar, Zone);
        LeaderIds = [.. Enumerable.Range(0, Leaders).Select(i => $"leader-{i:D2}")];
        RoomNames = [.. Enumerable.Range(0, Rooms).Select(i => $"會議室 {i + 1}")];

        var schedules = LeaderIds.Select(id => new LeaderSchedule(id, Events(random, id, EventsPerLeader, room: null))).ToList();
        var bookings = RoomNames.SelectMany(room => Events(random, room, 5_000, room)).ToList();
        LastDay = FirstDay.AddDays(EventsPerLeader / 3);
        var pending = Enumerable.Range(0, 50).Select(i => RandomProposal(random, $"pending-{i}", $"處 {i % 7}")).ToList();
        Calendars = new MeetingCalendars(schedules, new RoomSchedule(bookings), pending);
    }

    public WorkingCalendar Calendar { get; }

    public ConflictChecker Checker { get; }

    public MeetingCalendars Calendars { get; }

    public string[] LeaderIds { get; }

    public string[] RoomNames { get; }

    public DateOnly LastDay { get; private set; }

    public MeetingProposal[] Proposals(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => RandomProposal(new Random(seed + i), $"request-{i}", "財務處"))];

    public DateTimeOffset Now => new(FirstDay.ToDateTime(new TimeOnly(8, 0)), Offset);

    private MeetingProposal RandomProposal(Random random, string id, string department)
    {
        var day = FirstDay.AddDays(random.Next(LastDay.DayNumber - FirstDay.DayNumber - 20));
        while (!Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Offset).AddMinutes(15 * random.Next(28));
        var leaders = Enumerable.Range(0, random.Next(1, 5)).Select(_ => LeaderIds[random.Next(Leaders)]).Distinct().ToList();
        var room = random.Next(2) == 0 ? RoomNames[random.Next(Rooms)] : null;
        return new MeetingProposal(id, "預算審查會", start, start.AddMinutes(30 * random.Next(1, 5)), leaders, department, room);
    }

    private static IEnumerable<BusyEvent> Events(Random random, string owner, int count, string? room)
    {
        var day = FirstDay;
        var made = 0;
        while (made < count)
        {
            var today = Math.Min(random.Next(0, 7), count - made);
            for (var i = 0; i < today; i++, made++)
            {
                var id = $"{owner}-{made}";
                var kind = random.Next(1000);
                if (kind < 10)
                {
                    var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset);
                    yield return new BusyEvent(id, "出差", midnight, midnight.AddDays(kind < 2 ? random.Next(2, 10) : 1), "graph", room, AllDay: true);
                    continue;
                }

                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), Offset).AddMinutes(15 * random.Next(52));
                yield return new BusyEvent(
                    id, $"會議 {made}", start, start.AddMinutes(15 * random.Next(1, 9)), "ics", room,
                    Busy: kind >= 40, Private: kind is >= 40 and < 90);
            }

            day = day.AddDays(1);
        }
    }
}
