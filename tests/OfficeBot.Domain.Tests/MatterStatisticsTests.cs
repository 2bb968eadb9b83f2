using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

public sealed class MatterStatisticsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekdaysOnly;

    // Due Friday 27 November; asked and approved on the given day at 10:00 in Taipei.
    private static readonly DueDate Friday = new(new DateOnly(2026, 11, 27));

    private static StatisticEvent? Last(Matter matter) =>
        MatterStatistics.Of(matter.UncommittedHistory[^1], matter.State, Zone, Calendar);

    private static Matter InProgressDue(DueDate due)
    {
        var (matter, _) = Matter.Register(Tenant, 1, new MatterRegistration("年度預算報告", Lead: Lead.Person, Due: due), Director, Now, Zone);
        return matter!;
    }

    private static Matter CompletedOn(Matter matter, DateTimeOffset when)
    {
        Assert.True(matter.AskCompletion(Lead, when, "done").IsChanged);
        Assert.True(matter.ApproveCompletion(Director, when).IsChanged);
        return matter;
    }

    [Fact]
    public void Of_CompletionApprovedOnTheDueDay_IsOnTime()
    {
        var matter = CompletedOn(InProgressDue(Friday), new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new StatisticEvent(StatisticKind.Completed, Lead.Person.ObjectId, Lead.Person.DisplayName, OnTime: true), Last(matter));
    }

    [Fact]
    public void Of_CompletionAfterAnApprovedExtension_IsLateAgainstTheOriginalDueDate()
    {
        var matter = InProgressDue(Friday);
        Assert.True(matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 11)), "waiting for Finance", Zone).IsChanged);
        Assert.True(matter.ApproveExtension(Director, Now).IsChanged);
        Assert.Equal(StatisticKind.Extended, Last(matter)!.Kind);

        // Wednesday 2 December: Monday, Tuesday and Wednesday after the original Friday, well before the new due day.
        CompletedOn(matter, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new StatisticEvent(StatisticKind.Completed, Lead.Person.ObjectId, Lead.Person.DisplayName, OnTime: false, WorkingDaysLate: 3), Last(matter));
    }

    [Fact]
    public void Of_RejectedCompletion_IsASendBack_AndAPersonsUrgeCounts()
    {
        var matter = InProgressDue(Friday);
        Assert.True(matter.AskCompletion(Lead, Now, "done").IsChanged);
        Assert.True(matter.RejectCompletion(Director, Now, "附件不全").IsChanged);
        Assert.Equal(StatisticKind.SentBack, Last(matter)!.Kind);

        Assert.True(matter.Urge(Director, Now, "請儘快").IsChanged);
        Assert.Equal(StatisticKind.Urged, Last(matter)!.Kind);
    }

    [Theory]
    [InlineData(ReminderRule.Receipt, true)]
    [InlineData(ReminderRule.ReceiptEscalation, false)]
    [InlineData(ReminderRule.DueToday, false)]
    [InlineData(ReminderRule.Overdue, false)]
    public void Of_AutomaticReminder_CountsOnlyTheReceiptReminderAsALateReceipt(ReminderRule rule, bool counted)
    {
        var matter = InProgressDue(Friday);
        matter.RecordReminder(Now, new PlannedReminder(Now, rule));

        Assert.Equal(counted ? StatisticKind.LateReceipt : null, Last(matter)?.Kind);
    }

    [Fact]
    public void Of_Registration_CountsWithItsLead_AndProgressDoesNotCount()
    {
        var matter = InProgressDue(Friday);
        Assert.Equal(new StatisticEvent(StatisticKind.Registered, Lead.Person.ObjectId, Lead.Person.DisplayName), Last(matter));

        Assert.True(matter.ReportProgress(Lead, Now, "halfway").IsChanged);
        Assert.Null(Last(matter));
    }

    [Fact]
    public void Day_IsTheOfficeLocalDay()
    {
        // 23:30 UTC on the 25th is 07:30 on the 26th in Taipei.
        Assert.Equal(new DateOnly(2026, 11, 26), MatterStatistics.Day(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero), Zone));
    }
}
