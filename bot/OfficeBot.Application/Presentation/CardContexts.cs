using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.People;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Presentation;

/// <summary>Who looks at a card: their roles on the matter, whom they may pick in its forms, who else gets a refreshed view.</summary>
public sealed class CardContexts(PeopleStore people, IOptionsMonitor<OfficeOptions> office)
{
    public const int MaxRefreshUsers = 60;

    public async Task<CardContext> ForAsync(Matter matter, Actor viewer, string? notice, CancellationToken cancellationToken)
    {
        var roles = viewer.Person.ObjectId.Length == 0 ? MatterRole.None : matter.RolesOf(viewer);
        var candidates = roles.HasFlag(MatterRole.Director) || roles.HasFlag(MatterRole.Lead)
            ? (await people.AllAsync(matter.State.TenantId, cancellationToken)).Select(p => new PersonView(p.ObjectId, p.DisplayName)).ToList()
            : [];
        return new CardContext(roles, viewer.Person.ObjectId, candidates, await RefreshUsersAsync(matter, cancellationToken), notice)
        {
            Actions = roles == MatterRole.None ? new HashSet<MatterAction>() : matter.AvailableActions(viewer),
        };
    }

    /// <summary>The neutral view for a shared chat: no one's buttons, but everyone concerned refreshes to their own.</summary>
    public async Task<CardContext> NeutralAsync(Matter matter, CancellationToken cancellationToken, string? notice = null) =>
        new(MatterRole.None, string.Empty, [], await RefreshUsersAsync(matter, cancellationToken), notice);

    /// <summary>
    /// Everyone whose view differs from a bystander's, by their Teams ids (<c>29:…</c>, what Teams matches
    /// <c>refresh.userIds</c> against): the lead, the registrar, the directors, then the co-handlers — Teams allows 60.
    /// Someone the bot has never met has no Teams id yet; they get their view by pressing Refresh.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshUsersAsync(Matter matter, CancellationToken cancellationToken)
    {
        var objectIds = new List<string>();
        if (matter.State.Lead is { } lead)
        {
            objectIds.Add(lead.ObjectId);
        }

        objectIds.Add(matter.State.Registrar.ObjectId);
        objectIds.AddRange(office.CurrentValue.Directors);
        objectIds.AddRange(matter.State.CoHandlers.Select(c => c.Person.ObjectId));
        return await RefreshUsersAsync(matter.State.TenantId, objectIds, cancellationToken);
    }

    /// <summary>The Teams ids (<c>29:…</c>) of these people, in this order, each once, at most <see cref="MaxRefreshUsers"/>.</summary>
    public async Task<IReadOnlyList<string>> RefreshUsersAsync(string tenantId, IEnumerable<string> objectIds, CancellationToken cancellationToken)
    {
        var teamsIds = await people.TeamsIdsAsync(tenantId, objectIds, cancellationToken);
        return teamsIds.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRefreshUsers).ToList();
    }
}
