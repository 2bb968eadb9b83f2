using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Office;

/// <summary>
/// Who is a director or a leader. Read from the live options on every call, so a configuration change takes effect
/// without a redeploy.
/// </summary>
public sealed class RoleDirectory(IOptionsMonitor<OfficeOptions> options)
{
    public OfficeRole RolesOf(string objectId)
    {
        var office = options.CurrentValue;
        var roles = OfficeRole.Staff;
        if (office.Directors.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            roles |= OfficeRole.Director;
        }

        if (office.Leaders.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            roles |= OfficeRole.Leader;
        }

        return roles;
    }

    public Actor ActorFor(Person person) => new(person, RolesOf(person.ObjectId));
}
