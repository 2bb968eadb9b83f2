using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OfficeBot.Application.CardActions;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Meetings;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.People;
using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Commands;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;
using OfficeBot.Web.Hosting;
using OfficeBot.Web.Proactive;
using OfficeBot.Web.Security;

namespace OfficeBot.Web.Bot;

/// <summary>
/// The edge between Teams and the application. It only translates: a message becomes an application command, an install
/// or a conversation update becomes a saved conversation reference, and the application's reply becomes an activity.
/// </summary>
public sealed partial class OfficeActivityHandler(
    CommandDispatcher dispatcher,
    CardActionDispatcher cardActions,
    MeetingActionDispatcher meetingActions,
    ConversationStore conversations,
    PeopleStore people,
    SentCardStore sentCards,
    TeamsMemberDirectoryFactory members,
    IMemoryCache recentlySaved,
    ConnectorResilience resilience,
    TimeProvider clock,
    ILogger<OfficeActivityHandler> logger) : TeamsActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await HandleMessageAsync(turnContext, cancellationToken);
        }
        catch (Storage.StoreBusyException e) when (!turnContext.Responded)
        {
            // A locked store answers at once, and truthfully: nothing was written.
            LogStoreBusy(logger, e.Message);
            await turnContext.SendActivityAsync(MessageFactory.Text(SayTo(turnContext.Activity).StoreBusy), cancellationToken);
        }
        catch (Storage.EntityTooLargeException e) when (!turnContext.Responded)
        {
            // Refused by the storage port before anything was written, so "nothing was changed" is true.
            LogTooLarge(logger, e.Message);
            await turnContext.SendActivityAsync(MessageFactory.Text(SayTo(turnContext.Activity).TooLarge), cancellationToken);
        }
    }

    /// <summary>
    /// Every card press is answered 200 with a card: Teams shows anything else (the SDK's 400 for a malformed value, the
    /// adapter's 501 with an empty body after an exception) as a bare "something went wrong" with no way forward.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != "adaptiveCard/action")
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        var say = SayTo(turnContext.Activity);
        try
        {
            var response = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
            if (response is { Status: 200, Body: not null })
            {
                return response;
            }

            LogInvokeNotUnderstood(logger, response?.Status);
            return CardAnswer(say, say.ActionNotUnderstood);
        }
        catch (Storage.StoreBusyException e)
        {
            // A locked store answers at once, and truthfully: nothing was written.
            LogStoreBusy(logger, e.Message);
            return CardAnswer(say, say.StoreBusy);
        }
        catch (Storage.EntityTooLargeException e)
        {
            LogTooLarge(logger, e.Message);
            return CardAnswer(say, say.TooLarge);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogInvokeFailed(logger, e);
            return CardAnswer(say, say.ActionFailed);
        }
    }

    /// <summary>
    /// Words for an answer the application could not give (a busy store, a failure): in the language this instance
    /// remembers for the person, without asking the store, else the client's.
    /// </summary>
    private Messages SayTo(IActivity activity)
    {
        Language? remembered = activity.From?.AadObjectId is { Length: > 0 } objectId
            && recentlySaved.TryGetValue(LanguageKey(TenantOf(activity), objectId), out string? locale) && !string.IsNullOrEmpty(locale)
                ? Languages.FromLocale(locale)
                : null;
        return new Messages(Languages.Choose(TextScript.Unclear, ((Activity)activity).Locale, remembered, Language.English));
    }

    private static InvokeResponse CardAnswer(Messages say, string text) => new()
    {
        Status = 200,
        Body = new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = AdaptiveCard.ContentType,
            Value = JObject.Parse(NoticeCard.Build(say.Language, text).ToJson()),
        },
    };

    private async Task HandleMessageAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var directory = members.For(turnContext);
        var sender = await SenderAsync(turnContext, directory, cancellationToken);
        var trusted = await RememberAsync(turnContext, sender.ObjectId, cancellationToken);
        var remembered = await RememberedLanguageAsync(TenantOf(activity), sender.ObjectId, cancellationToken);

        // In channels and group chats the text starts with the bot's own @mention; the parser must not see it.
        activity.RemoveRecipientMention();
        var mentions = activity.GetMentions()
            .Where(m => m.Mentioned is not null && m.Mentioned.Id != activity.Recipient?.Id)
            .Select(m => new MentionRef(m.Mentioned.Id, m.Mentioned.Name ?? StripAt(m.Text)))
            .ToList();

        var requestKey = activity.Id is { Length: > 0 } id ? $"{activity.Conversation?.Id}|{id}" : null;
        var message = new IncomingMessage(TenantOf(activity), sender, activity.Text ?? string.Empty, mentions, activity.Locale, requestKey, remembered)
        {
            SharedChat = activity.Conversation?.ConversationType is "groupChat" or "channel",
        };
        var reply = await dispatcher.HandleAsync(message, directory, cancellationToken);
        TelemetrySetup.Tag(message.TenantId, reply.MatterNumber, reply.MeetingNumber);
        ResourceResponse? response;
        try
        {
            response = await resilience.Pipeline.ExecuteAsync(async token => await turnContext.SendActivityAsync(ToActivity(reply), token), cancellationToken);
        }
        catch (Exception e) when (reply.Committed is { } committed && e is not OperationCanceledException)
        {
            // The change is stored; saying "nothing was changed" now would make the person do it twice.
            LogReplyFailed(logger, e, reply.MatterNumber);
            await turnContext.SendActivityAsync(MessageFactory.Text(committed), cancellationToken);
            return;
        }

        await RecordSentCardAsync(turnContext, reply, response?.Id, sender.ObjectId, cancellationToken);
        if (trusted)
        {
            await RememberLanguageAsync(turnContext, sender.ObjectId, remembered, reply.Language, cancellationToken);
        }
    }

    /// <summary>Universal Actions: a button pressed on one of OfficeBot's cards (invoke adaptiveCard/action).</summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var directory = members.For(turnContext);
        var sender = await SenderAsync(turnContext, directory, cancellationToken);
        var trusted = await RememberAsync(turnContext, sender.ObjectId, cancellationToken);
        var remembered = await RememberedLanguageAsync(TenantOf(activity), sender.ObjectId, cancellationToken);

        // Teams names the pressed card's message in replyToId; the answer below redraws it, so the follow-up need not.
        // The roster of the chat where the card was pressed names people picked from the directory whom the bot has not met.
        var pressed = activity.ReplyToId is { Length: > 0 } cardId ? $"{activity.Conversation?.Id}|{cardId}" : null;
        var locale = turnContext.Activity.AsMessageActivity()?.Locale ?? ((Activity)turnContext.Activity).Locale;
        var verb = invokeValue.Action?.Verb ?? string.Empty;

        // Routed by the kind of card pressed: a meeting request's card carries a meeting, a matter's card a matter.
        // The notifications and the updates of other cards were stored with the change and follow from the outbox.
        var result = MeetingData(invokeValue) is { } meeting
            ? await meetingActions.HandleAsync(new MeetingActionRequest(TenantOf(activity), sender, verb, meeting, Inputs(invokeValue), locale, pressed, directory, remembered),
                cancellationToken)
            : await cardActions.HandleAsync(new CardActionRequest(TenantOf(activity), sender, verb, ActionData(invokeValue), Inputs(invokeValue), locale, pressed, directory, remembered),
                cancellationToken);
        TelemetrySetup.Tag(TenantOf(activity), result.Reply.MatterNumber, result.Reply.MeetingNumber);

        // A press has no text; only a Chinese client locale (which the answer followed) says something new about the language.
        if (trusted && Languages.FromLocale(locale) is var fromLocale && fromLocale != Language.English)
        {
            await RememberLanguageAsync(turnContext, sender.ObjectId, remembered, fromLocale, cancellationToken);
        }

        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = AdaptiveCard.ContentType,
            Value = JObject.Parse(result.Reply.Card.ToJson()),
        };
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, await ObjectIdOfSenderAsync(turnContext, cancellationToken), cancellationToken);
        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override async Task OnInstallationUpdateActivityAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, await ObjectIdOfSenderAsync(turnContext, cancellationToken), cancellationToken);
        await base.OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// The matter and revision a card was drawn at, read with range checks: JSON integers arrive as long or BigInteger,
    /// and casting 4294967297 or 99999999999999999999 to int threw. A matter number that cannot exist is not a matter
    /// card; a revision that cannot exist is a stale card (answered with the fresh one, nothing applied).
    /// </summary>
    private static CardActionData? ActionData(AdaptiveCardInvokeValue value)
    {
        var data = value.Action?.Data as JObject ?? (value.Action?.Data is string json ? TryParse(json) : null);
        if (Whole(data?["matter"]) is not { } matter || matter is < 1 or > int.MaxValue)
        {
            return null;
        }

        // Card JSON leaves out default values, so a revision of 0 arrives as no revision at all.
        var revision = data!["revision"] is null ? 0 : Whole(data["revision"]) is { } r and >= 0 and <= int.MaxValue ? (int)r : UnknownRevision;
        return new CardActionData((int)matter, revision);
    }

    /// <summary>The meeting and revision a meeting card was drawn at, read with the same range checks; null when the card is not a meeting's.</summary>
    private static MeetingActionData? MeetingData(AdaptiveCardInvokeValue value)
    {
        var data = value.Action?.Data as JObject ?? (value.Action?.Data is string json ? TryParse(json) : null);
        if (data?["meeting"] is null)
        {
            return null;
        }

        // A meeting number that cannot exist is still a meeting card's press: it is answered "no such meeting", not as a matter.
        var meeting = Whole(data["meeting"]) is { } m and >= 1 and <= int.MaxValue ? (int)m : int.MaxValue;
        var revision = data["revision"] is null ? 0 : Whole(data["revision"]) is { } r and >= 0 and <= int.MaxValue ? (int)r : UnknownRevision;
        return new MeetingActionData(meeting, revision);
    }

    /// <summary>No stored matter is ever at this revision, so a press carrying it is answered as stale.</summary>
    private const int UnknownRevision = -1;

    private static long? Whole(JToken? token) => token is JValue { Type: JTokenType.Integer, Value: long value } ? value : null;

    /// <summary>Teams puts the card's input values into the action's data next to what the card author put there.</summary>
    private static Dictionary<string, string?> Inputs(AdaptiveCardInvokeValue value)
    {
        var data = value.Action?.Data as JObject ?? (value.Action?.Data is string json ? TryParse(json) : null);
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data?.Properties() ?? [])
        {
            if (property.Name is not ("matter" or "meeting" or "revision") && property.Value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Boolean)
            {
                inputs[property.Name] = property.Value.ToString();
            }
        }

        return inputs;
    }

    private static JObject? TryParse(string json)
    {
        try
        {
            return JToken.Parse(json) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private async Task RecordSentCardAsync(ITurnContext turnContext, Reply reply, string? activityId, string senderObjectId, CancellationToken cancellationToken)
    {
        if ((reply.MatterNumber is null && reply.MeetingNumber is null) || activityId is null)
        {
            return;
        }

        var activity = turnContext.Activity;
        var personal = activity.Conversation?.ConversationType is null or "personal";
        var reference = activity.GetConversationReference();
        // Kept in the language the card was drawn in, so an update in place does not switch it to the client's.
        var locale = reply.Language is { } language ? Languages.Tag(language, activity.Locale) : activity.Locale;
        await sentCards.RecordAsync(SentCard.Of(TenantOf(activity), reply, activity.Conversation!.Id, activityId, JsonConvert.SerializeObject(reference),
            personal ? senderObjectId : null, locale)!, cancellationToken);
    }

    internal static IMessageActivity ToActivity(Reply reply)
    {
        var activity = MessageFactory.Attachment(new Attachment
        {
            ContentType = AdaptiveCard.ContentType,

            // Written into the outgoing activity as it is: the card is already JSON, so parsing it again would be waste.
            Content = new JRaw(reply.Card.ToJson()),
        });
        // The summary is what notifications and screen readers show; the card carries everything the user reads, so
        // the message stays one message (a text beside a card would be split into two by some clients).
        activity.Summary = reply.Summary;
        return activity;
    }

    internal static string TenantOf(IActivity activity) =>
        activity.Conversation?.TenantId
        ?? (activity.ChannelData is not null ? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id : null)
        ?? LocalMode.LocalTenant;

    private async Task<string?> ObjectIdOfSenderAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.From is null ? null : (await SenderAsync(turnContext, members.For(turnContext), cancellationToken)).ObjectId;

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

        LogNoObjectId(logger, LogValue.Clean(from.Id));
        return new Person(from.Id, from.Name ?? from.Id);
    }

    /// <summary>
    /// Saves where this user and this conversation can be reached later (proactive reminders and notices); false when the
    /// activity is not consistent with what is stored, and nothing about the person may be changed on its word.
    /// </summary>
    private async Task<bool> RememberAsync(ITurnContext turnContext, string? objectId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { } conversationId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return false;
        }

        // The address rarely changes; writing it on every message would double the store's work for nothing.
        var key = $"saved|{TenantOf(activity)}|{conversationId}|{objectId}|{activity.ServiceUrl}|{activity.Locale}";
        if (recentlySaved.TryGetValue(key, out _))
        {
            return true;
        }

        var reference = activity.GetConversationReference();
        var personal = activity.Conversation.ConversationType is null or "personal";
        var saved = new SavedConversation(TenantOf(activity), activity.ServiceUrl, conversationId, activity.Conversation.ConversationType ?? "personal",
            JsonConvert.SerializeObject(reference), clock.GetUtcNow(), IsAuthenticated(turnContext), personal ? objectId : null);

        // An activity inconsistent with the address stored for its conversation (another person in a personal chat, or a
        // new service URL without a token to vouch for it) changes nothing: not the conversation's, not the person's.
        if (!await conversations.SaveForConversationAsync(saved, cancellationToken))
        {
            LogReferenceKept(logger, LogValue.Clean(conversationId), LogValue.Clean(activity.ServiceUrl));
            return false;
        }

        if (!string.IsNullOrWhiteSpace(objectId) && personal && !await conversations.SaveForUserAsync(objectId, saved, cancellationToken))
        {
            LogReferenceKept(logger, LogValue.Clean(conversationId), LogValue.Clean(activity.ServiceUrl));
            return false;
        }

        if (!string.IsNullOrWhiteSpace(objectId))
        {
            // The language the person last wrote in is kept (read fresh: another instance may have changed it); the
            // client's locale is only the first guess.
            var known = await people.FindAsync(saved.TenantId, objectId, cancellationToken);
            var language = known?.Locale is { Length: > 0 } kept ? kept : activity.Locale;
            await people.SaveAsync(saved.TenantId, new KnownPerson(objectId, activity.From?.Name ?? objectId, language, activity.From?.Id), cancellationToken);
            recentlySaved.Set(LanguageKey(saved.TenantId, objectId), language ?? string.Empty, LanguageMemory);
        }

        recentlySaved.Set(key, true, TimeSpan.FromHours(1));
        return true;
    }

    /// <summary>
    /// How long this instance trusts its copy of a person's language; another instance that saw them write in another
    /// script is believed after this at the latest.
    /// </summary>
    private static readonly TimeSpan LanguageMemory = TimeSpan.FromMinutes(5);

    private static string LanguageKey(string tenantId, string objectId) => $"language|{tenantId}|{objectId}";

    /// <summary>The language the person was last answered in (stored on their people row), or null for someone new.</summary>
    private async Task<Language?> RememberedLanguageAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        if (!recentlySaved.TryGetValue(LanguageKey(tenantId, objectId), out string? locale))
        {
            locale = (await people.FindAsync(tenantId, objectId, cancellationToken))?.Locale ?? string.Empty;
            recentlySaved.Set(LanguageKey(tenantId, objectId), locale, LanguageMemory);
        }

        return string.IsNullOrEmpty(locale) ? null : Languages.FromLocale(locale);
    }

    /// <summary>
    /// Keeps the language a person was just answered in, for their notifications and card presses: written only when
    /// it changed, so a person who always writes one way costs no write.
    /// </summary>
    private async Task RememberLanguageAsync(ITurnContext turnContext, string objectId, Language? remembered, Language? answered, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (answered is not { } language || language == remembered || string.IsNullOrWhiteSpace(objectId) || activity.From is null)
        {
            return;
        }

        var tenantId = TenantOf(activity);
        var locale = Languages.Tag(language, activity.Locale);
        var known = await people.FindAsync(tenantId, objectId, cancellationToken);
        await people.SaveAsync(tenantId, (known ?? new KnownPerson(objectId, activity.From.Name ?? objectId, null, activity.From.Id)) with { Locale = locale }, cancellationToken);
        recentlySaved.Set(LanguageKey(tenantId, objectId), locale, LanguageMemory);
    }

    /// <summary>A request with a valid token; anonymous mode's identity is the SDK's anonymous one.</summary>
    private static bool IsAuthenticated(ITurnContext turnContext) =>
        turnContext.TurnState.Get<System.Security.Claims.ClaimsIdentity>(BotAdapter.BotIdentityKey) is { IsAuthenticated: true } identity
        && identity.AuthenticationType != Microsoft.Bot.Connector.Authentication.AuthenticationConstants.AnonymousAuthType;

    private static string StripAt(string? text) =>
        (text ?? string.Empty).Replace("<at>", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("</at>", string.Empty, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply to a change of matter {MatterNumber} could not be shown; the change is kept and the person is told so")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, int? matterNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Input too large to store; the person was told and nothing was written ({Reason})")]
    private static partial void LogTooLarge(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card action invoke could not be read (SDK answered {Status}); answered with an error card")]
    private static partial void LogInvokeNotUnderstood(ILogger logger, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A card action failed; answered with an error card")]
    private static partial void LogInvokeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is busy; the person was told to try again ({Reason})")]
    private static partial void LogStoreBusy(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the stored address is kept; an activity from {ServiceUrl} is not consistent with it")]
    private static partial void LogReferenceKept(ILogger logger, string conversationId, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sender {TeamsUserId} has no Entra object id; using the Teams id")]
    private static partial void LogNoObjectId(ILogger logger, string teamsUserId);
}
