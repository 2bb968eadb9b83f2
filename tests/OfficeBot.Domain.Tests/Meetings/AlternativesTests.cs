using OfficeBot.Domain.Meetings;
using static OfficeBot.Domain.Tests.Meetings.MeetingOffice;

namespace OfficeBot.Domain.Tests.Meetings;

public sealed class AlternativesTests
{
    private static readonly DateTimeOffset EarlyMonday = At("08:00");

    private static IReadOnlyList<Slot> Slots(params (string From, string To, DateOnly Day)[] slots) =>
        [.. slots.Select(s => new Slot(At(s.From, s.Day), At(s.To, s.Day)))];

    [Fact]
    public void Alternatives_AfterABusyHour_EarliestThreeOnTheQuarterHourGrid()
    {
        var found = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars(Meeting("a", "10:00", "11:00")), EarlyMonday);

        Assert.Equal(Slots(("11:15", "12:15", Monday), ("11:30", "12:30", Monday), ("11:45", "12:45", Monday)), found);
        Assert.All(found, s => Assert.Equal(TimeSpan.FromHours(8), s.Start.Offset));
    }

    [Fact]
    public void Alternatives_SameInputsInAnyOrder_SameSlots()
    {
        BusyEvent[] events = [Meeting("a", "10:00", "11:00"), Meeting("b", "11:30", "12:00"), Meeting("c", "13:00", "13:15")];
        var first = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars(events), EarlyMonday);

        var again = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars([.. events.Reverse()]), EarlyMonday);

        Assert.Equal(first, again);
        Assert.Equal(Slots(("13:30", "14:30", Monday), ("13:45", "14:45", Monday), ("14:00", "15:00", Monday)), first);
    }

    [Fact]
    public void Alternatives_NowLaterThanTheRequest_StartFromNow()
    {
        var found = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars(Meeting("a", "10:00", "11:00")), At("14:07"));

        Assert.Equal(Slots(("14:15", "15:15", Monday), ("14:30", "15:30", Monday), ("14:45", "15:45", Monday)), found);
    }

    [Fact]
    public void Alternatives_FourMeetingsAlready_SkipTheOverloadedDay()
    {
        var tuesday = Monday.AddDays(1);
        var found = Checker().Alternatives(
            Proposal("10:00", "11:00"),
            Calendars(Meeting("a", "10:00", "11:00"), Meeting("b", "12:00", "12:30"), Meeting("c", "14:00", "14:30"), Meeting("d", "16:00", "16:30")),
            EarlyMonday);

        Assert.Equal(Slots(("09:00", "10:00", tuesday), ("09:15", "10:15", tuesday), ("09:30", "10:30", tuesday)), found);
    }

    [Fact]
    public void Alternatives_TooMuchTimeInMeetings_SkipTheOverloadedDay()
    {
        var tuesday = Monday.AddDays(1);
        var found = Checker().Alternatives(
            Proposal("09:00", "11:00"),
            Calendars(Meeting("a", "09:00", "11:00"), Meeting("b", "13:00", "15:00")),
            EarlyMonday);

        Assert.Equal(Slots(("09:00", "11:00", tuesday), ("09:15", "11:15", tuesday), ("09:30", "11:30", tuesday)), found);
    }

    [Fact]
    public void Alternatives_SlotWouldEndAfterWork_NextWorkingMorning()
    {
        var tuesday = Monday.AddDays(1);
        var found = Checker().Alternatives(Proposal("16:00", "18:00"), Calendars(Meeting("a", "16:00", "16:30")), EarlyMonday);

        Assert.Equal(Slots(("09:00", "11:00", tuesday), ("09:15", "11:15", tuesday), ("09:30", "11:30", tuesday)), found);
    }

    [Fact]
    public void Alternatives_OverAHolidayAndABusyFriday_TheMakeUpSaturday()
    {
        var wednesday = new DateOnly(2026, 12, 9);
        var found = Checker().Alternatives(
            Proposal("17:00", "18:00", wednesday),
            Calendars(Meeting("a", "17:00", "18:00", wednesday), AllDay("trip", Holiday.AddDays(1), Holiday.AddDays(1))),
            At("08:00", wednesday));

        Assert.Equal(Slots(("09:00", "10:00", MakeUpSaturday), ("09:15", "10:15", MakeUpSaturday), ("09:30", "10:30", MakeUpSaturday)), found);
    }

    [Fact]
    public void Alternatives_RoomBookedAndAnotherDepartmentsRequest_SkipBoth()
    {
        var theirs = new MeetingProposal("request-2", "人事評議會", At("10:00"), At("10:30"), [Li], Personnel);
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], new RoomSchedule([Meeting("board", "09:00", "10:00", room: RoomOne)]), [theirs]);

        var found = Checker().Alternatives(Proposal("09:00", "10:00", room: RoomOne), calendars, EarlyMonday);

        Assert.Equal(Slots(("10:45", "11:45", Monday), ("11:00", "12:00", Monday), ("11:15", "12:15", Monday)), found);
    }

    [Fact]
    public void Alternatives_EveryLeaderMustBeFree_SlotsWhenBothAre()
    {
        var calendars = new MeetingCalendars(
        [
            new LeaderSchedule(Li, [Meeting("li", "10:00", "11:00")]),
            new LeaderSchedule(Zhou, [Meeting("zhou", "11:00", "12:00")]),
        ]);

        var found = Checker().Alternatives(Proposal("10:00", "11:00", leaders: [Li, Zhou]), calendars, EarlyMonday);

        Assert.Equal(Slots(("12:15", "13:15", Monday), ("12:30", "13:30", Monday), ("12:45", "13:45", Monday)), found);
    }

    [Fact]
    public void Alternatives_BusyForTenWorkingDays_Empty()
    {
        // Monday 7th to Friday 18th holds ten working days: the holiday on the 10th is skipped and Saturday the 12th is worked.
        var found = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars(AllDay("trip", Monday, new DateOnly(2026, 12, 18))), EarlyMonday);

        Assert.Empty(found);
    }

    [Fact]
    public void Alternatives_FreeOnlyOnTheTenthWorkingDay_FoundThere()
    {
        var tenth = new DateOnly(2026, 12, 18);
        var found = Checker().Alternatives(Proposal("10:00", "11:00"), Calendars(AllDay("trip", Monday, tenth.AddDays(-1))), EarlyMonday);

        Assert.Equal(Slots(("09:00", "10:00", tenth), ("09:15", "10:15", tenth), ("09:30", "10:30", tenth)), found);
    }

    [Fact]
    public void Alternatives_CalendarUnavailable_EmptyBecauseNothingIsKnownToBeFree()
    {
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [], unavailableSince: EarlyMonday)]);

        Assert.Empty(Checker().Alternatives(Proposal("10:00", "11:00"), calendars, EarlyMonday));
        Assert.Empty(Checker().Alternatives(Proposal("10:00", "11:00", leaders: [Li, Zhou]), Calendars(), EarlyMonday));
    }

    [Fact]
    public void Alternatives_ConfiguredCount_ThatManySlots()
    {
        var found = Checker(new MeetingRules { Alternatives = 5 }).Alternatives(Proposal("10:00", "11:00"), Calendars(), EarlyMonday);

        Assert.Equal(5, found.Count);
        Assert.Equal(At("10:00"), found[0].Start);
    }
}
