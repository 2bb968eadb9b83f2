using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OfficeBot.Domain.Office;

namespace OfficeBot.Web.Bot;

/// <summary>The SDK's CloudAdapter, with a last line of defence: a turn that fails gets an apology, never silence or a crash.</summary>
public sealed partial class OfficeAdapter : CloudAdapter
{
    public OfficeAdapter(BotFrameworkAuthentication authentication, ILogger<OfficeAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.Conversation?.Id);
            if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message && !turnContext.Responded)
            {
                var text = Languages.FromLocale(turnContext.Activity.Locale) switch
                {
                    Language.Traditional => "抱歉，處理時發生錯誤，沒有任何資料被更改。請稍後再試。",
                    Language.Simplified => "抱歉，处理时发生错误，没有任何数据被更改。请稍后再试。",
                    _ => "Sorry, something went wrong and nothing was changed. Please try again in a moment.",
                };
                await turnContext.SendActivityAsync(text);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity in conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string? conversationId);
}
