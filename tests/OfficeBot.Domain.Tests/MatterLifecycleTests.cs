using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

public sealed class MatterLifecycleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekdaysOnly;

    [Fact]
    public void Register_WithoutLead_WaitsForDirectorsInstruction()
    {
        var (matter, _) = Matter.Register(Tenant, 1, new MatterRegistration("年度預算報告"), Registrar, Now, Zone);

        Assert.Equal(MatterStatus.Registered, matter!.Status);
        Assert.Equal(Registrar.Person, matter.State.Registrar);
        Assert.Single(matter.UncommittedHistory);
    }

    [Theory]
    [InlineData(OfficeRole.Director)]
    [InlineData(OfficeRole.Leader)]
    [InlineData(OfficeRole.Staff)]
    public void Register_WithLead_GoesStraightToInProgress(OfficeRole role)
    {
        var actor = new Actor(new Person("x-1", "Boss"), role);

        var (matter, _) = Matter.Register(Tenant, 7, new MatterRegistration("Budget", Lead: Lead.Person), actor, Now, Zone);

        Assert.Equal(MatterStatus.InProgress, matter!.Status);
    }

    [Fact]
    public void Register_ByDirectorWithoutLead_StaysRegistered()
    {
        var (matter, _) = Matter.Register(Tenant, 7, new MatterRegistration("Budget"), Director, Now, Zone);

        Assert.Equal(MatterStatus.Registered, matter!.Status);
    }

    [Theory]
    [InlineData("", Refusal.TitleRequired)]
    [InlineData("   ", Refusal.TitleRequired)]
    public void Register_WithoutTitle_IsRefused(string title, Refusal expected)
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration(title), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void Register_TitleOver200Characters_IsRefused()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration(new string('報', 201)), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.TitleTooLong, refusal);
    }

    [Fact]
    public void Register_DueYesterday_IsRefused()
    {
        var (_, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Due: new DueDate(new DateOnly(2026, 11, 25))), Registrar, Now, Zone);

        Assert.Equal(Refusal.DueInPast, refusal);
    }

    [Fact]
    public void Register_DueTodayWithoutTime_IsAccepted()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Due: new DueDate(new DateOnly(2026, 11, 26))), Registrar, Now, Zone);

        Assert.Null(refusal);
        Assert.NotNull(matter);
    }

    [Fact]
    public void Register_LeadListedAsCoHandlerAndDuplicates_KeepsEachPersonOnce()
    {
        var (matter, _) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Lead: Lead.Person,
            CoHandlers: [Lead.Person, Co.Person, Co.Person with { DisplayName = "another label" }]), Registrar, Now, Zone);

        var co = Assert.Single(matter!.State.CoHandlers);
        Assert.Equal(Co.Person.ObjectId, co.Person.ObjectId);
    }

    [Theory]
    [InlineData("2026-12-07", TrafficLight.Green)] // Monday after next: 7 working days away
    [InlineData("2026-12-01", TrafficLight.Green)] // Tuesday: 3 working days away
    [InlineData("2026-11-30", TrafficLight.Yellow)] // Monday: Friday and Monday are 2 working days
    [InlineData("2026-11-26", TrafficLight.Yellow)] // today
    [InlineData("2026-11-25", TrafficLight.Red)] // yesterday
    public void Light_ByDueDate_IsGreenYellowOrRed(string due, TrafficLight expected)
    {
        var state = InStatus(MatterStatus.InProgress).State with { Due = new DueDate(DateOnly.Parse(due)) };

        Assert.Equal(expected, Matter.FromState(state).Light(Now, Zone, Calendar));
    }

    [Fact]
    public void Light_DueTimePassedToday_IsRedAndOverdue()
    {
        var state = InStatus(MatterStatus.InProgress).State with { Due = new DueDate(new DateOnly(2026, 11, 26), new TimeOnly(9, 0)) };
        var matter = Matter.FromState(state);

        Assert.Equal(TrafficLight.Red, matter.Light(Now, Zone, Calendar));
        Assert.True(matter.IsOverdue(Now, Zone));
    }

    [Fact]
    public void Light_ClosedMatterPastDue_HasNoLightAndIsNotOverdue()
    {
        var state = InStatus(MatterStatus.Completed).State with { Due = new DueDate(new DateOnly(2026, 11, 1)) };
        var matter = Matter.FromState(state);

        Assert.Equal(TrafficLight.None, matter.Light(Now, Zone, Calendar));
        Assert.False(matter.IsOverdue(Now, Zone));
    }

    [Fact]
    public void OverdueWorkingDays_AcrossAWeekend_CountsWorkingDaysOnly()
    {
        // Due Friday 20 Nov; Thursday 26 Nov is 4 working days later (Mon, Tue, Wed, Thu).
        var state = InStatus(MatterStatus.InProgress).State with { Due = new DueDate(new DateOnly(2026, 11, 20)) };

        Assert.Equal(4, Matter.FromState(state).OverdueWorkingDays(Now, Zone, Calendar));
    }

    [Fact]
    public void RejectCompletion_SendsBackToInProgressWithReasonAndCountsSendBack()
    {
        var matter = InStatus(MatterStatus.AwaitingReview);

        var outcome = matter.RejectCompletion(Director, Now, "數字有誤");

        Assert.True(outcome.IsChanged);
        Assert.Equal(MatterStatus.InProgress, matter.Status);
        Assert.Equal(1, matter.State.Counters.SendBacks);
        var entry = Assert.Single(matter.UncommittedHistory);
        Assert.Equal(HistoryKind.CompletionRejected, entry.Kind);
        Assert.Equal("數字有誤", entry.Note);
        Assert.Equal("AwaitingReview", entry.OldValue);
        Assert.Equal("InProgress", entry.NewValue);
    }

    [Fact]
    public void RejectCompletion_WithoutReason_IsRefused()
    {
        var matter = InStatus(MatterStatus.AwaitingReview);

        Assert.Equal(Refusal.ReasonRequired, matter.RejectCompletion(Director, Now, " ").Refusal);
        Assert.Equal(MatterStatus.AwaitingReview, matter.Status);
    }

    [Fact]
    public void ApproveExtension_MovesDueButKeepsOriginal()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var newDue = new DueDate(new DateOnly(2026, 12, 20));
        matter.AskExtension(Lead, Now, newDue, "等資料", Zone);

        matter.ApproveExtension(Director, Now);

        Assert.Equal(newDue, matter.State.Due);
        Assert.Equal(InTenDays, matter.State.OriginalDue);
        Assert.Equal(1, matter.State.Counters.Extensions);
        Assert.Null(matter.State.Pending);
    }

    [Fact]
    public void AskExtension_ToEarlierDate_IsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);

        var outcome = matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 1)), null, Zone);

        Assert.Equal(Refusal.DueNotLater, outcome.Refusal);
        Assert.Null(matter.State.Pending);
    }

    [Fact]
    public void AskExtension_PressedTwice_HasTheEffectOfOnce()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var newDue = new DueDate(new DateOnly(2026, 12, 20));

        Assert.True(matter.AskExtension(Lead, Now, newDue, "等資料", Zone).IsChanged);
        Assert.Equal(OutcomeKind.Unchanged, matter.AskExtension(Lead, Now, newDue, "等資料", Zone).Kind);
        Assert.Single(matter.UncommittedHistory);
    }

    [Fact]
    public void AskTransfer_ThreeWorkingDaysAfterAssignment_IsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var threeWorkingDaysLater = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)); // Thu → Fri, Mon, Tue

        var outcome = matter.AskTransfer(Lead, threeWorkingDaysLater, Stranger.Person, "非本科", Zone, Calendar);

        Assert.Equal(Refusal.TransferWindowClosed, outcome.Refusal);
    }

    [Fact]
    public void AskTransfer_TwoWorkingDaysAfterAssignmentOverAWeekend_IsAllowed()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var monday = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(8));

        Assert.True(matter.AskTransfer(Lead, monday, Stranger.Person, "非本科", Zone, Calendar).IsChanged);
    }

    [Fact]
    public void ApproveTransfer_ChangesLeadAndAsksForNewReceipt()
    {
        var matter = InStatus(MatterStatus.InProgress);
        matter.Acknowledge(Lead, Now);
        matter.AskTransfer(Lead, Now, Stranger.Person, "非本科", Zone, Calendar);
        var transfersBefore = matter.State.Counters.Transfers;

        matter.ApproveTransfer(Director, Now);

        Assert.Equal(Stranger.Person, matter.State.Lead);
        Assert.False(matter.State.LeadAcknowledged);
        Assert.Equal(transfersBefore + 1, matter.State.Counters.Transfers);
    }

    [Fact]
    public void Acknowledge_PressedTwice_HasTheEffectOfOnce()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.True(matter.Acknowledge(Lead, Now).IsChanged);
        var revision = matter.State.Revision;
        Assert.Equal(OutcomeKind.Unchanged, matter.Acknowledge(Lead, Now).Kind);
        Assert.Equal(revision, matter.State.Revision);
        Assert.Single(matter.UncommittedHistory);
    }

    [Fact]
    public void GiveOpinion_RecordsOpinionOnTheCoHandler()
    {
        var matter = InStatus(MatterStatus.InProgress);

        matter.GiveOpinion(Co, Now, "建議補充附件");

        var co = Assert.Single(matter.State.CoHandlers);
        Assert.Equal(CoHandlingState.OpinionGiven, co.State);
        Assert.Equal("建議補充附件", co.Note);
        Assert.True(co.Acknowledged);
    }

    [Fact]
    public void AcceptCoHandling_AfterOpinionOrPartDone_ChangesNothing()
    {
        var matter = InStatus(MatterStatus.InProgress);
        Assert.True(matter.GiveOpinion(Co, Now, "建議補充附件").IsChanged);
        Assert.True(matter.MarkPartDone(Co, Now).IsChanged);
        var revision = matter.State.Revision;

        Assert.Equal(OutcomeKind.Unchanged, matter.AcceptCoHandling(Co, Now).Kind);
        Assert.Equal(OutcomeKind.Unchanged, matter.MarkPartDone(Co, Now).Kind);
        Assert.Equal(CoHandlingState.Done, Assert.Single(matter.State.CoHandlers).State);
        Assert.Equal(revision, matter.State.Revision);
        Assert.DoesNotContain(MatterAction.AcceptCoHandling, matter.AvailableActions(Co));
        Assert.DoesNotContain(MatterAction.MarkPartDone, matter.AvailableActions(Co));
    }

    [Fact]
    public void DeclineCoHandling_Twice_KeepsTheFirstReason()
    {
        var matter = InStatus(MatterStatus.InProgress);
        Assert.True(matter.DeclineCoHandling(Co, Now, "非本單位職責").IsChanged);

        Assert.Equal(OutcomeKind.Unchanged, matter.DeclineCoHandling(Co, Now, "人力不足").Kind);
        Assert.Equal("非本單位職責", Assert.Single(matter.State.CoHandlers).Note);
        Assert.Contains(MatterAction.AcceptCoHandling, matter.AvailableActions(Co));
    }

    [Fact]
    public void AvailableActions_LeadWithExtensionWaiting_ReportsButAsksNothingElse()
    {
        var matter = InStatus(MatterStatus.InProgress);
        Assert.True(matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 20)), null, Zone).IsChanged);

        var actions = matter.AvailableActions(Lead);

        Assert.Equal([MatterAction.Acknowledge, MatterAction.ReportProgress], actions.Order());
        Assert.DoesNotContain(MatterAction.View, matter.AvailableActions(Director));
        Assert.Contains(MatterAction.ApproveExtension, matter.AvailableActions(Director));
    }

    [Fact]
    public void DeclineCoHandling_WithoutReason_IsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.Equal(Refusal.ReasonRequired, matter.DeclineCoHandling(Co, Now, "").Refusal);
    }

    [Fact]
    public void History_IsAppendOnlyWithRisingSequence()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var before = matter.State.HistoryCount;

        matter.ReportProgress(Lead, Now, "初稿");
        matter.AskCompletion(Lead, Now, null);

        Assert.Equal([before + 1, before + 2], matter.UncommittedHistory.Select(h => h.Sequence));
        Assert.Equal(before + 2, matter.State.HistoryCount);
    }

    [Fact]
    public void Urge_TwiceWithinAnHourBySamePerson_SecondIsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.True(matter.Urge(Director, Now, "請儘快").IsChanged);
        Assert.Equal(Refusal.UrgedRecently, matter.Urge(Director, Now.AddMinutes(59), "再催").Refusal);
        Assert.True(matter.Urge(Registrar, Now.AddMinutes(59), "我也催").IsChanged);
        Assert.True(matter.Urge(Director, Now.AddMinutes(61), "再催").IsChanged);
        Assert.Equal(3, matter.State.Counters.Urges);
    }

    [Fact]
    public void IsVisibleTo_StrangerCannotSeeAMatterTheyAreNotPartOf()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.False(matter.IsVisibleTo(Stranger));
        Assert.True(matter.IsVisibleTo(Co));
        Assert.True(matter.IsVisibleTo(Director));
    }
}
