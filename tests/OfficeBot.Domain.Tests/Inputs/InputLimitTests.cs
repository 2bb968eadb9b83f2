using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests.Inputs;

/// <summary>Every text, list and date a person supplies is held to <see cref="InputLimits"/>: over the limit is refused and nothing changes.</summary>
public sealed class InputLimitTests
{
    private static readonly string TooLongText = new('長', InputLimits.Text + 1);

    public static TheoryData<string> EveryTextOperation() =>
    [
        "progress", "askCompletion", "approveCompletion", "rejectCompletion", "askExtension", "extend", "askTransfer", "transfer",
        "opinion", "decline", "partDone", "urge", "cancel", "instruct",
    ];

    [Theory]
    [MemberData(nameof(EveryTextOperation))]
    public void Operation_TextOneOverTheLimit_IsRefusedAndNothingChanges(string operation)
    {
        var (matter, before) = Fixture(operation);

        var outcome = Apply(operation, matter, TooLongText);

        Assert.Equal(Refusal.TextTooLong, outcome.Refusal);
        Assert.Equal(before, matter.State);
        Assert.Empty(matter.UncommittedHistory);
    }

    [Theory]
    [MemberData(nameof(EveryTextOperation))]
    public void Operation_TextAtTheLimit_IsStoredWhole(string operation)
    {
        var (matter, _) = Fixture(operation);
        var text = new string('足', InputLimits.Text);

        var outcome = Apply(operation, matter, text);

        Assert.True(outcome.IsChanged, outcome.Refusal?.ToString());
        Assert.Contains(matter.UncommittedHistory, h => h.Note == text || h.NewValue == text);
    }

    [Fact]
    public void Register_TitleOfBidiControlsOnly_NeedsATitle()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("\u202E\u2066 \u200F"), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.TitleRequired, refusal);
    }

    [Fact]
    public void Register_TitleWithRightToLeftOverride_IsStoredWithoutIt()
    {
        var (matter, _) = Matter.Register(Tenant, 1, new MatterRegistration("invoice\u202Etxt.exe\u202C \u2067審\u2069核\u200E\u061C"), Registrar, Now, Zone);

        Assert.Equal("invoicetxt.exe 審核", matter!.State.Title);
    }

    [Fact]
    public void Register_TitleOf200AfterStrippingBidi_IsAccepted()
    {
        var title = new string('報', InputLimits.Title) + "\u202E\u202E";

        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration(title), Registrar, Now, Zone);

        Assert.Null(refusal);
        Assert.Equal(InputLimits.Title, matter!.State.Title.Length);
    }

    [Fact]
    public void Register_DescriptionOverTheLimit_IsRefused()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Description: TooLongText), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.TextTooLong, refusal);
    }

    [Fact]
    public void Register_DocumentNumberOverTheLimit_IsRefused()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1,
            new MatterRegistration("Budget", DocumentNumber: new string('9', InputLimits.DocumentNumber + 1)), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.DocumentNumberTooLong, refusal);
    }

    [Fact]
    public void Register_CoHandlersOverTheLimit_IsRefused()
    {
        var (matter, refusal) = Matter.Register(Tenant, 1,
            new MatterRegistration("Budget", Lead: Lead.Person, CoHandlers: People(InputLimits.CoHandlers + 1)), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.TooManyCoHandlers, refusal);
    }

    [Fact]
    public void Register_CoHandlersAtTheLimitCountingEachPersonOnce_IsAccepted()
    {
        var people = People(InputLimits.CoHandlers);
        var (matter, refusal) = Matter.Register(Tenant, 1,
            new MatterRegistration("Budget", Lead: Lead.Person, CoHandlers: [.. people, .. people, Lead.Person]), Registrar, Now, Zone);

        Assert.Null(refusal);
        Assert.Equal(InputLimits.CoHandlers, matter!.State.CoHandlers.Count);
    }

    [Fact]
    public void Instruct_CoHandlersOverTheLimit_IsRefusedAndTheLeadStays()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var before = matter.State;

        var outcome = matter.Instruct(Director, Now, Co.Person, People(InputLimits.CoHandlers + 1), null, null, Zone);

        Assert.Equal(Refusal.TooManyCoHandlers, outcome.Refusal);
        Assert.Equal(before, matter.State);
    }

    [Fact]
    public void Register_DueOnTheHorizon_IsAccepted()
    {
        var latest = InputLimits.LatestDue(DateOnly.FromDateTime(Now.DateTime));

        var (_, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Due: new DueDate(latest)), Registrar, Now, Zone);

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(2031, 11, 27)]
    [InlineData(9999, 12, 31)]
    public void Register_DueBeyondTheHorizon_IsRefused(int year, int month, int day)
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("Budget", Due: new DueDate(new DateOnly(year, month, day))), Registrar, Now, Zone);

        Assert.Null(matter);
        Assert.Equal(Refusal.DueTooFar, refusal);
    }

    [Fact]
    public void Extend_To9999_12_31_IsRefusedAsTooFar()
    {
        var matter = InStatus(MatterStatus.InProgress);
        var before = matter.State;

        var outcome = matter.Extend(Director, Now, new DueDate(DateOnly.MaxValue), "再議", Zone);

        Assert.Equal(Refusal.DueTooFar, outcome.Refusal);
        Assert.Equal(before, matter.State);
    }

    [Fact]
    public void AskExtension_BeyondTheHorizon_IsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);

        var outcome = matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2040, 1, 1)), "等資料", Zone);

        Assert.Equal(Refusal.DueTooFar, outcome.Refusal);
    }

    [Theory]
    [InlineData("Asia/Taipei")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Pacific/Kiritimati")]
    public void LateFrom_LastRepresentableDay_DoesNotOverflow(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        Assert.Equal(DateTimeOffset.MaxValue, new DueDate(DateOnly.MaxValue).LateFrom(zone));
        Assert.True(new DueDate(DateOnly.MaxValue, new TimeOnly(23, 59)).LateFrom(zone) > Now);
        Assert.True(new DueDate(DateOnly.MinValue).LateFrom(zone) < Now);
    }

    [Fact]
    public void ReportProgress_BidiControlsOnly_NeedsText()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.Equal(Refusal.TextRequired, matter.ReportProgress(Lead, Now, "\u202E\u202C").Refusal);
    }

    [Fact]
    public void Urge_TextWithBidiControls_IsStoredWithoutThem()
    {
        var matter = InStatus(MatterStatus.InProgress);

        Assert.True(matter.Urge(Director, Now, "請\u202E儘速").IsChanged);
        Assert.Equal("請儘速", matter.UncommittedHistory[^1].Note);
    }

    private static IReadOnlyList<Person> People(int count) =>
        Enumerable.Range(1, count).Select(i => new Person($"p-{i}", $"同事{i}")).ToList();

    private static (Matter Matter, MatterState Before) Fixture(string operation)
    {
        var status = operation switch
        {
            "approveCompletion" or "rejectCompletion" => MatterStatus.AwaitingReview,
            "instruct" => MatterStatus.Registered,
            _ => MatterStatus.InProgress,
        };
        var matter = InStatus(status);
        return (matter, matter.State);
    }

    private static Outcome Apply(string operation, Matter matter, string text) => operation switch
    {
        "progress" => matter.ReportProgress(Lead, Now, text),
        "askCompletion" => matter.AskCompletion(Lead, Now, text),
        "approveCompletion" => matter.ApproveCompletion(Director, Now, text),
        "rejectCompletion" => matter.RejectCompletion(Director, Now, text),
        "askExtension" => matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 20)), text, Zone),
        "extend" => matter.Extend(Director, Now, new DueDate(new DateOnly(2026, 12, 20)), text, Zone),
        "askTransfer" => matter.AskTransfer(Lead, Now, Registrar.Person, text, Zone, Calendar.WorkingCalendar.WeekdaysOnly),
        "transfer" => matter.Transfer(Director, Now, Registrar.Person, text),
        "opinion" => matter.GiveOpinion(Co, Now, text),
        "decline" => matter.DeclineCoHandling(Co, Now, text),
        "partDone" => matter.MarkPartDone(Co, Now, text),
        "urge" => matter.Urge(Director, Now, text),
        "cancel" => matter.Cancel(Director, Now, text),
        "instruct" => matter.Instruct(Director, Now, null, null, null, text, Zone),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
