using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Domain.Limits;
using OfficeBot.Web.Bot;
using OfficeBot.Web.Security;

namespace OfficeBot.Web.Proactive;

/// <summary>
/// The one way the bot speaks on its own: every notification and in-place card update goes through here. It calls the
/// Teams connector directly (not through the adapter's turn pipeline, whose error handler would swallow failures),
/// paced within Teams' limits, retried through <see cref="ConnectorResilience"/>, and it says what became of each
/// message: delivered; gone (403/404 — the person or chat is no longer there for the bot, recorded and not retried);
/// no address; or deferred (still failing after the retries — the outbox tries the item again later).
/// </summary>
public sealed partial class ProactiveSender(
    BotFrameworkAuthentication authentication,
    ConversationStore conversations,
    PeopleStore people,
    SendPacing pacing,
    ConnectorResilience resilience,
    ServiceUrlPolicy serviceUrls,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<ProactiveSender> logger) : IMessenger
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? string.Empty;

    public async Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken)
    {
        var saved = Trusted(await conversations.ForUserAsync(tenantId, objectId, cancellationToken))
            ?? await OpenPersonalChatAsync(tenantId, objectId, cancellationToken);
        if (saved is null)
        {
            return new SendResult(Delivery.NoAddress);
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(saved.ReferenceJson)!;
        var activity = (Activity)OfficeActivityHandler.ToActivity(reply);
        activity.ApplyConversationReference(reference);

        // A new message in the chat, not a reply to whatever the person last wrote.
        activity.ReplyToId = null;
        activity.Id = null;
        var (delivery, response) = await CallAsync(tenantId, reference.ServiceUrl, saved.ConversationId,
            (client, token) => client.Conversations.SendToConversationAsync(activity, token), cancellationToken);
        return delivery == Delivery.Delivered && response?.Id is { } activityId
            ? new SendResult(delivery, SentCard.Of(tenantId, reply, saved.ConversationId, activityId, saved.ReferenceJson, objectId, null))
            : new SendResult(delivery);
    }

    public async Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken)
    {
        if (Trusted(await conversations.ForPostingAsync(tenantId, conversationId, cancellationToken)) is not { } saved)
        {
            return new SendResult(Delivery.NoAddress);
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(saved.ReferenceJson)!;
        var activity = (Activity)OfficeActivityHandler.ToActivity(reply);
        activity.ApplyConversationReference(reference);

        // Posted to the conversation named, not into the thread its address came from.
        activity.Conversation.Id = conversationId;
        activity.ReplyToId = null;
        activity.Id = null;
        var (delivery, response) = await CallAsync(tenantId, reference.ServiceUrl, conversationId,
            (client, token) => client.Conversations.SendToConversationAsync(activity, token), cancellationToken);
        return delivery == Delivery.Delivered && response?.Id is { } activityId
            ? new SendResult(delivery, SentCard.Of(tenantId, reply, conversationId, activityId, saved.ReferenceJson, null, null))
            : new SendResult(delivery);
    }

    public async Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(card.ReferenceJson)!;
        if (IsUntrusted(reference.ServiceUrl))
        {
            return Delivery.NoAddress;
        }

        var activity = (Activity)OfficeActivityHandler.ToActivity(reply);
        activity.ApplyConversationReference(reference);
        activity.Id = card.ActivityId;
        activity.ReplyToId = null;
        var (delivery, _) = await CallAsync(card.TenantId, reference.ServiceUrl, card.ConversationId,
            (client, token) => client.Conversations.UpdateActivityAsync(card.ConversationId, card.ActivityId, activity, token), cancellationToken);
        return delivery;
    }

    /// <summary>
    /// Someone the bot has met only in a channel or group chat has no personal chat with it yet: Teams lets the bot open
    /// one with their Teams id, through the same service URL.
    /// </summary>
    private async Task<SavedConversation?> OpenPersonalChatAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(tenantId, objectId, cancellationToken);
        var anywhere = person?.TeamsUserId is null ? null : Trusted(await conversations.AnyForTenantAsync(tenantId, cancellationToken));
        if (person?.TeamsUserId is not { } teamsUserId || anywhere is null)
        {
            return null;
        }

        var known = JsonConvert.DeserializeObject<ConversationReference>(anywhere.ReferenceJson)!;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = known.Bot,
            Members = [new ChannelAccount(teamsUserId)],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        var (delivery, created) = await CallAsync(tenantId, anywhere.ServiceUrl, "create|" + teamsUserId,
            (client, token) => client.Conversations.CreateConversationAsync(parameters, token), cancellationToken);
        if (delivery != Delivery.Delivered || created?.Id is not { } conversationId)
        {
            return null;
        }

        var reference = new ConversationReference
        {
            ChannelId = known.ChannelId ?? "msteams",
            ServiceUrl = anywhere.ServiceUrl,
            Bot = known.Bot,
            User = new ChannelAccount(teamsUserId, person.DisplayName, aadObjectId: objectId),
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: conversationId, tenantId: tenantId),
        };
        var saved = new SavedConversation(tenantId, anywhere.ServiceUrl, conversationId, "personal", JsonConvert.SerializeObject(reference), clock.GetUtcNow(),
            anywhere.Authenticated, objectId);
        await conversations.SaveForUserAsync(objectId, saved, cancellationToken);
        LogOpenedPersonalChat(LogValue.Clean(tenantId), LogValue.Clean(objectId));
        return saved;
    }

    private async Task<(Delivery Delivery, T? Result)> CallAsync<T>(string tenantId, string serviceUrl, string conversationId,
        Func<IConnectorClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var client = await ConnectorAsync(serviceUrl, cancellationToken);
        try
        {
            var result = await resilience.Pipeline.ExecuteAsync(
                async token =>
                {
                    using var slot = await pacing.WaitAsync(tenantId, conversationId, token)
                        ?? throw new DeliveryDeferredException($"Teams' rate limit for this conversation is used up for the next {SendPacing.MaxWait.TotalSeconds:F0} s", SendPacing.MaxWait);
                    return await call(client, token);
                },
                cancellationToken);
            return (Delivery.Delivered, result);
        }
        catch (ErrorResponseException e) when (ConnectorResilience.IsGone(e))
        {
            LogGone(LogValue.Clean(conversationId), (int)e.Response!.StatusCode);
            return (Delivery.Gone, null);
        }
        catch (ErrorResponseException e) when (ConnectorResilience.IsTransient(e))
        {
            throw new DeliveryDeferredException($"Teams answered {(int)e.Response!.StatusCode}", ConnectorResilience.RetryAfter(e), e);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new DeliveryDeferredException($"Teams could not be reached ({e.GetType().Name})", null, e);
        }
    }

    /// <summary>
    /// A stored address whose service URL is not trusted (stored before the rule, or by an older version) is no
    /// address: the bot must not post a card there.
    /// </summary>
    private SavedConversation? Trusted(SavedConversation? saved) => saved is null || IsUntrusted(saved.ServiceUrl) ? null : saved;

    private bool IsUntrusted(string serviceUrl)
    {
        if (serviceUrls.Problem(serviceUrl) is not { } problem)
        {
            return false;
        }

        LogUntrusted(LogValue.Clean(serviceUrl), problem);
        return true;
    }

    private Task<IConnectorClient> ConnectorAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        // The identity a proactive call acts as: the bot itself (what the adapter builds for ContinueConversation).
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, BotAppId),
            new Claim(AuthenticationConstants.AppIdClaim, BotAppId),
        ]);
        return authentication.CreateConnectorFactory(identity).CreateAsync(serviceUrl, authentication.GetOriginatingAudience(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} is gone for the bot ({StatusCode}); recorded, not retried")]
    private partial void LogGone(string conversationId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored conversation reference names service URL {ServiceUrl}, which is not trusted ({Problem}); treated as no address")]
    private partial void LogUntrusted(string serviceUrl, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened a personal chat with {ObjectId} in tenant {TenantId}")]
    private partial void LogOpenedPersonalChat(string tenantId, string objectId);
}
