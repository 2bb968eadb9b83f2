using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

/// <summary>
/// Every action × every role × every status. The expected table below is SPEC §2–3 written out by hand; the domain's
/// own table is not consulted, so a drift in either shows up here.
/// </summary>
public sealed class PermissionMatrixTests
{
    private const string R = "Registered", P = "InProgress", A = "AwaitingReview", C = "Completed", X = "Cancelled", V = "Archived";

    // action → (who may, in which statuses)
    private static readonly Dictionary<MatterAction, (string[] Who, string[] When)> Expected = new()
    {
        [MatterAction.Instruct] = (["director"], [R, P]),
        [MatterAction.Acknowledge] = (["lead", "co"], [R, P]),
        [MatterAction.ReportProgress] = (["director", "lead"], [P]),
        [MatterAction.AskCompletion] = (["director", "lead"], [P]),
        [MatterAction.ApproveCompletion] = (["director"], [A]),
        [MatterAction.RejectCompletion] = (["director"], [A]),
        [MatterAction.AskExtension] = (["lead"], [P]),
        [MatterAction.ApproveExtension] = (["director"], [P]),
        [MatterAction.RejectExtension] = (["director"], [P]),
        [MatterAction.Extend] = (["director"], [R, P]),
        [MatterAction.AskTransfer] = (["lead"], [R, P]),
        [MatterAction.ApproveTransfer] = (["director"], [R, P]),
        [MatterAction.RejectTransfer] = (["director"], [R, P]),
        [MatterAction.Transfer] = (["director"], [R, P]),
        [MatterAction.AcceptCoHandling] = (["co"], [R, P]),
        [MatterAction.DeclineCoHandling] = (["co"], [R, P]),
        [MatterAction.GiveOpinion] = (["co"], [R, P]),
        [MatterAction.MarkPartDone] = (["co"], [R, P]),
        [MatterAction.Urge] = (["director", "leader", "registrar"], [R, P, A]),
        [MatterAction.Cancel] = (["director"], [R, P, A]),
        [MatterAction.Archive] = (["director"], [C]),
    };

    private static readonly Dictionary<string, Actor> Personas = new()
    {
        ["director"] = Director,
        ["leader"] = Leader,
        ["lead"] = Lead,
        ["co"] = Co,
        ["registrar"] = Registrar,
        ["stranger"] = Stranger,
    };

    public static TheoryData<MatterAction, string, MatterStatus> Cases()
    {
        var data = new TheoryData<MatterAction, string, MatterStatus>();
        foreach (var action in Expected.Keys)
        {
            foreach (var persona in Personas.Keys)
            {
                foreach (var status in Enum.GetValues<MatterStatus>())
                {
                    data.Add(action, persona, status);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_CoversEveryActionButView()
    {
        var covered = Expected.Keys.Append(MatterAction.View).ToHashSet();
        Assert.Equal(Enum.GetValues<MatterAction>().ToHashSet(), covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Action_ByRoleInStatus_SucceedsOnlyWhereAllowedAndRefusalChangesNothing(MatterAction action, string persona, MatterStatus status)
    {
        var matter = InStatus(status);
        ArrangePending(matter, action);
        matter.MarkCommitted();
        var before = matter.State;

        var outcome = Do(matter, action, Personas[persona]);

        var (who, when) = Expected[action];
        var allowed = (who.Contains(persona) || (action == MatterAction.Cancel && persona == "registrar" && status == MatterStatus.Registered))
            && when.Contains(status.ToString());
        if (allowed)
        {
            Assert.True(outcome.IsChanged, $"{persona} {action} in {status}: expected a change, got {outcome}");
            Assert.NotEmpty(matter.UncommittedHistory);
            Assert.All(matter.UncommittedHistory, h => Assert.Equal(Personas[persona].Person, h.Actor));
            Assert.Equal(before.Revision + 1, matter.State.Revision);
        }
        else
        {
            Assert.True(outcome.IsRefused, $"{persona} {action} in {status}: expected a refusal, got {outcome}");
            Assert.Contains(outcome.Refusal, new Refusal?[] { Refusal.NotPermitted, Refusal.WrongStatus });
            Assert.Same(before, matter.State);
            Assert.Empty(matter.UncommittedHistory);
        }
    }

    [Fact]
    public void Cancel_ByRegistrarAfterInstruction_IsRefused()
    {
        var matter = InStatus(MatterStatus.InProgress);

        var outcome = matter.Cancel(Registrar, Now, "changed my mind");

        Assert.Equal(Refusal.NotPermitted, outcome.Refusal);
    }

    private static void ArrangePending(Matter matter, MatterAction action)
    {
        if (action is MatterAction.ApproveExtension or MatterAction.RejectExtension && matter.Status == MatterStatus.InProgress)
        {
            Assert.True(matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 20)), "資料未齊", Zone).IsChanged);
        }

        if (action is MatterAction.ApproveTransfer or MatterAction.RejectTransfer && matter.Status is MatterStatus.Registered or MatterStatus.InProgress)
        {
            Assert.True(matter.AskTransfer(Lead, Now, Stranger.Person, "非本科業務", Zone, WorkingCalendar.WeekdaysOnly).IsChanged);
        }
    }

    private static Outcome Do(Matter matter, MatterAction action, Actor actor)
    {
        var later = new DueDate(new DateOnly(2026, 12, 31));
        return action switch
        {
            MatterAction.Instruct => matter.Instruct(actor, Now, Leader.Person, null, later, "請主辦", Zone),
            MatterAction.Acknowledge => matter.Acknowledge(actor, Now),
            MatterAction.ReportProgress => matter.ReportProgress(actor, Now, "初稿完成"),
            MatterAction.AskCompletion => matter.AskCompletion(actor, Now, "已辦妥"),
            MatterAction.ApproveCompletion => matter.ApproveCompletion(actor, Now),
            MatterAction.RejectCompletion => matter.RejectCompletion(actor, Now, "數字有誤"),
            MatterAction.AskExtension => matter.AskExtension(actor, Now, later, "等待資料", Zone),
            MatterAction.ApproveExtension => matter.ApproveExtension(actor, Now),
            MatterAction.RejectExtension => matter.RejectExtension(actor, Now, "不同意"),
            MatterAction.Extend => matter.Extend(actor, Now, later, "主任延期", Zone),
            MatterAction.AskTransfer => matter.AskTransfer(actor, Now, Leader.Person, "應由他辦", Zone, WorkingCalendar.WeekdaysOnly),
            MatterAction.ApproveTransfer => matter.ApproveTransfer(actor, Now),
            MatterAction.RejectTransfer => matter.RejectTransfer(actor, Now, "仍由你辦"),
            MatterAction.Transfer => matter.Transfer(actor, Now, Leader.Person, "改派"),
            MatterAction.AcceptCoHandling => matter.AcceptCoHandling(actor, Now),
            MatterAction.DeclineCoHandling => matter.DeclineCoHandling(actor, Now, "非本單位職責"),
            MatterAction.GiveOpinion => matter.GiveOpinion(actor, Now, "同意，建議補充附件"),
            MatterAction.MarkPartDone => matter.MarkPartDone(actor, Now),
            MatterAction.Urge => matter.Urge(actor, Now, "請儘快"),
            MatterAction.Cancel => matter.Cancel(actor, Now, "撤銷"),
            MatterAction.Archive => matter.Archive(actor, Now),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}
