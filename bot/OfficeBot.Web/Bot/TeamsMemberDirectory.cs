using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Bot.Connector;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.People;
using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Web.Bot;

/// <summary>Creates the per-turn roster lookup; the cache outlives turns so a team's roster is asked once an hour per person.</summary>
public sealed class TeamsMemberDirectoryFactory(IMemoryCache cache, PeopleStore people, ConversationStore conversations, ILogger<TeamsMemberDirectory> logger)
{
    public TeamsMemberDirectory For(ITurnContext turnContext) => new(turnContext, cache, people, conversations, logger);
}

/// <summary>
/// Resolves a mentioned Teams user id to the person's Entra object id through the conversation roster
/// (<see cref="TeamsInfo.GetMemberAsync"/>). Someone who is not in the conversation is not resolved. Whoever is resolved
/// is remembered with their Teams id, so the bot can open a chat with them and name them in a card's <c>refresh.userIds</c>.
/// </summary>
public sealed partial class TeamsMemberDirectory(ITurnContext turnContext, IMemoryCache cache, PeopleStore people, ConversationStore conversations,
    ILogger<TeamsMemberDirectory> logger) : IMemberDirectory
{
    /// <summary>Group chats and channels asked at most, after the conversation's own roster, for someone picked in a personal chat.</summary>
    public const int MaxSharedRostersAsked = 5;

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken)
    {
        var account = await MemberAsync(mention.TeamsUserId, cancellationToken);
        if (account is not { AadObjectId: { Length: > 0 } objectId })
        {
            return null;
        }

        var person = new Person(objectId, string.IsNullOrWhiteSpace(account.Name) ? mention.DisplayName : account.Name);
        if (account.Id is { Length: > 0 } teamsUserId && OfficeActivityHandler.TenantOf(turnContext.Activity) is { Length: > 0 } tenantId)
        {
            await people.MeetAsync(tenantId, person.ObjectId, person.DisplayName, teamsUserId, cancellationToken);
        }

        return person;
    }

    /// <summary>
    /// Teams' member look-up takes an Entra object id as well as a Teams user id; in a channel it asks the team's roster.
    /// A personal chat's roster holds only the person and the bot, so someone picked there is looked up in the rosters of
    /// the tenant's group chats and teams the bot is in (same Teams service). The answer must name the same object id, so
    /// a roster that answers with someone else resolves no one.
    /// </summary>
    public async Task<ConversationMember?> FindAsync(string objectId, CancellationToken cancellationToken)
    {
        var account = await MemberAsync(objectId, cancellationToken) ?? await SharedRostersMemberAsync(objectId, cancellationToken);
        return account is { AadObjectId: { Length: > 0 } found } && string.Equals(found, objectId, StringComparison.OrdinalIgnoreCase)
            ? new ConversationMember(new Person(found, string.IsNullOrWhiteSpace(account.Name) ? found : account.Name), string.IsNullOrWhiteSpace(account.Id) ? null : account.Id)
            : null;
    }

    /// <summary>The member in the first of the tenant's shared chats whose roster has them, when this chat is a personal one.</summary>
    private async Task<ChannelAccount?> SharedRostersMemberAsync(string objectId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.ConversationType is not (null or "personal")
            || turnContext.TurnState.Get<IConnectorClient>()?.Conversations is not Conversations connector
            || OfficeActivityHandler.TenantOf(activity) is not { Length: > 0 } tenantId)
        {
            return null;
        }

        var key = $"shared-member|{tenantId}|{objectId}";
        if (cache.TryGetValue(key, out ChannelAccount? cached))
        {
            return cached;
        }

        ChannelAccount? member = null;
        foreach (var shared in await conversations.SharedForTenantAsync(tenantId, MaxSharedRostersAsked, cancellationToken))
        {
            // The turn's connector speaks to the turn's Teams service; a chat reached through another one is not asked.
            if (!string.Equals(shared.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A channel message's conversation id carries ";messageid=…"; the roster is the channel's (the team's).
            var conversationId = shared.ConversationId.Split(';')[0];
            try
            {
                member = await connector.GetConversationMemberAsync(objectId, conversationId, cancellationToken);
            }
            catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
            {
                LogNotMember(logger, objectId, conversationId, e.Message);
            }

            if (member is not null)
            {
                break;
            }
        }

        cache.Set(key, member, member is null ? TimeSpan.FromMinutes(1) : Lifetime);
        return member;
    }

    /// <summary>The roster entry of a Teams user in this conversation, or null when they are not a member.</summary>
    public async Task<TeamsChannelAccount?> MemberAsync(string teamsUserId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var key = $"member|{activity.Conversation?.TenantId}|{activity.Conversation?.Id}|{teamsUserId}";
        if (cache.TryGetValue(key, out TeamsChannelAccount? cached))
        {
            return cached;
        }

        TeamsChannelAccount? member;
        try
        {
            member = await TeamsInfo.GetMemberAsync(turnContext, teamsUserId, cancellationToken);
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
        {
            LogNotMember(logger, teamsUserId, activity.Conversation?.Id, e.Message);
            member = null;
        }

        cache.Set(key, member, member is null ? TimeSpan.FromMinutes(1) : Lifetime);
        return member;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams user {TeamsUserId} is not resolvable in conversation {ConversationId}: {Reason}")]
    private static partial void LogNotMember(ILogger logger, string teamsUserId, string? conversationId, string reason);
}
