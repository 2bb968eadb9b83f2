using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

/// <summary>The committed app package (infra/teams, copied beside the tests) and a sample of the values the packaging command fills in.</summary>
public static class TeamsApp
{
    public static readonly Guid BotId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    public const string Version = "1.2.3";
    public const string Domain = "officebot.example.net";

    public static string Source { get; } = Path.Combine(AppContext.BaseDirectory, "teams");

    public static AppPackage Template() => AppPackage.Load(Source);

    public static AppPackage Filled() => Template().Fill(BotId, Version, Domain);

    /// <summary>A writable copy of infra/teams, for tests that break it on purpose.</summary>
    public static string CopyTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Source))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

        return directory;
    }
}

/// <summary>A directory of its own for one test, removed afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "officebot-teams-" + Guid.NewGuid().ToString("N"));

    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
