using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OfficeBot.Testing;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>
/// Azurite's table service with <c>--inMemoryPersistence</c>, which issue 8 asks the benchmark to use. The tests'
/// <see cref="AzuriteProcess"/> always gives Azurite a <c>--location</c>, where its LokiJS store rewrites the whole
/// database to disk every 5 s (and Azurite refuses both options together); at 60,000 rows that rewrite competes with
/// the queries being timed. Same executable, account and port choice as <see cref="AzuriteProcess"/>.
/// </summary>
internal sealed class InMemoryAzurite : IAsyncDisposable
{
    private readonly Process _process;

    private InMemoryAzurite(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AzuriteProcess.AccountName};";

    public static async Task<InMemoryAzurite> StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot.Find(), "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} does not exist: run `npm ci` in the repository root.");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new InMemoryAzurite(process, port);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not listen on port {port} (exited: {process.HasExited}).");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return azurite;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
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
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not dying within the timeout.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
