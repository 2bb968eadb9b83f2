using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Messaging;

namespace OfficeBot.Web.Bot;

/// <summary>
/// Sends and updates cards outside of a turn, through the conversation references saved when people talked to the bot
/// or installed it. A recipient the bot cannot reach any more (403/404: uninstalled, conversation gone) is reported, not
/// retried; a throttled send (429) is retried after the time Teams asks for.
/// </summary>
public sealed partial class ProactiveMessenger(
    OfficeAdapter adapter,
    ConversationStore conversations,
    IConfiguration configuration,
    ILogger<ProactiveMessenger> logger) : IMessenger
{
    private const int MaxAttempts = 4;

    private string BotAppId => configuration["MicrosoftAppId"] ?? string.Empty;

    public async Task<SentCard?> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken)
    {
        var saved = await conversations.ForUserAsync(tenantId, objectId, cancellationToken);
        if (saved is null)
        {
            return null;
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(saved.ReferenceJson)!;

        // A new message in the chat, not a reply to whatever the person last wrote.
        reference.ActivityId = null;
        string? activityId = null;
        var sent = await WithRetriesAsync(reference, async turn =>
        {
            // Straight to the conversation: the turn's own SendActivity would make it a reply to the continuation's made-up id.
            var activity = (Activity)OfficeActivityHandler.ToActivity(reply);
            activity.ApplyConversationReference(reference);
            activity.ReplyToId = null;
            var connector = turn.TurnState.Get<IConnectorClient>();
            var response = await connector.Conversations.SendToConversationAsync(activity, cancellationToken);
            activityId = response?.Id;
        }, cancellationToken);

        return sent && activityId is not null && reply.MatterNumber is { } number
            ? new SentCard(tenantId, number, saved.ConversationId, activityId, saved.ReferenceJson, objectId, null)
            : null;
    }

    public Task<bool> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(card.ReferenceJson)!;
        return WithRetriesAsync(reference, async turn =>
        {
            var activity = (Activity)OfficeActivityHandler.ToActivity(reply);
            activity.Id = card.ActivityId;
            await turn.UpdateActivityAsync(activity, cancellationToken);
        }, cancellationToken);
    }

    private async Task<bool> WithRetriesAsync(ConversationReference reference, Func<ITurnContext, Task> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await adapter.ContinueConversationAsync(BotAppId, reference, (turn, _) => work(turn), cancellationToken);
                return true;
            }
            catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                LogGone(reference.Conversation?.Id, (int)e.Response.StatusCode);
                return false;
            }
            catch (ErrorResponseException e) when (attempt < MaxAttempts && (e.Response?.StatusCode is HttpStatusCode.TooManyRequests || (int?)e.Response?.StatusCode >= 500))
            {
                var wait = RetryAfter(e) ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt) + Random.Shared.Next(0, 100));
                LogRetry(reference.Conversation?.Id, (int)e.Response!.StatusCode, wait.TotalMilliseconds);
                await Task.Delay(wait, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts)
            {
                LogRetry(reference.Conversation?.Id, 0, 200 * attempt);
                LogTransport(e, reference.Conversation?.Id);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    private static TimeSpan? RetryAfter(ErrorResponseException e) =>
        e.Response?.Headers is { } headers && headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), out var seconds) ? TimeSpan.FromSeconds(Math.Min(seconds, 60)) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} is gone for the bot ({StatusCode}); not retried")]
    private partial void LogGone(string? conversationId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send to {ConversationId} answered {StatusCode}; retrying in {DelayMs} ms")]
    private partial void LogRetry(string? conversationId, int statusCode, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transport failure sending to {ConversationId}")]
    private partial void LogTransport(Exception exception, string? conversationId);
}
