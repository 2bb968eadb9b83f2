using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OfficeBot.Web.Tests;

/// <summary>Behind App Service's TLS front end the client's address and scheme come in X-Forwarded-For/-Proto; elsewhere those headers are not believed.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task OnAppService_ForwardedForAndProto_AreHonouredFromAnyProxy()
    {
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["WEBSITE_SITE_NAME"] = "officebot-test" });
        try
        {
            var options = bot.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

            Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
            Assert.Empty(options.KnownIPNetworks);
            Assert.Empty(options.KnownProxies);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Elsewhere_ForwardedHeaders_AreNotApplied()
    {
        var bot = await BotHost.StartAsync();
        try
        {
            var options = bot.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

            Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
            Assert.NotEmpty(options.KnownProxies);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
