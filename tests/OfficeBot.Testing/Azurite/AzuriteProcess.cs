using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OfficeBot.Testing.Azurite;

/// <summary>
/// Azurite's table service, run from the repository's <c>node_modules</c> on a free loopback port with its
/// data in a temporary folder. Disposing kills the process tree and deletes the folder.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key every Azurite instance accepts; not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string InstallAdvice =
        "Install Node.js 20 (https://nodejs.org) and run `npm ci` in the repository root (the folder holding OfficeBot.sln) to install Azurite.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _location;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, int port, string location, StringBuilder output)
    {
        _process = process;
        _location = location;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>Starts Azurite and returns once its port answers. Throws with install instructions if Node.js or Azurite is missing.</summary>
    /// <param name="inMemory">Keep the tables in memory only (<c>--inMemoryPersistence</c>): faster, for benchmarks; the tests keep them on disk as a deployment would.</param>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default, bool inMemory = false)
    {
        var executable = FindAzuriteTable();
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when chosen but not reserved; another process may grab it first, so try again on a new one.
            var port = FreePort.Next();
            var location = Path.Combine(Path.GetTempPath(), "officebot-azurite-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(location);
            var output = new StringBuilder();
            var process = Launch(executable, port, location, inMemory, output);
            var azurite = new AzuriteProcess(process, port, location, output);
            try
            {
                await azurite.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
                return azurite;
            }
            catch (AzuriteExitedException) when (attempt < attempts)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or refusing to die within the timeout: nothing more a test run can do about it.
        }
        finally
        {
            _process.Dispose();
        }

        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }

    private static Process Launch(string executable, int port, string location, bool inMemory, StringBuilder output)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = location,
        };
        // Azurite refuses --location together with --inMemoryPersistence.
        string[] storage = inMemory ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in (string[])
                 [
                     "--tableHost", "127.0.0.1",
                     "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     .. storage,
                     "--disableTelemetry",
                     "--skipApiVersionCheck",
                     "--loose",
                     "--silent",
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        // Drain both pipes so Azurite never blocks on a full buffer; keep the text for error messages.
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start Azurite ({executable}): {exception.Message}. {InstallAdvice}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new AzuriteExitedException(
                    $"Azurite exited with code {_process.ExitCode} before listening on port {Port}. {InstallAdvice}{Environment.NewLine}Output:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Azurite did not listen on port {Port} within {StartTimeout.TotalSeconds} s. Output:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string FindAzuriteTable()
    {
        if (FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node") is null)
        {
            throw new InvalidOperationException($"Node.js was not found on PATH. {InstallAdvice}");
        }

        var root = RepositoryRoot.Find();
        var bin = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed: {bin} does not exist. {InstallAdvice}");
        }

        return bin;
    }

    private static string? FindOnPath(string fileName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);

    private sealed class AzuriteExitedException(string message) : Exception(message);
}
