using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace OfficeBot.LoadTest;

/// <summary>
/// The baseline: the same Bot Framework pipeline as the bot host (CloudAdapter, anonymous on loopback, a reply through the
/// connector) with a bot that only echoes. Run as its own process, like the bot host, so both pay the same costs.
/// </summary>
internal static class EchoBot
{
    public const string Verb = "serve-echo";

    public static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient();
        // The bot host's pipeline: the SDK's authentication behind the same connector-client cache.
        builder.Services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
            new OfficeBot.Web.Bot.ConnectorClientCache(
                services.GetRequiredService<ConfigurationBotFrameworkAuthentication>(),

                // The harness's connector listens on loopback, as in the bot host's Testing environment.
                new OfficeBot.Web.Security.ServiceUrlPolicy([], allowLoopback: true)));
        // The adapter the bot host uses too (OfficeAdapter derives from it), built the same way: authentication + logger.
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services =>
            new CloudAdapter(services.GetRequiredService<BotFrameworkAuthentication>(), services.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddSingleton<IBot, Handler>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));
        app.MapGet("/healthz", () => Results.Text("ok"));
        await app.RunAsync();
        return 0;
    }

    private sealed class Handler : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }
}
