using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Builder.Teams;
var b = WebApplication.CreateBuilder(args);
b.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
b.Services.AddSingleton<IBotFrameworkHttpAdapter, CloudAdapter>();
var app = b.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
