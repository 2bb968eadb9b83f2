using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OfficeBot.Web.Bot;
using OfficeBot.Web.Proactive;
using OfficeBot.Web.Security;

namespace OfficeBot.Web.Hosting;

public static partial class BotSetup
{
    public static IHostApplicationBuilder AddOfficeBot(this IHostApplicationBuilder builder)
    {
        // Refused here, before anything listens: a deployment that forgot its app id must not start open.
        AnonymousModeGuard.EnsureAllowed(builder.Environment, builder.Configuration);
        builder.Services.AddHostedService<AnonymousModeGuard>();

        builder.Services.AddMemoryCache();

        // The connector client and the token look-ups use these clients: a redirect from a service URL is an answer, not
        // an invitation to post the bot's card and token somewhere else.
        builder.Services.AddHttpClient();
        builder.Services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            // The factory's own primary handler, only told not to follow redirects (replacing it changed its pooling).
            switch (handler)
            {
                case HttpClientHandler http:
                    http.AllowAutoRedirect = false;
                    break;
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
            }
        }));

        builder.Services.AddOptions<TrustOptions>().Bind(builder.Configuration.GetSection(TrustOptions.Section));
        builder.Services.AddSingleton<ServiceUrlPolicy>();
        builder.Services.AddSingleton<ActivityScreen>();
        builder.Services.AddSingleton<UnauthenticatedLog>();
        builder.Services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
            new ConnectorClientCache(services.GetRequiredService<ConfigurationBotFrameworkAuthentication>(), services.GetRequiredService<ServiceUrlPolicy>()));
        builder.Services.AddSingleton<OfficeAdapter>();
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
        if (!LocalMode.IsAnonymous(app.Configuration))
        {
            LogAuthenticated(app.Logger, appId!);
        }

        app.MapPost("/api/messages", (HttpContext context, OfficeAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessGuardedAsync(context, bot, cancellationToken));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework authentication on for app id {AppId}: every request must carry a valid token")]
    private static partial void LogAuthenticated(ILogger logger, string appId);
}
