using OfficeBot.Domain.Meetings;
using static OfficeBot.Domain.Tests.Meetings.MeetingOffice;

namespace OfficeBot.Domain.Tests.Meetings;

public sealed class ConflictCheckerTests
{
    [Fact]
    public void Check_FreeLeaderInWorkingHours_NoConflict() =>
        Assert.Empty(Checker().Check(Proposal("10:00", "11:00"), Calendars(Meeting("a", "14:00", "15:00"))));

    [Theory]
    [InlineData("09:00", "09:45", false)] // ends exactly the 15-minute buffer before
    [InlineData("09:00", "09:46", true)] // 14 minutes before
    [InlineData("11:15", "12:00", false)] // starts exactly the buffer after
    [InlineData("11:14", "12:00", true)]
    [InlineData("10:30", "10:45", true)] // inside
    [InlineData("09:30", "11:30", true)] // around
    public void Check_EventNearTheMeeting_OverlapOnlyWithinTheBuffer(string from, string to, bool conflict)
    {
        var found = Checker().Check(Proposal("10:00", "11:00"), Calendars(Meeting("a", from, to)));

        if (!conflict)
        {
            Assert.Empty(found);
            return;
        }

        var overlap = Assert.Single(found);
        Assert.Equal(ConflictKind.Overlap, overlap.Kind);
        Assert.Equal(Li, overlap.Leader);
        Assert.Equal("會議 a", overlap.What);
        Assert.Equal((At(from), At(to)), (overlap.Start, overlap.End));
    }

    [Fact]
    public void Check_SeveralEventsOverlap_EachIsReportedInStartOrder()
    {
        var found = Checker().Check(Proposal("10:00", "12:00"), Calendars(Meeting("late", "11:30", "12:30"), Meeting("early", "09:30", "10:15")));

        Assert.Equal(["會議 early", "會議 late"], found.Where(c => c.Kind == ConflictKind.Overlap).Select(c => c.What));
    }

    [Fact]
    public void Check_PrivateEvent_SaysBusyInsteadOfItsTitle()
    {
        var secret = new BusyEvent("p", "人事案面談", At("10:30"), At("11:30"), "graph", Private: true);

        var overlap = Assert.Single(Checker().Check(Proposal("10:00", "11:00"), Calendars(secret)));

        Assert.Equal(Conflict.PrivateTitle, overlap.What);
        Assert.Equal("busy", overlap.What);
    }

    [Fact]
    public void Check_EventShownAsFree_DoesNotBlock()
    {
        var free = new BusyEvent("f", "可列席", At("10:00"), At("11:00"), "ics", Busy: false);

        Assert.Empty(Checker().Check(Proposal("10:00", "11:00"), Calendars(free)));
    }

    [Theory]
    [InlineData("09:00", "10:00")]
    [InlineData("17:00", "18:00")]
    public void Check_AllDayEvent_BlocksTheWholeDay(string from, string to)
    {
        var found = Checker().Check(Proposal(from, to), Calendars(AllDay("trip", Monday, Monday)));

        var overlap = Assert.Single(found);
        Assert.Equal(ConflictKind.Overlap, overlap.Kind);
        Assert.Equal("出差 trip", overlap.What);
    }

    [Fact]
    public void Check_AllDayEventWithFourMeetings_IsNotCountedAsAFifthMeeting()
    {
        var found = Checker().Check(
            Proposal("16:00", "17:00", day: Monday.AddDays(1)),
            Calendars(AllDay("trip", Monday, Monday.AddDays(1)), Meeting("a", "09:00", "09:30", Monday.AddDays(1)),
                Meeting("b", "10:00", "10:30", Monday.AddDays(1)), Meeting("c", "11:00", "11:30", Monday.AddDays(1))));

        Assert.DoesNotContain(found, c => c.Kind == ConflictKind.Overload);
        Assert.Single(found, c => c.Kind == ConflictKind.Overlap && c.What == "出差 trip");
    }

    [Fact]
    public void Check_FourthMeetingOfTheDay_NoOverload() =>
        Assert.Empty(Checker().Check(Proposal("16:00", "17:00"),
            Calendars(Meeting("a", "09:00", "10:00"), Meeting("b", "11:00", "12:00"), Meeting("c", "14:00", "15:00"))));

    [Fact]
    public void Check_FifthMeetingOfTheDay_CountOverloadNamingTheOtherMeetings()
    {
        var found = Checker().Check(Proposal("17:00", "17:30"),
            Calendars(Meeting("a", "09:00", "09:30"), Meeting("b", "10:00", "10:30"), Meeting("c", "11:00", "11:30"), Meeting("d", "14:00", "14:30"),
                Meeting("tomorrow", "09:00", "09:30", Monday.AddDays(1))));

        var overload = Assert.Single(found);
        Assert.Equal(ConflictKind.Overload, overload.Kind);
        Assert.Equal(Li, overload.Leader);
        Assert.Equal(new OverloadDetail(OverloadLimit.Count, 5, TimeSpan.FromHours(2.5), 4, TimeSpan.FromHours(5)), overload.Overload);
        Assert.Equal(["a", "b", "c", "d"], overload.Involved.Select(e => e.Id));
        Assert.Equal((At("09:00"), At("17:30")), (overload.Start, overload.End));
    }

    [Theory]
    [InlineData("17:00", false)] // 4 h + 1 h = 5 h
    [InlineData("17:01", true)] // 5 h 1 min
    public void Check_TimeInMeetings_OverloadOnlyAboveFiveHours(string end, bool overload)
    {
        var found = Checker().Check(Proposal("16:00", end),
            Calendars(Meeting("a", "09:00", "10:30"), Meeting("b", "11:00", "12:30"), Meeting("c", "14:00", "15:00")));

        if (!overload)
        {
            Assert.Empty(found);
            return;
        }

        var hours = Assert.Single(found);
        Assert.Equal(OverloadLimit.Hours, hours.Overload!.Limit);
        Assert.Equal(new TimeSpan(5, 1, 0), hours.Overload.Time);
    }

    [Fact]
    public void Check_OverlappingMeetings_CountTheirTimeOnce()
    {
        // Two sources showing overlapping meetings: 09:00–12:00 of busy time, not 5 hours.
        var found = Checker().Check(Proposal("14:00", "15:00"),
            Calendars(Meeting("a", "09:00", "11:00"), Meeting("b", "09:00", "11:00"), Meeting("c", "10:00", "12:00")));

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("12:00", false)]
    [InlineData("12:01", true)]
    public void Check_LongMeetingWithoutBreak_ChainOverloadOnlyAboveThreeHours(string end, bool overload)
    {
        var found = Checker().Check(Proposal("09:00", end), Calendars());

        if (!overload)
        {
            Assert.Empty(found);
            return;
        }

        var chain = Assert.Single(found);
        Assert.Equal(OverloadLimit.Chain, chain.Overload!.Limit);
        Assert.Equal(new TimeSpan(3, 1, 0), chain.Overload.Time);
    }

    /// <summary>A leader who accepts meetings back to back: only the run of meetings limits them.</summary>
    private static readonly MeetingRules BackToBack = new()
    {
        PerLeader = new Dictionary<string, LeaderLimits> { [Li] = LeaderLimits.Default with { Buffer = TimeSpan.Zero } },
    };

    [Theory]
    [InlineData("11:00", "12:00", null)] // 3 h run
    [InlineData("11:00", "12:01", "03:01")]
    [InlineData("11:14", "12:10", "03:10")] // a 14-minute gap is no break
    [InlineData("11:15", "13:00", null)] // a 15-minute break ends the run
    public void Check_MeetingJoinsARun_ChainOverloadAboveThreeHoursUnlessABreak(string from, string to, string? run)
    {
        var found = Checker(BackToBack).Check(Proposal(from, to), Calendars(Meeting("a", "09:00", "11:00")));

        if (run is null)
        {
            Assert.Empty(found);
            return;
        }

        var chain = Assert.Single(found);
        Assert.Equal(OverloadLimit.Chain, chain.Overload!.Limit);
        Assert.Equal(TimeSpan.Parse(run), chain.Overload.Time);
        Assert.Equal(2, chain.Overload.Meetings);
        Assert.Equal(["a"], chain.Involved.Select(e => e.Id));
        Assert.Equal((At("09:00"), At(to)), (chain.Start, chain.End));
    }

    [Fact]
    public void Check_LongRunEarlierInTheDay_DoesNotOverloadALaterMeetingAfterABreak() =>
        Assert.Empty(Checker(BackToBack).Check(Proposal("14:00", "14:30"),
            Calendars(Meeting("a", "09:00", "10:00"), Meeting("b", "10:00", "11:00"), Meeting("c", "11:00", "12:00"))));

    [Fact]
    public void Check_MeetingTooCloseAndMakingARun_ReportsBothOverlapAndChain()
    {
        var found = Checker().Check(Proposal("11:05", "12:05"), Calendars(Meeting("a", "09:00", "11:00")));

        Assert.Equal([ConflictKind.Overlap, ConflictKind.Overload], found.Select(c => c.Kind));
        Assert.Equal(OverloadLimit.Chain, found[1].Overload!.Limit);
    }

    [Fact]
    public void Check_LeaderWithOwnLimits_OnlyTheirLimitsChange()
    {
        var rules = new MeetingRules
        {
            PerLeader = new Dictionary<string, LeaderLimits> { [Zhou] = LeaderLimits.Default with { MaxMeetingsPerDay = 2 } },
        };
        var calendars = new MeetingCalendars(
        [
            new LeaderSchedule(Li, [Meeting("li-a", "09:00", "09:30"), Meeting("li-b", "14:00", "14:30")]),
            new LeaderSchedule(Zhou, [Meeting("zhou-a", "09:00", "09:30"), Meeting("zhou-b", "14:00", "14:30")]),
        ]);

        var found = Checker(rules).Check(Proposal("11:00", "12:00", leaders: [Li, Zhou]), calendars);

        var overload = Assert.Single(found);
        Assert.Equal(Zhou, overload.Leader);
        Assert.Equal(OverloadLimit.Count, overload.Overload!.Limit);
        Assert.Equal(2, overload.Overload.MaxMeetings);
    }

    [Fact]
    public void Check_RoomAlreadyBooked_RoomConflictWithTheBooking()
    {
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], new RoomSchedule([Meeting("board", "10:30", "11:30", room: RoomOne)]));

        var room = Assert.Single(Checker().Check(Proposal("10:00", "11:00", room: RoomOne), calendars));

        Assert.Equal(ConflictKind.Room, room.Kind);
        Assert.Equal(RoomOne, room.Room);
        Assert.Equal("會議 board", room.What);
        Assert.Equal((At("10:30"), At("11:30")), (room.Start, room.End));
    }

    [Theory]
    [InlineData("11:00", "12:00", RoomOne)] // back to back in the same room
    [InlineData("10:00", "11:00", "第二會議室")]
    [InlineData("10:00", "11:00", null)]
    public void Check_RoomFreeAtThatTime_NoRoomConflict(string from, string to, string? room)
    {
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], new RoomSchedule([Meeting("board", "10:00", "11:00", room: RoomOne)]));

        Assert.Empty(Checker().Check(Proposal(from, to, room: room), calendars));
    }

    [Fact]
    public void Check_ApprovedMeetingRechecked_DoesNotCollideWithItself()
    {
        var itself = new BusyEvent("request-1", "預算審查會", At("10:00"), At("11:00"), "officebot", RoomOne);
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [itself])], new RoomSchedule([itself]), [Proposal("10:00", "11:00")]);

        Assert.Empty(Checker().Check(Proposal("10:00", "11:00", room: RoomOne), calendars));
    }

    [Fact]
    public void Check_OtherDepartmentPendingForTheSameLeader_DepartmentClashNamingBothDepartments()
    {
        var theirs = new MeetingProposal("request-2", "人事評議會", At("10:30"), At("11:30"), [Zhou, Li], Personnel);
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], pending: [theirs]);

        var clash = Assert.Single(Checker().Check(Proposal("10:00", "11:00"), calendars));

        Assert.Equal(ConflictKind.DepartmentClash, clash.Kind);
        Assert.Equal(Li, clash.Leader);
        Assert.Equal((Finance, Personnel), (clash.Department, clash.OtherDepartment));
        Assert.Equal("人事評議會", clash.What);
        Assert.Same(theirs, clash.Request);
        Assert.Equal((At("10:30"), At("11:30")), (clash.Start, clash.End));
    }

    [Fact]
    public void Check_OtherDepartmentPendingForTheSameRoom_DepartmentClashOverTheRoom()
    {
        var theirs = new MeetingProposal("request-2", "人事評議會", At("10:30"), At("11:30"), [Zhou], Personnel, RoomOne);
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], pending: [theirs]);

        var clash = Assert.Single(Checker().Check(Proposal("10:00", "11:00", room: RoomOne), calendars));

        Assert.Equal((ConflictKind.DepartmentClash, RoomOne, (string?)null), (clash.Kind, clash.Room, clash.Leader));
    }

    [Theory]
    [InlineData("11:15", "12:00", Personnel)] // starts exactly the buffer after
    [InlineData("10:30", "11:30", Finance)] // the same department's own requests are not 撞車 (§7: other departments)
    public void Check_PendingRequestApartOrOwnDepartment_NoClash(string from, string to, string department)
    {
        var theirs = new MeetingProposal("request-2", "人事評議會", At(from), At(to), [Li], department);
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [])], pending: [theirs]);

        Assert.Empty(Checker().Check(Proposal("10:00", "11:00"), calendars));
    }

    [Fact]
    public void Check_OnAHoliday_NonWorkingDayNamingTheHoliday()
    {
        var day = Assert.Single(Checker().Check(Proposal("10:00", "11:00", Holiday), Calendars()));

        Assert.Equal(ConflictKind.NonWorkingDay, day.Kind);
        Assert.Equal("行憲紀念日", day.What);
        Assert.Equal((At("00:00", Holiday), At("00:00", Holiday.AddDays(1))), (day.Start, day.End));
    }

    [Fact]
    public void Check_OnASunday_NonWorkingDay()
    {
        var day = Assert.Single(Checker().Check(Proposal("10:00", "11:00", Monday.AddDays(-1)), Calendars()));

        Assert.Equal(ConflictKind.NonWorkingDay, day.Kind);
        Assert.Null(day.What);
    }

    [Fact]
    public void Check_OnAMakeUpSaturday_IsAWorkingDay() =>
        Assert.Empty(Checker().Check(Proposal("10:00", "11:00", MakeUpSaturday), Calendars()));

    [Theory]
    [InlineData("09:00", "10:00", false)]
    [InlineData("17:00", "18:00", false)]
    [InlineData("08:45", "09:45", true)]
    [InlineData("17:30", "18:15", true)]
    [InlineData("19:00", "20:00", true)]
    public void Check_AgainstWorkingHours_OutsideOnlyBeyondStartOrEnd(string from, string to, bool outside)
    {
        var found = Checker().Check(Proposal(from, to), Calendars());

        if (!outside)
        {
            Assert.Empty(found);
            return;
        }

        var hours = Assert.Single(found);
        Assert.Equal(ConflictKind.OutsideWorkingHours, hours.Kind);
        Assert.Equal((At("09:00"), At("18:00")), (hours.Start, hours.End));
    }

    [Fact]
    public void Check_CalendarUnavailable_ReportedWithTheLastKnownEvents()
    {
        var since = At("08:10");
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [Meeting("known", "10:30", "11:30")], unavailableSince: since)]);

        var found = Checker().Check(Proposal("10:00", "11:00"), calendars);

        Assert.Equal([ConflictKind.CalendarUnavailable, ConflictKind.Overlap], found.Select(c => c.Kind));
        Assert.Equal((Li, since, At("11:00")), (found[0].Leader, found[0].Start, found[0].End));
    }

    [Fact]
    public void Check_CalendarUnavailableWithNothingKnown_NeverFree()
    {
        var calendars = new MeetingCalendars([new LeaderSchedule(Li, [], unavailableSince: At("08:10"))]);

        var unavailable = Assert.Single(Checker().Check(Proposal("10:00", "11:00"), calendars));

        Assert.Equal((ConflictKind.CalendarUnavailable, Li), (unavailable.Kind, unavailable.Leader));
    }

    [Fact]
    public void Check_LeaderWithoutAnyCalendar_CalendarUnavailable()
    {
        var found = Checker().Check(Proposal("10:00", "11:00", leaders: [Li, Zhou]), Calendars());

        var unavailable = Assert.Single(found);
        Assert.Equal((ConflictKind.CalendarUnavailable, Zhou), (unavailable.Kind, unavailable.Leader));
    }

    [Fact]
    public void Check_ManyProblemsAtOnce_EveryOneIsReported()
    {
        var theirs = new MeetingProposal("request-2", "人事評議會", At("19:00", Holiday), At("20:00", Holiday), [Li], Personnel);
        var calendars = new MeetingCalendars(
            [new LeaderSchedule(Li, [Meeting("dinner", "19:30", "21:00", Holiday)]), new LeaderSchedule(Zhou, [], At("07:00"))],
            new RoomSchedule([Meeting("booked", "18:00", "20:00", Holiday, RoomOne)]),
            [theirs]);

        var found = Checker().Check(Proposal("18:30", "22:01", Holiday, RoomOne, Li, Zhou), calendars);

        Assert.Equal(
        [
            ConflictKind.NonWorkingDay, ConflictKind.OutsideWorkingHours, ConflictKind.Overlap, ConflictKind.Overload,
            ConflictKind.CalendarUnavailable, ConflictKind.Overload, ConflictKind.Room, ConflictKind.DepartmentClash,
        ], found.Select(c => c.Kind));
    }

    [Fact]
    public void Check_MeetingEndingBeforeItStarts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Checker().Check(Proposal("11:00", "10:00"), Calendars()));
}
