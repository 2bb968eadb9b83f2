using System.Globalization;

namespace OfficeBot.Testing.EndToEnd;

/// <summary>
/// One Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, run from the repository's node_modules)
/// for one current user, on a free loopback port, emulating Teams (its own connector under /_connector) in front of
/// the bot. It runs in a temporary folder (it writes a devTools folder there) that disposing deletes.
/// </summary>
public sealed class AgentsPlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly string _folder;

    private AgentsPlaygroundProcess(ChildProcess process, PlaygroundUser user, int port, string folder)
    {
        _process = process;
        _folder = folder;
        User = user;
        Port = port;
    }

    public PlaygroundUser User { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public static async Task<AgentsPlaygroundProcess> StartAsync(PlaygroundOffice office, PlaygroundUser user, Uri botEndpoint, CancellationToken cancellationToken = default)
    {
        var node = Prerequisites.Node();
        var cli = Prerequisites.AgentsPlaygroundCli();
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var folder = Path.Combine(Path.GetTempPath(), "officebot-playground-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var configuration = Path.Combine(folder, ".m365agentsplayground.yml");
            await File.WriteAllTextAsync(configuration, office.ConfigurationFor(user), cancellationToken).ConfigureAwait(false);
            var process = ChildProcess.Start(
                $"Agents Playground of {user.Name}",
                node,
                [cli, "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(CultureInfo.InvariantCulture), "--disable-telemetry"],
                folder,
                new Dictionary<string, string> { ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configuration },
                Prerequisites.InstallAdvice);
            var playground = new AgentsPlaygroundProcess(process, user, port, folder);
            try
            {
                await process.WaitForHttpAsync(playground.Address, StartTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
                return playground;
            }
            catch (ChildProcessExitedException) when (attempt < attempts && !playground.Output().Contains("ConfigFileParseError", StringComparison.Ordinal))
            {
                await playground.DisposeAsync().ConfigureAwait(false);
            }
            catch (ChildProcessExitedException exception)
            {
                var output = playground.Output();
                await playground.DisposeAsync().ConfigureAwait(false);
                throw new ChildProcessExitedException($"{exception.Message}{Environment.NewLine}Playground log:{Environment.NewLine}{output}");
            }
            catch
            {
                await playground.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Its console output and its own log, which is where it says why it refused a configuration file.</summary>
    public string Output()
    {
        var log = Path.Combine(_folder, "devTools", "m365agentsplayground.log");
        return File.Exists(log) ? _process.Output() + Environment.NewLine + File.ReadAllText(log) : _process.Output();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        TemporaryFolder.Delete(_folder);
    }
}
