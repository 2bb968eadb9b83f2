using Microsoft.Extensions.Options;

namespace OfficeBot.Web.Tests;

/// <summary>On App Service the SQLite default is never used: without Azure Tables the bot does not start, and says what to set.</summary>
public sealed class AppServiceStorageTests
{
    [Fact]
    public async Task OnAppService_WithoutTables_RefusesToStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WEBSITE_SITE_NAME"] = "officebot-test",
            ["Storage:Sqlite:Path"] = string.Empty,
        }));

        Assert.Contains("Storage:Tables:Endpoint", error.Message);
    }

    [Fact]
    public async Task OnAppService_WithASqlitePathGiven_Starts()
    {
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["WEBSITE_SITE_NAME"] = "officebot-test" });
        try
        {
            Assert.Equal("ok", await (await bot.GetAsync("/healthz")).Content.ReadAsStringAsync());
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
