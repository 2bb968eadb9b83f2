using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Domain.Tests;

/// <summary>A small office: a director, a leader, a lead handler, a co-handler, the staff member who registers, and a stranger.</summary>
internal static class Office
{
    public const string Tenant = "tenant-a";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    /// <summary>Thursday 26 November 2026, 10:00 in Taipei.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    public static readonly Actor Leader = new(new Person("l-1", "李局長"), OfficeRole.Leader);
    public static readonly Actor Lead = new(new Person("h-1", "陳主辦"));
    public static readonly Actor Co = new(new Person("c-1", "林會辦"));
    public static readonly Actor Registrar = new(new Person("r-1", "張登記"));
    public static readonly Actor Stranger = new(new Person("s-1", "路人"));

    public static readonly DueDate InTenDays = new(new DateOnly(2026, 12, 7));

    public static Matter Registered(DueDate? due = null)
    {
        // Registered without a lead, then given one by the director without instructing: a registered matter with its people.
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration(
            "年度預算報告", CoHandlers: [Co.Person], Due: due ?? InTenDays), Registrar, Now, Zone);
        Assert.Null(refusal);
        Assert.True(matter!.Transfer(Director, Now, Lead.Person, null).IsChanged);
        Assert.Equal(MatterStatus.Registered, matter.Status);
        return matter;
    }

    public static Matter InStatus(MatterStatus status)
    {
        var matter = Registered();
        if (status == MatterStatus.Registered)
        {
            return Committed(matter);
        }

        Assert.True(matter.Instruct(Director, Now, null, null, null, "請按時完成", Zone).IsChanged);
        switch (status)
        {
            case MatterStatus.InProgress:
                break;
            case MatterStatus.AwaitingReview:
                Assert.True(matter.AskCompletion(Lead, Now, "已完成").IsChanged);
                break;
            case MatterStatus.Completed:
                Assert.True(matter.AskCompletion(Lead, Now, "已完成").IsChanged);
                Assert.True(matter.ApproveCompletion(Director, Now).IsChanged);
                break;
            case MatterStatus.Cancelled:
                Assert.True(matter.Cancel(Director, Now, "不再需要").IsChanged);
                break;
            case MatterStatus.Archived:
                Assert.True(matter.AskCompletion(Lead, Now, "已完成").IsChanged);
                Assert.True(matter.ApproveCompletion(Director, Now).IsChanged);
                Assert.True(matter.Archive(Director, Now).IsChanged);
                break;
        }

        Assert.Equal(status, matter.Status);
        return Committed(matter);
    }

    private static Matter Committed(Matter matter)
    {
        matter.MarkCommitted();
        return Matter.FromState(matter.State);
    }
}
