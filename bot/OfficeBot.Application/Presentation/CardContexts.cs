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
        return new CardContext(roles, viewer.Person.ObjectId, candidates, RefreshUsers(matter), notice);
    }

    /// <summary>The neutral view for a shared chat: no one's buttons, but everyone concerned refreshes to their own.</summary>
    public CardContext Neutral(Matter matter, string? notice = null) =>
        new(MatterRole.None, string.Empty, [], RefreshUsers(matter), notice);

    /// <summary>Everyone whose view differs from a bystander's: the matter's people and the directors (Teams allows 60).</summary>
    public IReadOnlyList<string> RefreshUsers(Matter matter) =>
        matter.People().Select(p => p.ObjectId)
            .Concat(office.CurrentValue.Directors)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxRefreshUsers)
            .ToList();
}
