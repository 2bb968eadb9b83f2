using System.Diagnostics;
using System.Globalization;
using OfficeBot.Testing;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// Anonymous mode (no app id) lets anyone who reaches the port speak as anyone, so it runs only in Development (and the
/// tests' environment) and only on loopback; anywhere else the bot refuses to start and says what to set.
/// </summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Production_WithoutAnAppId_DoesNotStartAndSaysWhatToSet()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Production" }));

        Assert.Contains("MicrosoftAppId", error.ToString());
        Assert.Contains("Development", error.ToString());
    }

    [Fact]
    public async Task Process_InProductionWithoutAnAppId_ExitsWithTheMessage()
    {
        var (exited, output) = await RunBotAsync("Production", "http://127.0.0.1");

        Assert.True(exited, "the bot kept running anonymously in Production");
        Assert.Contains("MicrosoftAppId", output);
    }

    [Fact]
    public async Task Process_AnonymousOnAllInterfaces_ExitsWithTheMessage()
    {
        var (exited, output) = await RunBotAsync("Development", "http://0.0.0.0");

        Assert.True(exited, "the bot kept running anonymously on 0.0.0.0");
        Assert.Contains("loopback", output);
        Assert.Contains("MicrosoftAppId", output);
    }

    [Fact]
    public async Task Process_AnonymousOnLoopbackInDevelopment_Starts()
    {
        var (exited, output) = await RunBotAsync("Development", "http://127.0.0.1");

        Assert.False(exited, output);
    }

    /// <summary>Runs the built bot for up to 40 s: whether it exited (refused to start) and what it wrote.</summary>
    private static async Task<(bool Exited, string Output)> RunBotAsync(string environment, string urlWithoutPort)
    {
        var port = FreePort.Next();
        var folder = Path.Combine(Path.GetTempPath(), "officebot-anon-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bot = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", $"{urlWithoutPort}:{port.ToString(CultureInfo.InvariantCulture)}"])
        {
            WorkingDirectory = Path.GetDirectoryName(bot)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["MicrosoftAppId"] = string.Empty;
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(folder, "officebot.db");
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(40);
        var exited = false;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                exited = true;
                break;
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode)
                {
                    // Answering is not enough: the guard runs once the server has bound its addresses.
                    await Task.Delay(1000);
                    exited = process.HasExited;
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        lock (output)
        {
            return (exited, output.ToString());
        }
    }
}
