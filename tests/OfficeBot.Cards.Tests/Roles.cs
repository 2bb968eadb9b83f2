using System.Text.Json.Nodes;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Cards.Tests;

/// <summary>The people who look at a card, and matters in every status with and without a pending request.</summary>
internal static class Roles
{
    public static readonly string[] Names = ["director", "lead", "co-handler", "registrar", "leader", "other"];

    public static readonly string[] Scenarios =
    [
        "registered", "registered+transfer", "in-progress", "in-progress+extension", "in-progress+transfer",
        "awaiting-review", "completed", "cancelled", "archived",
    ];

    public static IReadOnlyList<PersonView> Candidates(int count) =>
        Enumerable.Range(1, count).Select(i => new PersonView($"00000000-0000-0000-0001-{i:000000000000}", $"候選人{i} {Samples.Awkward}")).ToList();

    public static IReadOnlyList<string> RefreshIds(int count) =>
        Enumerable.Range(1, count).Select(i => $"00000000-0000-0000-0002-{i:000000000000}").ToList();

    /// <summary>The viewer's context on <paramref name="matter"/>: the lead, the first co-handler and the registrar are taken from it.</summary>
    public static CardContext For(string role, MatterView matter, int candidates = 50, int refreshIds = 75, string? notice = null)
    {
        var (roles, id) = role switch
        {
            "director" => (MatterRole.Director, Samples.Director.ObjectId),
            "lead" => (MatterRole.Lead, matter.Lead!.ObjectId),
            "co-handler" => (MatterRole.CoHandler, matter.CoHandlers[0].Person.ObjectId),
            "registrar" => (MatterRole.Registrar, matter.Registrar.ObjectId),
            "leader" => (MatterRole.Leader, "leader-oid"),
            _ => (MatterRole.None, "stranger-oid"),
        };
        return WithActions(new CardContext(roles, id, Candidates(candidates), RefreshIds(refreshIds), notice), matter);
    }

    /// <summary>The context with the actions the domain opens to its viewer on the matter <paramref name="matter"/> shows.</summary>
    public static CardContext WithActions(CardContext context, MatterView matter)
    {
        var own = matter.CoHandlers.FirstOrDefault(c => string.Equals(c.Person.ObjectId, context.ViewerObjectId, StringComparison.OrdinalIgnoreCase));
        var facts = new ActionFacts(context.Viewer, matter.Status, matter.Pending?.Kind, matter.LeadAcknowledged, own?.State, own?.Acknowledged ?? false);
        return context with { Actions = Permissions.Available(facts) };
    }

    public static MatterView In(MatterView matter, string scenario)
    {
        var asked = Samples.Office(2025, 12, 2, 10, 0);
        var requester = matter.Lead!;
        var reason = matter.Description is { Length: > 500 } ? matter.Description : "資料尚待財務處提供";
        return scenario switch
        {
            "registered" => matter with { Status = MatterStatus.Registered },
            "registered+transfer" => matter with
            {
                Status = MatterStatus.Registered,
                Pending = new PendingView(RequestKind.Transfer, requester, asked, reason, null, Samples.Li),
            },
            "in-progress" => matter with { Status = MatterStatus.InProgress },
            "in-progress+extension" => matter with
            {
                Status = MatterStatus.InProgress,
                Pending = new PendingView(RequestKind.Extension, requester, asked, reason, Samples.Office(2025, 12, 19), null),
            },
            "in-progress+transfer" => matter with
            {
                Status = MatterStatus.InProgress,
                Pending = new PendingView(RequestKind.Transfer, requester, asked, reason, null, Samples.Li),
            },
            "awaiting-review" => matter with
            {
                Status = MatterStatus.AwaitingReview,
                Pending = new PendingView(RequestKind.Completion, requester, asked, reason, null, null),
            },
            "completed" => matter with { Status = MatterStatus.Completed, Light = TrafficLight.None },
            "cancelled" => matter with { Status = MatterStatus.Cancelled, Light = TrafficLight.None },
            "archived" => matter with { Status = MatterStatus.Archived, Light = TrafficLight.None },
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };
    }

    /// <summary>Heavy, plus a long instruction and a long note from every co-handler.</summary>
    public static MatterView Heaviest() => Samples.Heavy() with
    {
        Instruction = Samples.Repeat("請會同財務處審慎辦理，" + Samples.Awkward, 3000),
        CoHandlers = Samples.Heavy().CoHandlers
            .Select((c, i) => c with { Note = Samples.Repeat($"第{i + 1}個會辦意見：" + Samples.Awkward, 1500) })
            .ToList(),
    };
}

/// <summary>The buttons of a card as a user meets them.</summary>
internal static class Buttons
{
    private static readonly HashSet<string> FormSendTitles = ["Send", "送出", "Confirm cancel", "確認撤銷", "确认撤销"];

    /// <summary>Titles of the top-level actions.</summary>
    public static IReadOnlyList<string> TopLevel(JsonObject card) =>
        card["actions"] is JsonArray actions ? actions.Select(a => a!["title"]!.GetValue<string>()).ToList() : [];

    /// <summary>Every button a user can reach (top level and under "More…"), without the "More…" itself and the forms' Send.</summary>
    public static IReadOnlyList<string> Reachable(JsonObject card)
    {
        var titles = new List<string>();
        void Walk(JsonArray? actions)
        {
            foreach (var action in actions ?? [])
            {
                var title = action!["title"]!.GetValue<string>();
                var inner = action["card"]?["actions"] as JsonArray;
                var isMore = action["type"]!.GetValue<string>() == "Action.ShowCard" && action["card"]!["body"] is not JsonArray { Count: > 0 }
                    && inner?.All(a => a!["type"]!.GetValue<string>() != "Action.Execute" || !FormSendTitles.Contains(a["title"]!.GetValue<string>())) == true;
                if (isMore)
                {
                    Walk(inner);
                }
                else
                {
                    titles.Add(title);
                }
            }
        }

        Walk(card["actions"] as JsonArray);
        return titles;
    }

    /// <summary>Every Action.Execute in the card (top level, forms, the refresh), anywhere.</summary>
    public static IReadOnlyList<JsonObject> Executes(JsonObject card) =>
        Rendered.Blocks(card).Where(b => b["type"]?.GetValue<string>() == "Action.Execute").ToList();

    /// <summary>The verbs that change a matter: every Execute but refresh and history.</summary>
    public static IReadOnlyList<string> ChangingVerbs(JsonObject card) =>
        Executes(card).Select(e => e["verb"]!.GetValue<string>())
            .Where(v => v is not (Cards.Actions.CardVerbs.Refresh or Cards.Actions.CardVerbs.ShowHistory))
            .Distinct()
            .ToList();
}
