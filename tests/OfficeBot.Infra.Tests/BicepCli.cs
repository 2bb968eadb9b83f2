using System.Diagnostics;
using System.Reflection;

namespace OfficeBot.Infra.Tests;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, pinned in the project file).</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Path { get; } = Locate();

    public record Result(int ExitCode, string Output, string Errors)
    {
        public string All => Output + Errors;
    }

    /// <summary>Runs <c>bicep</c> with the arguments in the given folder.</summary>
    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var (exitCode, output, errors) = await ToolProcess.RunAsync(start, Timeout, $"bicep {string.Join(' ', arguments)}");
        return new Result(exitCode, output, errors);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}; restore tests/OfficeBot.Infra.Tests (dotnet restore) to download Azure.Bicep.CommandLine.linux-x64.");
        }

        // The package ships the linux-x64 build only; NuGet does not always keep the executable bit of what it extracts.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infrastructure tests run the linux-x64 Bicep CLI and need Linux.");
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
