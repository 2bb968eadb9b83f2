using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace OfficeBot.Web.Security;

/// <summary>Why an activity was turned away at the door, and the HTTP status that says so.</summary>
public sealed record Refusal(int Status, string Reason);

/// <summary>
/// Checks what an authenticated (or, locally, anonymous) activity claims about where it comes from before any of it is
/// stored or answered: the channel must be Teams (and, locally, the Agents Playground's emulator channel), the serviceUrl
/// must be trusted (<see cref="ServiceUrlPolicy"/>), and the tenant named in <c>conversation.tenantId</c> and
/// <c>channelData.tenant.id</c> must agree — an activity without a tenant is refused, except in anonymous local mode
/// where it is filed under <see cref="LocalMode.LocalTenant"/>.
/// </summary>
public sealed class ActivityScreen(ServiceUrlPolicy serviceUrls, IHostEnvironment environment, IConfiguration configuration)
{
    private const string Teams = "msteams";

    // The Playground started without `-c msteams` calls itself the emulator channel and behaves as Teams.
    private const string Playground = "emulator";

    private readonly bool _local = LocalMode.IsLocal(environment);

    private bool AnonymousLocal => _local && LocalMode.IsAnonymous(configuration);

    /// <summary>Null when the activity may be processed.</summary>
    public Refusal? Check(Activity activity)
    {
        if (activity.ChannelId != Teams && !(_local && activity.ChannelId == Playground))
        {
            return new Refusal(StatusCodes.Status403Forbidden, "channelId must be msteams");
        }

        if (serviceUrls.Problem(activity.ServiceUrl) is { } problem)
        {
            return new Refusal(StatusCodes.Status403Forbidden, problem);
        }

        var fromConversation = activity.Conversation?.TenantId;
        string? fromChannelData;
        try
        {
            fromChannelData = activity.ChannelData is null ? null : activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        }
        catch (JsonException)
        {
            return new Refusal(StatusCodes.Status400BadRequest, "channelData is not Teams channel data");
        }

        if (!string.IsNullOrEmpty(fromConversation) && !string.IsNullOrEmpty(fromChannelData) && !string.Equals(fromConversation, fromChannelData, StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(StatusCodes.Status400BadRequest, "conversation.tenantId and channelData.tenant.id differ");
        }

        if (string.IsNullOrEmpty(fromConversation) && string.IsNullOrEmpty(fromChannelData) && !AnonymousLocal)
        {
            return new Refusal(StatusCodes.Status400BadRequest, "the activity names no tenant");
        }

        return null;
    }
}
