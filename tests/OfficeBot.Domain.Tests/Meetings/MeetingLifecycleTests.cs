using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests.Meetings;

/// <summary>A meeting request from asking to deciding, and what the sync does after: who may do what, what is recorded, what is alerted once.</summary>
public sealed class MeetingLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 9, 14, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset End = Start.AddHours(2);
    private static readonly Slot Free = new(Start.AddDays(1), End.AddDays(1));

    private static MeetingConflict Overlap(string eventId = "ics-1") =>
        new(ConflictKind.Overlap, Start.AddMinutes(30), Start.AddMinutes(90), $"Overlap|l-1|{eventId}") { Leader = "l-1", What = "市政會議" };

    private static MeetingCheck Clear => new([], [], Now);

    private static MeetingCheck With(params MeetingConflict[] conflicts) => new(conflicts, [Free], Now);

    private static Meeting Requested(MeetingCheck? check = null, bool urgent = false)
    {
        var (meeting, refusal) = Meeting.Request(Tenant, 3, new MeetingRequestData("預算審查", Start, End, [Leader.Person], "301", urgent, "秘書處"), Registrar, Now,
            check ?? Clear);
        Assert.Null(refusal);
        meeting!.MarkCommitted();
        return meeting;
    }

    [Fact]
    public void Request_RecordsTheConflictsFoundAndWaitsForADirector()
    {
        var meeting = Requested(With(Overlap()));

        Assert.Equal(MeetingStatus.Pending, meeting.Status);
        Assert.Equal(1, meeting.State.Revision);
        Assert.Single(meeting.State.Conflicts);
        Assert.Equal([Free], meeting.State.Alternatives);
    }

    [Theory]
    [InlineData(0, -1, MeetingRefusal.EndBeforeStart)]
    [InlineData(-30, 1, MeetingRefusal.InPast)]
    [InlineData(1, 13, MeetingRefusal.TooLong)]
    public void Request_BadTime_IsRefusedAndNothingIsMade(int startDays, int hours, MeetingRefusal expected)
    {
        var start = Now.AddDays(startDays);
        var (meeting, refusal) = Meeting.Request(Tenant, 3, new MeetingRequestData("x", start, start.AddHours(hours), [Leader.Person], null, false, null), Registrar, Now, Clear);

        Assert.Null(meeting);
        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void Approve_WithConflictsNow_IsRefused_ApproveAnywayRecordsWhatWasOverridden()
    {
        var meeting = Requested(Clear);

        var plain = meeting.Approve(Director, Now, With(Overlap()));
        var anyway = meeting.ApproveAnyway(Director, Now, With(Overlap()));

        Assert.Equal(MeetingRefusal.HasConflicts, plain.Refusal);
        Assert.True(anyway.IsChanged);
        Assert.Equal(MeetingStatus.Approved, meeting.Status);
        Assert.Equal("Overlap|l-1|ics-1", Assert.Single(meeting.State.Overridden).Key);
        Assert.Equal(MeetingHistoryKind.ApprovedAnyway, meeting.UncommittedHistory[^1].Kind);
        Assert.Equal(Director.Person, meeting.State.DecidedBy);
    }

    [Theory]
    [InlineData(nameof(Meeting.Approve))]
    [InlineData(nameof(Meeting.SendBack))]
    [InlineData(nameof(Meeting.Reject))]
    [InlineData(nameof(Meeting.MoveTo))]
    public void DirectorsActions_ByTheRequesterOrALeader_AreRefused(string action)
    {
        foreach (var actor in new[] { Registrar, Leader, Stranger })
        {
            var meeting = Requested(With(Overlap()));
            var outcome = action switch
            {
                nameof(Meeting.Approve) => meeting.ApproveAnyway(actor, Now, Clear),
                nameof(Meeting.SendBack) => meeting.SendBack(actor, Now, "no"),
                nameof(Meeting.Reject) => meeting.Reject(actor, Now, "no"),
                _ => meeting.MoveTo(actor, Now, Free, Clear),
            };

            Assert.Equal(MeetingRefusal.NotPermitted, outcome.Refusal);
            Assert.Equal(1, meeting.State.Revision);
            Assert.Empty(meeting.UncommittedHistory);
        }
    }

    [Fact]
    public void MoveTo_AnOfferedFreeSlot_MovesAndApproves_ASlotNotOfferedOrNotFreeIsRefused()
    {
        var meeting = Requested(With(Overlap()));

        Assert.Equal(MeetingRefusal.SlotNotFree, meeting.MoveTo(Director, Now, new Slot(Start.AddDays(2), End.AddDays(2)), Clear).Refusal);
        Assert.Equal(MeetingRefusal.SlotNotFree, meeting.MoveTo(Director, Now, Free, With(Overlap("other"))).Refusal);
        Assert.True(meeting.MoveTo(Director, Now, Free, Clear).IsChanged);

        Assert.Equal(MeetingStatus.Approved, meeting.Status);
        Assert.Equal(Free.Start, meeting.State.Start);
        Assert.Empty(meeting.State.Conflicts);
        Assert.Equal([MeetingHistoryKind.Moved, MeetingHistoryKind.Approved], meeting.UncommittedHistory.Select(e => e.Kind));
        Assert.Equal(2, meeting.State.Revision);
    }

    [Fact]
    public void SendBackAndReject_NeedAReason()
    {
        var meeting = Requested();

        Assert.Equal(MeetingRefusal.ReasonRequired, meeting.SendBack(Director, Now, " ").Refusal);
        Assert.Equal(MeetingRefusal.ReasonRequired, meeting.Reject(Director, Now, null).Refusal);
        Assert.True(meeting.SendBack(Director, Now, "請改到下午").IsChanged);
        Assert.Equal("請改到下午", meeting.State.Reason);
    }

    [Fact]
    public void SentBack_TheRequesterChangesTheTime_ItIsPendingAgainWithTheNewCheck()
    {
        var meeting = Requested();
        meeting.SendBack(Director, Now, "請改時間");
        meeting.MarkCommitted();

        var byOther = meeting.ChangeTime(Director, Now, Free.Start, Free.End, Clear);
        var changed = meeting.ChangeTime(Registrar, Now, Free.Start, Free.End, With(Overlap()));

        Assert.Equal(MeetingRefusal.NotPermitted, byOther.Refusal);
        Assert.True(changed.IsChanged);
        Assert.Equal(MeetingStatus.Pending, meeting.Status);
        Assert.Single(meeting.State.Conflicts);
        Assert.Null(meeting.State.Reason);
    }

    [Fact]
    public void Approved_PressedAgain_ChangesNothing()
    {
        var meeting = Requested();
        meeting.Approve(Director, Now, Clear);
        meeting.MarkCommitted();

        Assert.Equal(OutcomeKind.Unchanged, meeting.Approve(Director, Now, Clear).Kind);
        Assert.Equal(OutcomeKind.Unchanged, meeting.ApproveAnyway(Director, Now, Clear).Kind);
        Assert.Equal(2, meeting.State.Revision);
    }

    [Fact]
    public void Urgent_IsOnlyClaimedUntilADirectorConfirmsIt()
    {
        var meeting = Requested(urgent: true);

        Assert.Contains(MeetingAction.ConfirmUrgent, meeting.AvailableActions(Director));
        Assert.DoesNotContain(MeetingAction.ConfirmUrgent, meeting.AvailableActions(Registrar));
        Assert.Equal(MeetingRefusal.NotPermitted, meeting.ConfirmUrgent(Registrar, Now).Refusal);
        Assert.True(meeting.ConfirmUrgent(Director, Now).IsChanged);
        Assert.Equal(Director.Person, meeting.State.UrgentConfirmedBy);
        Assert.DoesNotContain(MeetingAction.ConfirmUrgent, meeting.AvailableActions(Director));
    }

    [Fact]
    public void AvailableActions_FollowRoleAndStatus()
    {
        var clear = Requested();
        var conflicted = Requested(With(Overlap()));

        Assert.Equal([MeetingAction.Approve, MeetingAction.SendBack, MeetingAction.Reject, MeetingAction.Cancel], clear.AvailableActions(Director).Order());
        Assert.Contains(MeetingAction.ApproveAnyway, conflicted.AvailableActions(Director));
        Assert.Contains(MeetingAction.PickAlternative, conflicted.AvailableActions(Director));
        Assert.DoesNotContain(MeetingAction.Approve, conflicted.AvailableActions(Director));
        Assert.Equal([MeetingAction.Cancel, MeetingAction.ChangeTime], clear.AvailableActions(Registrar).Order());
        Assert.Empty(clear.AvailableActions(Leader));
        Assert.Empty(clear.AvailableActions(Stranger));
        Assert.False(clear.IsVisibleTo(Stranger));
        Assert.True(clear.IsVisibleTo(Leader));
    }

    [Fact]
    public void Sync_ANewConflictAfterApproval_IsRecordedOnce_ThenItsResolutionIsRecorded()
    {
        var meeting = Requested();
        meeting.Approve(Director, Now, Clear);
        meeting.MarkCommitted();

        var first = meeting.RecordCheck(Matter.Bot, Now, With(Overlap()));
        meeting.MarkCommitted();
        var again = meeting.RecordCheck(Matter.Bot, Now.AddMinutes(10), With(Overlap()));

        Assert.True(first.IsChanged);
        Assert.Equal(OutcomeKind.Unchanged, again.Kind);
        Assert.True(meeting.State.NewConflicts);
        Assert.Contains(MeetingAction.Keep, meeting.AvailableActions(Director));
        Assert.Contains(MeetingAction.PickAlternative, meeting.AvailableActions(Director));

        var gone = meeting.RecordCheck(Matter.Bot, Now.AddMinutes(20), Clear);

        Assert.True(gone.IsChanged);
        Assert.Equal(MeetingHistoryKind.ConflictResolved, Assert.Single(meeting.UncommittedHistory).Kind);
        Assert.False(meeting.State.NewConflicts);
        Assert.Equal("Overlap|l-1|ics-1", Assert.Single(meeting.State.Resolved).Key);
    }

    [Fact]
    public void Sync_AConflictTheDirectorOverrode_IsNotAlertedAgain()
    {
        var meeting = Requested(With(Overlap()));
        meeting.ApproveAnyway(Director, Now, With(Overlap()));
        meeting.MarkCommitted();

        Assert.Equal(OutcomeKind.Unchanged, meeting.RecordCheck(Matter.Bot, Now, With(Overlap())).Kind);
    }

    [Fact]
    public void Keep_AfterAnAlert_RecordsTheConflictsAsOverridden()
    {
        var meeting = Requested();
        meeting.Approve(Director, Now, Clear);
        meeting.RecordCheck(Matter.Bot, Now, With(Overlap()));
        meeting.MarkCommitted();

        Assert.True(meeting.Keep(Director, Now).IsChanged);
        Assert.False(meeting.State.NewConflicts);
        Assert.Single(meeting.State.Overridden);
        Assert.Equal(MeetingRefusal.NothingToKeep, meeting.Keep(Director, Now).Refusal);
    }

    [Fact]
    public void Cancelled_IsNoLongerWatchedOrChanged()
    {
        var meeting = Requested();
        Assert.Equal(MeetingRefusal.NotPermitted, meeting.Cancel(Leader, Now, null).Refusal);
        Assert.True(meeting.Cancel(Registrar, Now, "改期").IsChanged);
        meeting.MarkCommitted();

        Assert.Equal(OutcomeKind.Unchanged, meeting.RecordCheck(Matter.Bot, Now, With(Overlap())).Kind);
        Assert.Equal(OutcomeKind.Unchanged, meeting.Cancel(Director, Now, null).Kind);
        Assert.Equal(MeetingRefusal.WrongStatus, meeting.Approve(Director, Now, Clear).Refusal);
        Assert.Empty(meeting.AvailableActions(Director));
    }

    [Fact]
    public void Decisions_OnlyFromAnApprovedMeeting()
    {
        var meeting = Requested();
        Assert.Equal(MeetingRefusal.WrongStatus, meeting.RecordDecision(Director, Now, 12).Refusal);
        meeting.Approve(Director, Now, Clear);

        Assert.True(meeting.RecordDecision(Registrar, Now, 12).IsChanged);
        Assert.Equal([12], meeting.State.DecisionMatters);
        Assert.Equal(MeetingRefusal.NotPermitted, meeting.RecordDecision(Leader, Now, 13).Refusal);
    }

    [Fact]
    public void ConflictKeys_NameTheSameCollisionFromOneCheckToTheNext()
    {
        var zone = Zone;
        var e = new BusyEvent("ics-9", "市政會議", Start, End, "ics");
        var a = MeetingConflict.From(new Conflict(ConflictKind.Overlap, Start, End) { Leader = "l-1", What = e.Title, Event = e }, null, zone);
        var b = MeetingConflict.From(new Conflict(ConflictKind.Overlap, Start, End) { Leader = "l-1", What = e.Title, Event = e }, null, zone);
        var moved = MeetingConflict.From(new Conflict(ConflictKind.Overlap, Start.AddHours(1), End) { Leader = "l-1", What = e.Title, Event = e with { Start = Start.AddHours(1) } },
            null, zone);
        var hidden = MeetingConflict.From(new Conflict(ConflictKind.Overlap, Start, End) { Leader = "l-1", What = Conflict.PrivateTitle, Event = e with { Private = true } }, null, zone);

        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, moved.Key);
        Assert.Null(hidden.What);
    }
}
