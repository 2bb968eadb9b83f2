namespace OfficeBot.Testing.EndToEnd;

/// <summary>Finds the programs the end-to-end tests run, failing with the command that installs a missing one.</summary>
public static class Prerequisites
{
    public const string InstallAdvice =
        "The end-to-end tests need Chromium and fonts (Debian: `apt-get install chromium fonts-noto-cjk fonts-noto-color-emoji`), " +
        "Node.js 20 on PATH, and the repository's npm packages (`npm ci` in the folder holding OfficeBot.sln).";

    public static string Node() =>
        FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node")
        ?? throw new InvalidOperationException($"Node.js was not found on PATH. {InstallAdvice}");

    /// <summary>The Agents Playground CLI from the repository's node_modules (npm @microsoft/m365agentsplayground).</summary>
    public static string AgentsPlaygroundCli()
    {
        var cli = Path.Combine(RepositoryRoot.Find(), "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        return File.Exists(cli)
            ? cli
            : throw new InvalidOperationException($"The Microsoft 365 Agents Playground is not installed: {cli} does not exist. {InstallAdvice}");
    }

    /// <summary>The system Chromium: $CHROMIUM_PATH, else the first of the usual Debian/Ubuntu names on PATH.</summary>
    public static string Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH names {configured}, which does not exist. {InstallAdvice}");
        }

        return new[] { "chromium", "chromium-browser", "google-chrome" }.Select(FindOnPath).FirstOrDefault(path => path is not null)
            ?? throw new InvalidOperationException($"Chromium was not found on PATH. {InstallAdvice}");
    }

    private static string? FindOnPath(string fileName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);
}
