using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Messaging;
using OfficeBot.Cards.Model;
using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Web.Bot;

/// <summary>
/// The edge between Teams and the application. It only translates: a message becomes an application command, an install
/// or a conversation update becomes a saved conversation reference, and the application's reply becomes an activity.
/// </summary>
public sealed partial class OfficeActivityHandler(
    CommandDispatcher dispatcher,
    ConversationStore conversations,
    TeamsMemberDirectoryFactory members,
    IMemoryCache recentlySaved,
    TimeProvider clock,
    ILogger<OfficeActivityHandler> logger) : TeamsActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var directory = members.For(turnContext);
        var sender = await SenderAsync(turnContext, directory, cancellationToken);
        await RememberAsync(turnContext, sender.ObjectId, cancellationToken);

        // In channels and group chats the text starts with the bot's own @mention; the parser must not see it.
        activity.RemoveRecipientMention();
        var mentions = activity.GetMentions()
            .Where(m => m.Mentioned is not null && m.Mentioned.Id != activity.Recipient?.Id)
            .Select(m => new MentionRef(m.Mentioned.Id, m.Mentioned.Name ?? StripAt(m.Text)))
            .ToList();

        var message = new IncomingMessage(TenantOf(activity), sender, activity.Text ?? string.Empty, mentions, activity.Locale);
        var reply = await dispatcher.HandleAsync(message, directory, cancellationToken);
        await turnContext.SendActivityAsync(ToActivity(reply), cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, turnContext.Activity.From?.AadObjectId, cancellationToken);
        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override async Task OnInstallationUpdateActivityAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, turnContext.Activity.From?.AadObjectId, cancellationToken);
        await base.OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
    }

    internal static IMessageActivity ToActivity(Reply reply)
    {
        var activity = MessageFactory.Attachment(new Attachment
        {
            ContentType = AdaptiveCard.ContentType,

            // Written into the outgoing activity as it is: the card is already JSON, so parsing it again would be waste.
            Content = new JRaw(reply.Card.ToJson()),
        });
        activity.Summary = reply.Summary;
        activity.Text = reply.Summary;
        return activity;
    }

    internal static string TenantOf(IActivity activity) =>
        activity.Conversation?.TenantId
        ?? (activity.ChannelData is not null ? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id : null)
        ?? "no-tenant";

    /// <summary>The sender's Entra object id. Teams always sends it; if a client does not, the roster is asked.</summary>
    private async Task<Person> SenderAsync(ITurnContext turnContext, TeamsMemberDirectory directory, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        if (!string.IsNullOrWhiteSpace(from.AadObjectId))
        {
            return new Person(from.AadObjectId, from.Name ?? from.AadObjectId);
        }

        var member = await directory.MemberAsync(from.Id, cancellationToken);
        if (member?.AadObjectId is { Length: > 0 } objectId)
        {
            return new Person(objectId, member.Name ?? from.Name ?? objectId);
        }

        LogNoObjectId(logger, from.Id);
        return new Person(from.Id, from.Name ?? from.Id);
    }

    /// <summary>Saves where this user and this conversation can be reached later (proactive reminders and notices).</summary>
    private async Task RememberAsync(ITurnContext turnContext, string? objectId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { } conversationId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        // The address rarely changes; writing it on every message would double the store's work for nothing.
        var key = $"saved|{TenantOf(activity)}|{conversationId}|{objectId}|{activity.ServiceUrl}";
        if (recentlySaved.TryGetValue(key, out _))
        {
            return;
        }

        var reference = activity.GetConversationReference();
        var saved = new SavedConversation(TenantOf(activity), activity.ServiceUrl, conversationId, activity.Conversation.ConversationType ?? "personal",
            JsonConvert.SerializeObject(reference), clock.GetUtcNow());
        await conversations.SaveForConversationAsync(saved, cancellationToken);
        if (!string.IsNullOrWhiteSpace(objectId) && saved.ConversationType == "personal")
        {
            await conversations.SaveForUserAsync(objectId, saved, cancellationToken);
        }

        recentlySaved.Set(key, true, TimeSpan.FromHours(1));
    }

    private static string StripAt(string? text) =>
        (text ?? string.Empty).Replace("<at>", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("</at>", string.Empty, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sender {TeamsUserId} has no Entra object id; using the Teams id")]
    private static partial void LogNoObjectId(ILogger logger, string teamsUserId);
}
