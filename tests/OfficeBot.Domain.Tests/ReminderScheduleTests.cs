using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Reminders;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

/// <summary>
/// When a matter's next automatic reminder is due, across a week with a weekend. "Now" is Thursday 2026-11-26 10:00 in
/// Taipei; working hours 09:00–18:00.
/// </summary>
public sealed class ReminderScheduleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekdaysOnly;
    private static readonly ReminderRules Rules = ReminderRules.Default;

    [Fact]
    public void DueTuesday_RemindsFridayMondayAndTuesdayMorning_ThenEveryWorkingMorningLate()
    {
        var state = Acknowledged(new DateOnly(2026, 12, 1));

        var expected = new (string At, ReminderRule Rule, int Days)[]
        {
            ("2026-11-27 09:00", ReminderRule.DueSoon, 2),
            ("2026-11-30 09:00", ReminderRule.DueSoon, 1),
            ("2026-12-01 09:00", ReminderRule.DueToday, 0),
            ("2026-12-02 09:00", ReminderRule.Overdue, 1),
            ("2026-12-03 09:00", ReminderRule.Overdue, 2),
            ("2026-12-04 09:00", ReminderRule.Overdue, 3),
            ("2026-12-07 09:00", ReminderRule.Overdue, 4),
        };

        Assert.Equal(expected, Series(state, Now, expected.Length));
    }

    [Fact]
    public void DueOnASaturday_TheFridayBeforeIsTheDueMorning_AndMondayIsLate()
    {
        var state = Acknowledged(new DateOnly(2026, 12, 5));

        Assert.Equal(
            [("2026-12-02 09:00", ReminderRule.DueSoon, 2), ("2026-12-03 09:00", ReminderRule.DueSoon, 1), ("2026-12-04 09:00", ReminderRule.DueToday, 0),
                ("2026-12-07 09:00", ReminderRule.Overdue, 1)],
            Series(state, Now, 4));
    }

    [Theory]
    [InlineData(Urgency.Urgent)]
    [InlineData(Urgency.ExtraUrgent)]
    public void UrgentMatters_StartThreeWorkingDaysBefore(Urgency urgency)
    {
        var state = Acknowledged(new DateOnly(2026, 12, 3)) with { Urgency = urgency };

        Assert.Equal(("2026-11-30 09:00", ReminderRule.DueSoon, 3), Series(state, Now, 1)[0]);
    }

    [Theory]
    [InlineData("2026-11-26 10:00", "2026-11-26 14:00")]
    [InlineData("2026-11-26 16:00", "2026-11-27 11:00")]
    [InlineData("2026-11-27 17:00", "2026-11-30 12:00")]
    [InlineData("2026-11-28 11:00", "2026-11-30 13:00")]
    [InlineData("2026-11-26 07:30", "2026-11-26 13:00")]
    public void LeadWhoHasNotAcknowledged_IsRemindedFourWorkingHoursAfterBeingNamed(string assigned, string expected)
    {
        var at = Local(assigned);
        var state = Acknowledged(new DateOnly(2026, 12, 31)) with { LeadAcknowledged = false, LeadAssignedAt = at, Due = null };

        var next = ReminderSchedule.Next(state, at, Calendar, Zone, Rules);

        Assert.Equal((expected, ReminderRule.Receipt), (Text(next!.At), next.Rule));
    }

    [Fact]
    public void TheEarlierRuleComesFirst_TheReceiptBeforeTheDueDate()
    {
        var state = Acknowledged(new DateOnly(2026, 11, 27)) with { LeadAcknowledged = false, LeadAssignedAt = Now };

        Assert.Equal([("2026-11-26 14:00", ReminderRule.Receipt, 0), ("2026-11-27 09:00", ReminderRule.DueToday, 0)], Series(state, Now, 2));
    }

    [Theory]
    [InlineData(MatterStatus.AwaitingReview)]
    [InlineData(MatterStatus.Completed)]
    [InlineData(MatterStatus.Cancelled)]
    [InlineData(MatterStatus.Archived)]
    public void AMatterNotBeingWorkedOn_HasNoReminder(MatterStatus status)
    {
        var state = InStatus(status).State;

        Assert.Null(ReminderSchedule.Next(state, Now, Calendar, Zone, Rules));
    }

    [Fact]
    public void Changes_PlanTheNextReminderAndASentOneIsRecorded()
    {
        var matter = Matter.FromState(Acknowledged(new DateOnly(2026, 12, 1)));
        matter.PlanReminders(Now, Calendar, Zone, Rules);
        var planned = matter.State.NextReminder!;

        Assert.True(matter.RecordReminder(planned.At, planned).IsChanged);
        matter.PlanReminders(planned.At, Calendar, Zone, Rules);

        Assert.Equal("2026-11-30 09:00", Text(matter.State.NextReminder!.At));
        var line = Assert.Single(matter.UncommittedHistory);
        Assert.Equal((HistoryKind.Reminded, "DueSoon", "2"), (line.Kind, line.NewValue, line.Note));
        Assert.True(line.IsPersonalAnswer);
    }

    [Theory]
    [InlineData("2026-11-27", "DueSoon")]
    [InlineData("2026-11-26", "DueToday")]
    [InlineData("2026-11-25", "Overdue")]
    public void RegisteredAfterThisMorningsSlot_TheMissedReminderIsDueAtOnce(string due, string rule)
    {
        var matter = Matter.FromState(Acknowledged(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));

        matter.PlanReminders(Now, Calendar, Zone, Rules);

        Assert.Equal((Now, rule), (matter.State.NextReminder!.At, matter.State.NextReminder.Rule.ToString()));
    }

    [Fact]
    public void ThisMorningsReminderAlreadySent_AChangeLaterDoesNotSendItAgain()
    {
        var matter = Matter.FromState(Acknowledged(new DateOnly(2026, 11, 26)) with { LastReminderAt = Local("2026-11-26 09:00") });

        matter.PlanReminders(Now, Calendar, Zone, Rules);

        Assert.Equal(("2026-11-27 09:00", ReminderRule.Overdue), (Text(matter.State.NextReminder!.At), matter.State.NextReminder.Rule));
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2026-11-26 08:00")]
    public void NoSlotPassedToday_NothingIsDueAtOnce(string dueOrNow)
    {
        var now = dueOrNow.Contains(':') ? Local(dueOrNow) : Now;
        var due = dueOrNow.Contains(':') ? new DateOnly(2026, 11, 26) : DateOnly.Parse(dueOrNow, System.Globalization.CultureInfo.InvariantCulture);
        var matter = Matter.FromState(Acknowledged(due));

        matter.PlanReminders(now, Calendar, Zone, Rules);

        Assert.NotEqual(now, matter.State.NextReminder!.At);
        Assert.Equal(9, TimeZoneInfo.ConvertTime(matter.State.NextReminder.At, Zone).Hour);
    }

    [Fact]
    public void AWeekWithAHolidayAndAMakeUpSaturday_CountsTheSaturdayAndSkipsTheHoliday()
    {
        var calendar = new WorkingCalendar([
            new CalendarDay(new DateOnly(2026, 11, 28), "補班", CalendarDayKind.MakeUpWorkday),
            new CalendarDay(new DateOnly(2026, 11, 30), "調整放假", CalendarDayKind.Holiday)]);
        var state = Acknowledged(new DateOnly(2026, 12, 1));

        var series = new List<(string, ReminderRule, int)>();
        for (var after = Now; series.Count < 4 && ReminderSchedule.Next(state, after, calendar, Zone, Rules) is { } next; after = next.At)
        {
            series.Add((Text(next.At), next.Rule, next.WorkingDays));
        }

        Assert.Equal(
            [("2026-11-27 09:00", ReminderRule.DueSoon, 2), ("2026-11-28 09:00", ReminderRule.DueSoon, 1), ("2026-12-01 09:00", ReminderRule.DueToday, 0),
                ("2026-12-02 09:00", ReminderRule.Overdue, 1)],
            series);

        var unacknowledged = state with { LeadAcknowledged = false, LeadAssignedAt = Local("2026-11-27 16:00"), Due = null };
        Assert.Equal("2026-11-28 11:00", Text(ReminderSchedule.Next(unacknowledged, Local("2026-11-27 16:00"), calendar, Zone, Rules)!.At));
    }

    [Fact]
    public void LeadAndCoHandlerWhoDoNotAcknowledge_AreRemindedThenTheDirectorsAreToldAWorkingDayAfter()
    {
        var state = InStatus(MatterStatus.InProgress).State is var s0
            ? s0 with
            {
                LeadAcknowledged = false,
                LeadAssignedAt = Now,
                Due = null,
                CoHandlers = [.. s0.CoHandlers.Select(c => c with { Acknowledged = false, AssignedAt = Now, State = CoHandlingState.Requested })],
            }
            : null!;

        Assert.Equal([("2026-11-26 14:00", ReminderRule.Receipt, 0), ("2026-11-27 10:00", ReminderRule.ReceiptEscalation, 0)], Series(state, Now, 3));
        Assert.Equal([Lead.Person, Co.Person], ReminderSchedule.LateReceipts(state, Local("2026-11-26 14:00"), 4, Calendar, Zone));
        Assert.Empty(ReminderSchedule.LateReceipts(state, Local("2026-11-26 13:59"), 4, Calendar, Zone));

        var coAcknowledged = state with { CoHandlers = [.. state.CoHandlers.Select(c => c with { Acknowledged = true })] };
        Assert.Equal([Lead.Person], ReminderSchedule.LateReceipts(coAcknowledged, Local("2026-11-27 10:00"), 9, Calendar, Zone));
    }

    /// <summary>In progress, due on <paramref name="due"/>, everyone's receipt given.</summary>
    private static MatterState Acknowledged(DateOnly due) => InStatus(MatterStatus.InProgress).State is var state
        ? state with { LeadAcknowledged = true, Due = new DueDate(due), CoHandlers = [.. state.CoHandlers.Select(c => c with { Acknowledged = true })] }
        : null!;

    private static (string At, ReminderRule Rule, int Days)[] Series(MatterState state, DateTimeOffset from, int count)
    {
        var list = new List<(string, ReminderRule, int)>();
        var after = from;
        for (var i = 0; i < count && ReminderSchedule.Next(state, after, Calendar, Zone, Rules) is { } next; i++)
        {
            list.Add((Text(next.At), next.Rule, next.WorkingDays));
            after = next.At;
        }

        return [.. list];
    }

    private static DateTimeOffset Local(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static string Text(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
