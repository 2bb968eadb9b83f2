using System.Globalization;

namespace OfficeBot.Testing.EndToEnd;

/// <summary>
/// The built bot (OfficeBot.Web.dll) run as its own process on a free loopback port, anonymous (no app id), on a fresh
/// SQLite file, with the office's directors and leaders given as settings. Disposing kills it and deletes the file.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private BotProcess(ChildProcess process, int port, string folder, bool ownsFolder)
    {
        _process = process;
        _folder = folder;
        _ownsFolder = ownsFolder;
        Port = port;
    }

    /// <summary>The folder holding the bot's SQLite file; give it to a second start to run on the same data.</summary>
    public string Folder => _folder;

    public int Port { get; }

    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    /// <param name="botAssembly">The built OfficeBot.Web.dll.</param>
    /// <param name="settings">Configuration, as keys with colons.</param>
    /// <param name="dataFolder">A folder of an earlier run to start on (kept when this one ends); a fresh one (deleted at the end) when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BotProcess> StartAsync(string botAssembly, IReadOnlyDictionary<string, string> settings, string? dataFolder = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(botAssembly))
        {
            throw new InvalidOperationException($"The bot is not built: {botAssembly} does not exist. Build the solution first (`dotnet build OfficeBot.sln`).");
        }

        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when chosen but not reserved; if another process takes it first, try a new one.
            var port = FreePort.Next();
            var folder = dataFolder ?? Path.Combine(Path.GetTempPath(), "officebot-e2e-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["DOTNET_NOLOGO"] = "1",
                ["MicrosoftAppId"] = string.Empty,
                ["MicrosoftAppPassword"] = string.Empty,
                ["Storage__Sqlite__Path"] = Path.Combine(folder, "officebot.db"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__OfficeBot"] = "Information",
            };
            foreach (var (key, value) in settings)
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = ChildProcess.Start(
                "OfficeBot.Web",
                "dotnet",
                [botAssembly, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"],
                Path.GetDirectoryName(botAssembly)!,
                environment,
                "Install the .NET 10 SDK.");
            var bot = new BotProcess(process, port, folder, ownsFolder: dataFolder is null);
            try
            {
                await process.WaitForHttpAsync(new Uri($"http://127.0.0.1:{port}/healthz"), StartTimeout, body => body.Contains("ok", StringComparison.OrdinalIgnoreCase), cancellationToken)
                    .ConfigureAwait(false);
                return bot;
            }
            catch (ChildProcessExitedException) when (attempt < attempts)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await bot.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public string Output() => _process.Output();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (_ownsFolder)
        {
            TemporaryFolder.Delete(_folder);
        }
    }
}

internal static class TemporaryFolder
{
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }
}
