using System.Diagnostics;

namespace OfficeBot.Testing.EndToEnd;

/// <summary>
/// A process the tests start: both pipes drained into a bounded tail kept for error messages, and the whole process
/// tree killed on dispose (and, as a last resort, when the test host exits).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly EventHandler _onExit;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="fileName"/>; a missing executable becomes an exception carrying <paramref name="installAdvice"/>.</summary>
    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string installAdvice)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, line) => child.Append(line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            AppDomain.CurrentDomain.ProcessExit -= child._onExit;
            process.Dispose();
            throw new InvalidOperationException($"Could not start {name} ({fileName}): {exception.Message}. {installAdvice}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx (and <paramref name="isReady"/> accepts the body), failing fast
    /// with the process output if the process exits first.
    /// </summary>
    public async Task WaitForHttpAsync(Uri url, TimeSpan timeout, Func<string, bool>? isReady = null, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new ChildProcessExitedException($"{Name} exited with code {_process.ExitCode} before {url} answered.{Environment.NewLine}Output:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && (isReady is null || isReady(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} did not answer {url} within {timeout.TotalSeconds} s.{Environment.NewLine}Output:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Kill();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or refusing to die within the timeout: nothing more a test run can do about it.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}

public sealed class ChildProcessExitedException(string message) : Exception(message);
