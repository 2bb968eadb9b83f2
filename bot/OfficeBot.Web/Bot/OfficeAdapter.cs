using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;
using OfficeBot.Web.Security;

namespace OfficeBot.Web.Bot;

/// <summary>
/// The SDK's CloudAdapter behind a door: a request is authenticated, then screened (<see cref="ActivityScreen"/>), and
/// only then turned into a turn. Every refusal is a 4xx with a short JSON reason — a malformed token is a 401, not a
/// crash — and nothing of a refused activity is stored or answered. A turn that fails gets an apology, never silence.
/// </summary>
public sealed partial class OfficeAdapter : CloudAdapter
{
    /// <summary>
    /// The SDK logs a few Information lines per turn; under a Microsoft.Bot category they obey the operator's
    /// <c>Microsoft.Bot</c> log filter like the rest of the SDK.
    /// </summary>
    public const string SdkLogCategory = "Microsoft.Bot.Builder.Integration.AspNet.Core.CloudAdapter";

    private readonly ActivityScreen _screen;
    private readonly UnauthenticatedLog _unauthenticated;
    private readonly ILogger<OfficeAdapter> _logger;

    public OfficeAdapter(BotFrameworkAuthentication authentication, ActivityScreen screen, UnauthenticatedLog unauthenticated, ILoggerFactory loggers)
        : base(authentication, loggers.CreateLogger(SdkLogCategory))
    {
        _screen = screen;
        _unauthenticated = unauthenticated;
        _logger = loggers.CreateLogger<OfficeAdapter>();
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(_logger, exception, LogValue.Clean(turnContext.Activity.Type), LogValue.Clean(turnContext.Activity.Conversation?.Id));
            if (turnContext.Activity.Type == ActivityTypes.Message && !turnContext.Responded)
            {
                var text = Languages.FromLocale(turnContext.Activity.Locale) switch
                {
                    Language.Traditional => "抱歉，處理時發生錯誤，沒有任何資料被更改。請稍後再試。",
                    Language.Simplified => "抱歉，处理时发生错误，没有任何数据被更改。请稍后再试。",
                    _ => "Sorry, something went wrong and nothing was changed. Please try again in a moment.",
                };
                try
                {
                    await turnContext.SendActivityAsync(text);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Teams cannot be reached either (or answered with a redirect, which is not followed): the turn
                    // ends here, answered 200 so Teams does not resend a message whose failure is already logged.
                    LogApologyFailed(_logger, e.GetType().Name);
                }
            }
        };
    }

    /// <summary>POST /api/messages: authenticate, screen, then run the turn.</summary>
    public async Task ProcessGuardedAsync(HttpContext context, IBot bot, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            await RefuseAsync(response, new Refusal(StatusCodes.Status405MethodNotAllowed, "only POST is accepted"), cancellationToken);
            return;
        }

        var activity = await ReadActivityAsync(request, cancellationToken);
        if (string.IsNullOrEmpty(activity?.Type))
        {
            await RefuseAsync(response, new Refusal(StatusCodes.Status400BadRequest, "the body is not an activity"), cancellationToken);
            return;
        }

        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, request.Headers.Authorization.ToString(), cancellationToken);
        }
        catch (Exception e) when (IsRejectedToken(e))
        {
            // What the internet sends an open endpoint all day: a line per source per minute, no stack trace.
            _unauthenticated.Refused(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", $"{e.GetType().Name}: {e.Message}");
            await RefuseAsync(response, new Refusal(StatusCodes.Status401Unauthorized, "the request does not carry a valid Bot Framework token"), cancellationToken);
            return;
        }

        if (_screen.Check(activity) is { } refusal)
        {
            LogRefused(_logger, refusal.Status, refusal.Reason, LogValue.Clean(activity.ServiceUrl), LogValue.Clean(activity.ChannelId));
            await RefuseAsync(response, refusal, cancellationToken);
            return;
        }

        var invokeResponse = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse?.Body is { } body)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(JsonConvert.SerializeObject(body, HttpHelper.BotMessageSerializerSettings), Encoding.UTF8, cancellationToken);
        }
    }

    private static async Task<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            using var json = new JsonTextReader(new StringReader(text));
            return HttpHelper.BotMessageSerializer.Deserialize<Activity>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The SDK reports a bad token as UnauthorizedAccessException, but a token it cannot even parse (<c>Bearer x</c>) as
    /// an ArgumentException from the JWT library, which used to escape as a 500.
    /// </summary>
    private static bool IsRejectedToken(Exception e) =>
        e is UnauthorizedAccessException or ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenException;

    private static Task RefuseAsync(HttpResponse response, Refusal refusal, CancellationToken cancellationToken)
    {
        response.StatusCode = refusal.Status;
        return response.WriteAsJsonAsync(new { error = refusal.Reason }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity in conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The apology for a failed turn could not be sent either ({ExceptionType})")]
    private static partial void LogApologyFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity refused with {Status}: {Reason} (serviceUrl {ServiceUrl}, channel {ChannelId})")]
    private static partial void LogRefused(ILogger logger, int status, string reason, string serviceUrl, string channelId);
}
