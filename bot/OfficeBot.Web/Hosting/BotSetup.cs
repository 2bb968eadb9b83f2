using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OfficeBot.Web.Bot;
using OfficeBot.Web.Proactive;

namespace OfficeBot.Web.Hosting;

public static partial class BotSetup
{
    public static IHostApplicationBuilder AddOfficeBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
            new ConnectorClientCache(services.GetRequiredService<ConfigurationBotFrameworkAuthentication>()));
        builder.Services.AddSingleton<OfficeAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services => services.GetRequiredService<OfficeAdapter>());
        builder.Services.AddSingleton<IBot, OfficeActivityHandler>();
        builder.Services.AddSingleton<TeamsMemberDirectoryFactory>();
        builder.Services.AddSingleton(new SendPacing(TimeProvider.System));
        builder.Services.AddSingleton<ConnectorResilience>();
        builder.Services.AddSingleton<OfficeBot.Application.Messaging.IMessenger, ProactiveSender>();
        return builder;
    }

    public static WebApplication MapOfficeBot(this WebApplication app)
    {
        var appId = app.Configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appId))
        {
            LogAnonymous(app.Logger);
        }
        else
        {
            LogAuthenticated(app.Logger, appId);
        }

        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** ANONYMOUS MODE *** MicrosoftAppId is empty: /api/messages accepts requests WITHOUT authentication. Use this only on a developer machine with the Agents Playground; set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId for any real deployment.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework authentication on for app id {AppId}: every request must carry a valid token")]
    private static partial void LogAuthenticated(ILogger logger, string appId);
}
