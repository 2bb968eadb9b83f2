using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using OfficeBot.Testing;
using OfficeBot.Testing.Azurite;
using OfficeBot.Testing.EndToEnd;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>
/// What App Service runs: the output of <c>dotnet publish -c Release</c>, started on its own with its configuration in
/// environment variables and Azure Tables (Azurite) as its store — ready, and answering a message.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PublishTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Published_StartsFromEnvironment_IsReadyOnAzureTables_AndAnswersAMessage()
    {
        var output = Path.Combine(Path.GetTempPath(), "officebot-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            await PublishAsync(output);
            await using var connector = await FakeConnector.StartAsync();
            connector.AddMembers(Mei.Roster);

            var port = FreePort.Next();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                ["DOTNET_NOLOGO"] = "1",
                ["MicrosoftAppId"] = string.Empty,
                ["MicrosoftAppPassword"] = string.Empty,
                ["Storage__Tables__ConnectionString"] = azurite.ConnectionString,
                ["Storage__Tables__TablePrefix"] = AzuriteFixture.UniqueTablePrefix(),
                ["Logging__LogLevel__Default"] = "Warning",
            };
            await using var bot = ChildProcess.Start("OfficeBot.Web (published)", "dotnet", [Path.Combine(output, "OfficeBot.Web.dll")], output, environment,
                "Install the .NET 10 SDK.");
            var root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            await bot.WaitForHttpAsync(new Uri(root, "readyz"), TimeSpan.FromSeconds(60), body => body == "Healthy");

            var activity = Activities.Personal(Mei, "help", "en-US", TenantA, connector.ServiceUrl, []);
            activity["id"] = "in-published";
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var response = await client.PostAsync(new Uri(root, "api/messages"), new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

            Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}{Environment.NewLine}{bot.Output()}");
            Assert.Contains(connector.Calls, call => call.Kind == ConnectorCallKind.Reply && call.ActivityId == "in-published");
        }
        finally
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
                // Still held by the process just ended; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    // The guide's command (docs/deploy.md, step 4) word for word, run at the repository root, except that it writes to a
    // folder of this test's own.
    private static async Task PublishAsync(string output)
    {
        var root = RepositoryRoot.Find();
        var command = DeployGuide.PublishCommand();
        Assert.Equal("publish", command[0]);
        var outputAt = command.ToList().IndexOf("-o") + 1;
        Assert.True(outputAt > 0 && outputAt < command.Count, $"the guide's `dotnet {string.Join(' ', command)}` names no -o folder");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Select((word, at) => at == outputAt ? output : word).Append("-nologo"))
        {
            start.ArgumentList.Add(argument);
        }

        // When the Release build is there (as under `dotnet test OfficeBot.sln -c Release`), publish it as built: building
        // again here would rewrite the assemblies the end-to-end tests, running at the same time, start the bot from.
        var project = Path.Combine(root, command[1]);
        if (File.Exists(Path.Combine(project, "bin", "Release", "net10.0", "OfficeBot.Web.dll")))
        {
            start.ArgumentList.Add("--no-build");
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}");
        Assert.True(File.Exists(Path.Combine(output, "OfficeBot.Web.dll")), "the publish output has no OfficeBot.Web.dll");
    }
}
