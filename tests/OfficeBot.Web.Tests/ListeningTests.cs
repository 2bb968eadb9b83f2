using System.Globalization;
using OfficeBot.Testing;
using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.Web.Tests;

/// <summary>
/// The bot listens where its platform says: <c>PORT</c> alone (what App Service's Linux front end and container hosts
/// give) when ASP.NET Core's own settings are absent; those settings first when present; a PORT that is not a port stops it
/// with a message naming PORT.
/// </summary>
public sealed class ListeningTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string BotAssembly => Path.Combine(RepositoryRoot.Find(), "bot", "OfficeBot.Web", "bin", Configuration, "net10.0", "OfficeBot.Web.dll");

    [Fact]
    public async Task PortAlone_IsWhereTheBotListens()
    {
        var port = FreePort.Next();
        await using var bot = Start(new() { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) });

        await bot.WaitForHttpAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/healthz"), TimeSpan.FromSeconds(60), body => body == "ok");
    }

    [Fact]
    public async Task AspNetCoreUrls_WinOverPort()
    {
        var port = FreePort.Next();
        var urls = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        await using var bot = Start(new() { ["ASPNETCORE_URLS"] = urls, ["PORT"] = "1" });

        await bot.WaitForHttpAsync(new Uri(urls + "/healthz"), TimeSpan.FromSeconds(60), body => body == "ok");
    }

    [Theory]
    [InlineData("80a")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public async Task PortThatIsNotAPort_StopsTheBotNamingPort(string port)
    {
        await using var bot = Start(new() { ["PORT"] = port });

        var exited = await WaitForExitAsync(bot, TimeSpan.FromSeconds(60));

        Assert.True(exited, "the bot kept running with PORT=" + port);
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains($"PORT is \"{port}\", which is not a TCP port", bot.Output());
    }

    // Not anonymous: listening on every address is refused to anonymous mode, and App Service always has an app id.
    private static ChildProcess Start(Dictionary<string, string> settings)
    {
        if (!File.Exists(BotAssembly))
        {
            throw new InvalidOperationException($"The bot is not built: {BotAssembly} does not exist. Build the solution first (`dotnet build OfficeBot.sln -c {Configuration}`).");
        }

        var folder = Directory.CreateTempSubdirectory("officebot-listen-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = string.Empty,
            ["ASPNETCORE_HTTP_PORTS"] = string.Empty,
            ["DOTNET_NOLOGO"] = "1",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "6f1c2c1e-4b7a-4e55-9d0e-2b8f0d5a7c11",
            ["MicrosoftAppPassword"] = "not-used-by-this-test",
            ["MicrosoftAppTenantId"] = "0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5",
            ["Storage__Sqlite__Path"] = Path.Combine(folder, "officebot.db"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ChildProcess.Start("OfficeBot.Web", "dotnet", [BotAssembly], folder, environment, "Install the .NET 10 SDK.");
    }

    private static async Task<bool> WaitForExitAsync(ChildProcess process, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < timeout)
        {
            await Task.Delay(100);
        }

        return process.HasExited;
    }
}
