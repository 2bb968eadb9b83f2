using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>
/// The matter card offers a viewer exactly the presses the domain accepts from them: for every viewer (director, leader,
/// lead before and after the receipt, a co-handler in each answer, registrar, stranger, and people holding two roles) ×
/// every status with each kind of waiting request × every action that has a button, the button is drawn (top level or
/// under "More…") ⇔ the operation, pressed with the inputs its form would send, changes the matter. A hidden button's
/// press is refused or changes nothing. Matters are built through the domain's own operations.
/// </summary>
public class ButtonsMatchDomainTests
{
    private const string Tenant = "tenant-a";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    /// <summary>Thursday 26 November 2026, 10:00 in Taipei.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly DueDate Due = new(new DateOnly(2026, 12, 7));

    private static readonly Actor Director = new(new Person("d-1", "王主任"), OfficeRole.Director);
    private static readonly Actor Leader = new(new Person("l-1", "李局長"), OfficeRole.Leader);
    private static readonly Actor Lead = new(new Person("h-1", "陳主辦"));
    private static readonly Actor Co = new(new Person("c-1", "林會辦"));
    private static readonly Actor Registrar = new(new Person("r-1", "張登記"));
    private static readonly Actor Stranger = new(new Person("s-1", "路人"));
    private static readonly Person Other = new("o-1", "趙同事");
    private static readonly Person Another = new("o-2", "錢同事");

    /// <summary>The verb each button sends, and the action it asks of the domain.</summary>
    private static readonly Dictionary<string, MatterAction> ActionOfVerb = new()
    {
        [CardVerbs.Instruct] = MatterAction.Instruct,
        [CardVerbs.Acknowledge] = MatterAction.Acknowledge,
        [CardVerbs.Progress] = MatterAction.ReportProgress,
        [CardVerbs.AskCompletion] = MatterAction.AskCompletion,
        [CardVerbs.AskExtension] = MatterAction.AskExtension,
        [CardVerbs.AskTransfer] = MatterAction.AskTransfer,
        [CardVerbs.Urge] = MatterAction.Urge,
        [CardVerbs.Cancel] = MatterAction.Cancel,
        [CardVerbs.Archive] = MatterAction.Archive,
        [CardVerbs.Accept] = MatterAction.AcceptCoHandling,
        [CardVerbs.Decline] = MatterAction.DeclineCoHandling,
        [CardVerbs.Opinion] = MatterAction.GiveOpinion,
        [CardVerbs.PartDone] = MatterAction.MarkPartDone,
        [CardVerbs.ApproveCompletion] = MatterAction.ApproveCompletion,
        [CardVerbs.RejectCompletion] = MatterAction.RejectCompletion,
        [CardVerbs.ApproveExtension] = MatterAction.ApproveExtension,
        [CardVerbs.RejectExtension] = MatterAction.RejectExtension,
        [CardVerbs.ApproveTransfer] = MatterAction.ApproveTransfer,
        [CardVerbs.RejectTransfer] = MatterAction.RejectTransfer,
    };

    /// <summary>Who looks, who registered the matter, and what the viewer did on it while it was still registered.</summary>
    private static readonly Dictionary<string, (Actor Viewer, Actor Registrar, Action<Matter> Before)> Viewers = new()
    {
        ["director"] = (Director, Registrar, _ => { }),
        ["leader"] = (Leader, Registrar, _ => { }),
        ["lead"] = (Lead, Registrar, _ => { }),
        ["lead, acknowledged"] = (Lead, Registrar, m => Changed(m.Acknowledge(Lead, Now))),
        ["co-handler, asked"] = (Co, Registrar, _ => { }),
        ["co-handler, acknowledged"] = (Co, Registrar, m => Changed(m.Acknowledge(Co, Now))),
        ["co-handler, accepted"] = (Co, Registrar, m => Changed(m.AcceptCoHandling(Co, Now))),
        ["co-handler, declined"] = (Co, Registrar, m => Changed(m.DeclineCoHandling(Co, Now, "非本單位職責"))),
        ["co-handler, opinion given"] = (Co, Registrar, m => Changed(m.GiveOpinion(Co, Now, "建議補充附件"))),
        ["co-handler, part done"] = (Co, Registrar, m => Changed(m.MarkPartDone(Co, Now))),
        ["co-handler, opinion then done"] = (Co, Registrar, m =>
        {
            Changed(m.GiveOpinion(Co, Now, "建議補充附件"));
            Changed(m.MarkPartDone(Co, Now));
        }),
        ["registrar"] = (Registrar, Registrar, _ => { }),
        ["stranger"] = (Stranger, Registrar, _ => { }),
        ["director who registered"] = (Director, Director, _ => { }),
        ["director who leads"] = (Lead with { OfficeRoles = OfficeRole.Director }, Registrar, _ => { }),
        ["leader who registered"] = (Leader, Leader, _ => { }),
    };

    private static readonly string[] Scenarios =
    [
        "registered", "registered+transfer", "in-progress", "in-progress+extension", "in-progress+transfer",
        "awaiting-review", "sent-back", "completed", "cancelled", "archived",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var viewer in Viewers.Keys)
        {
            foreach (var scenario in Scenarios)
            {
                data.Add(viewer, scenario);
            }
        }

        return data;
    }

    [Fact]
    public void Verbs_EveryChangingVerb_AsksOneDomainAction()
    {
        var changing = CardVerbs.All.Where(v => v is not (CardVerbs.Refresh or CardVerbs.ShowHistory));

        Assert.Equal(changing.Order(), ActionOfVerb.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuildMatterCard_EveryViewerAndStatus_ShowsAButtonExactlyWhereThePressIsAccepted(string viewer, string scenario)
    {
        var (actor, registrar, before) = Viewers[viewer];
        var matter = Build(scenario, registrar, before);

        var shown = Shown(matter, actor);

        Assert.All(ActionOfVerb.Values, action =>
        {
            var outcome = Press(Matter.FromState(matter.State), action, actor);
            if (shown.Contains(action))
            {
                Assert.True(outcome.IsChanged, $"{viewer}, {scenario}: {action} is shown but the press answers {outcome}");
            }
            else
            {
                Assert.False(outcome.IsChanged, $"{viewer}, {scenario}: {action} is accepted but not shown");
            }
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_OtherMatterCards_OfferNothingTheMatterCardWouldNot(string viewer, string scenario)
    {
        var (actor, registrar, before) = Viewers[viewer];
        var matter = Build(scenario, registrar, before);
        var view = ViewOf(matter);
        var context = ContextOf(matter, actor);
        var accepted = Shown(matter, actor);

        foreach (var (name, build) in EveryRoleCardTests.Builders)
        {
            var verbs = Buttons.ChangingVerbs(build(view, Language.English, context).ToJsonObject());
            Assert.All(verbs, v => Assert.True(accepted.Contains(ActionOfVerb[v]), $"{name} card, {viewer}, {scenario}: {v} is not accepted"));
        }
    }

    [Fact]
    public void Urge_TwiceWithinTheHour_ButtonStaysAndThePressExplains()
    {
        var matter = Build("in-progress", Registrar, _ => { });
        Changed(matter.Urge(Director, Now, "請儘快"));

        Assert.Contains(MatterAction.Urge, Shown(matter, Director));
        Assert.Equal(Refusal.UrgedRecently, matter.Urge(Director, Now.AddMinutes(10), "再催").Refusal);
    }

    /// <summary>The actions whose buttons the matter card draws for <paramref name="actor"/>, at any depth.</summary>
    private static HashSet<MatterAction> Shown(Matter matter, Actor actor)
    {
        var json = MatterCard.Build(ViewOf(matter), Language.English, ContextOf(matter, actor)).ToJsonObject();
        return Buttons.ChangingVerbs(json).Select(v => ActionOfVerb[v]).ToHashSet();
    }

    /// <summary>The context as the bot builds it (CardContexts): the viewer's roles and the domain's open actions.</summary>
    private static CardContext ContextOf(Matter matter, Actor actor) =>
        new(matter.RolesOf(actor), actor.Person.ObjectId, [new PersonView(Other.ObjectId, Other.DisplayName)], [])
        {
            Actions = matter.AvailableActions(actor),
        };

    private static Matter Build(string scenario, Actor registrar, Action<Matter> before)
    {
        var (matter, refusal) = Matter.Register(Tenant, 1, new MatterRegistration("年度預算報告", CoHandlers: [Co.Person], Due: Due), registrar, Now, Zone);
        Assert.Null(refusal);

        // Given a lead by the director without instructing: a registered matter with its people (as in the domain tests).
        Changed(matter!.Transfer(Director, Now, Lead.Person, null));
        before(matter);
        if (scenario.StartsWith("registered", StringComparison.Ordinal))
        {
            if (scenario == "registered+transfer")
            {
                Changed(matter.AskTransfer(Lead, Now, Other, "非本科業務", Zone, WorkingCalendar.WeekdaysOnly));
            }

            return Committed(matter, MatterStatus.Registered);
        }

        Changed(matter.Instruct(Director, Now, null, null, null, "請按時完成", Zone));
        var expected = MatterStatus.InProgress;
        switch (scenario)
        {
            case "in-progress+extension":
                Changed(matter.AskExtension(Lead, Now, new DueDate(new DateOnly(2026, 12, 20)), "資料未齊", Zone));
                break;
            case "in-progress+transfer":
                Changed(matter.AskTransfer(Lead, Now, Other, "非本科業務", Zone, WorkingCalendar.WeekdaysOnly));
                break;
            case "awaiting-review":
                Changed(matter.AskCompletion(Lead, Now, "已完成"));
                expected = MatterStatus.AwaitingReview;
                break;
            case "sent-back":
                Changed(matter.AskCompletion(Lead, Now, "已完成"));
                Changed(matter.RejectCompletion(Director, Now, "數字有誤"));
                break;
            case "completed" or "archived":
                Changed(matter.AskCompletion(Lead, Now, "已完成"));
                Changed(matter.ApproveCompletion(Director, Now));
                expected = MatterStatus.Completed;
                if (scenario == "archived")
                {
                    Changed(matter.Archive(Director, Now));
                    expected = MatterStatus.Archived;
                }

                break;
            case "cancelled":
                Changed(matter.Cancel(Director, Now, "不再需要"));
                expected = MatterStatus.Cancelled;
                break;
        }

        return Committed(matter, expected);
    }

    /// <summary>The press with what its form sends: a new text, a later date, another person.</summary>
    private static Outcome Press(Matter matter, MatterAction action, Actor actor)
    {
        var later = new DueDate(new DateOnly(2026, 12, 31));
        return action switch
        {
            MatterAction.Instruct => matter.Instruct(actor, Now, matter.State.Lead ?? Other, null, null, "請依新批示辦理", Zone),
            MatterAction.Acknowledge => matter.Acknowledge(actor, Now),
            MatterAction.ReportProgress => matter.ReportProgress(actor, Now, "初稿完成"),
            MatterAction.AskCompletion => matter.AskCompletion(actor, Now, "已辦妥"),
            MatterAction.ApproveCompletion => matter.ApproveCompletion(actor, Now),
            MatterAction.RejectCompletion => matter.RejectCompletion(actor, Now, "數字有誤"),
            MatterAction.AskExtension => matter.AskExtension(actor, Now, later, "等待資料", Zone),
            MatterAction.ApproveExtension => matter.ApproveExtension(actor, Now),
            MatterAction.RejectExtension => matter.RejectExtension(actor, Now, "不同意"),
            MatterAction.AskTransfer => matter.AskTransfer(actor, Now, Another, "應由他辦", Zone, WorkingCalendar.WeekdaysOnly),
            MatterAction.ApproveTransfer => matter.ApproveTransfer(actor, Now),
            MatterAction.RejectTransfer => matter.RejectTransfer(actor, Now, "仍由你辦"),
            MatterAction.AcceptCoHandling => matter.AcceptCoHandling(actor, Now),
            MatterAction.DeclineCoHandling => matter.DeclineCoHandling(actor, Now, "人力不足"),
            MatterAction.GiveOpinion => matter.GiveOpinion(actor, Now, "同意，另請補充附件"),
            MatterAction.MarkPartDone => matter.MarkPartDone(actor, Now),
            MatterAction.Urge => matter.Urge(actor, Now, "請儘快"),
            MatterAction.Cancel => matter.Cancel(actor, Now, "撤銷"),
            MatterAction.Archive => matter.Archive(actor, Now),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no button"),
        };
    }

    /// <summary>What the bot's presenter puts on the card that decides buttons: status, people, receipts, the waiting request.</summary>
    private static MatterView ViewOf(Matter matter)
    {
        var state = matter.State;
        static PersonView PersonOf(Person p) => new(p.ObjectId, p.DisplayName);
        return new MatterView
        {
            Number = state.Number,
            Title = state.Title,
            Status = state.Status,
            Lead = state.Lead is { } lead ? PersonOf(lead) : null,
            LeadAcknowledged = state.LeadAcknowledged,
            CoHandlers = state.CoHandlers.Select(c => new CoHandlerView(PersonOf(c.Person), c.State, c.Acknowledged, c.Note)).ToList(),
            Registrar = PersonOf(state.Registrar),
            Pending = state.Pending is { } pending
                ? new PendingView(pending.Kind, PersonOf(pending.Requester), pending.At, pending.Reason, pending.NewDue?.LateFrom(Zone),
                    pending.NewLead is { } to ? PersonOf(to) : null)
                : null,
            Instruction = state.Instruction,
            Revision = state.Revision,
            TotalHistoryCount = state.HistoryCount,
        };
    }

    private static Matter Committed(Matter matter, MatterStatus expected)
    {
        Assert.Equal(expected, matter.Status);
        matter.MarkCommitted();
        return Matter.FromState(matter.State);
    }

    private static void Changed(Outcome outcome) => Assert.True(outcome.IsChanged, $"arranging the matter: {outcome}");
}
