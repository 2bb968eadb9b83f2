using OfficeBot.Application.Matters;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Tests.Presentation;

public sealed class SupervisionReportTests
{
    // Thursday 26 November 2026, 10:00 in Taipei.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    private static readonly DepartmentDirectory Office = new([new Department("秘書處", "head", ["wei"]), new Department("財務處", "mei", [])]);

    private static MatterSummary Open(int number, string? lead, DateOnly? due, MatterStatus status = MatterStatus.InProgress) =>
        new(number, $"matter {number}", status, due is { } d ? new DueDate(d) : null, lead is null ? null : $"name-{lead}", lead, false);

    private static readonly MatterSummary[] Matters =
    [
        Open(1, "wei", new DateOnly(2026, 11, 25)),                          // yesterday: 1 working day late
        Open(2, "mei", new DateOnly(2026, 11, 16)),                          // 8 working days late
        Open(3, "mei", new DateOnly(2026, 11, 27)),                          // tomorrow: yellow
        Open(4, "ann", new DateOnly(2026, 12, 31), MatterStatus.AwaitingReview),
        Open(5, null, null, MatterStatus.Registered),
    ];

    [Fact]
    public void Build_CountsByStatusAndLight_WithTheOfficeCalendar()
    {
        var report = SupervisionReport.Build("h", Matters, Now, Taipei, WorkingCalendar.WeekdaysOnly, Office);

        Assert.Equal([new(MatterStatus.Registered, 1), new(MatterStatus.InProgress, 3), new(MatterStatus.AwaitingReview, 1)], report.ByStatus);
        Assert.Equal([new(TrafficLight.Green, 2), new(TrafficLight.Yellow, 1), new(TrafficLight.Red, 2)], report.ByLight);
        Assert.Equal(5, report.OpenCount);
    }

    [Fact]
    public void Build_OverdueList_MostLateFirstWithLeadAndWorkingDays()
    {
        var report = SupervisionReport.Build("h", Matters, Now, Taipei, WorkingCalendar.WeekdaysOnly, Office);

        Assert.Equal([new OverdueMatter(2, "matter 2", "name-mei", 8), new OverdueMatter(1, "matter 1", "name-wei", 1)], report.Overdue);
    }

    [Fact]
    public void Build_PerLeadAndPerDepartment_MostOverdueFirst_UnassignedAndUnplacedKept()
    {
        var report = SupervisionReport.Build("h", Matters, Now, Taipei, WorkingCalendar.WeekdaysOnly, Office);

        Assert.Equal([new ReportGroup("name-mei", 2, 1), new ReportGroup("name-wei", 1, 1), new ReportGroup("name-ann", 1, 0), new ReportGroup(null, 1, 0)], report.ByLead);
        Assert.Equal([new ReportGroup("財務處", 2, 1), new ReportGroup("秘書處", 1, 1), new ReportGroup(null, 2, 0)], report.ByDepartment);
    }

    [Fact]
    public void Build_NoDepartmentsConfigured_HasNoDepartmentTable()
    {
        var report = SupervisionReport.Build("h", Matters, Now, Taipei, WorkingCalendar.WeekdaysOnly, DepartmentDirectory.Empty);

        Assert.Empty(report.ByDepartment);
    }
}
