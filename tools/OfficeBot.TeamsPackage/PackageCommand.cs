namespace OfficeBot.TeamsPackage;

/// <summary>The packaging command: fill in the placeholders, check the Developer Portal rules, write the zip.</summary>
public static class PackageCommand
{
    public const int Success = 0;
    public const int InvalidPackage = 1;
    public const int BadUsage = 2;

    public static int Run(IReadOnlyList<string> args, string currentDirectory, TextWriter output, TextWriter error)
    {
        PackageOptions options;
        try
        {
            options = PackageOptions.Parse(args, currentDirectory);
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(PackageOptions.Usage);
            return BadUsage;
        }

        AppPackage package;
        try
        {
            package = AppPackage.Load(options.SourceDirectory).Fill(options.BotId, options.Version, options.Domain);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read the app package in {options.SourceDirectory}: {e.Message}");
            return InvalidPackage;
        }

        var problems = package.Placeholders().Select(p => $"{p}: a placeholder is left").Concat(ManifestRules.Problems(package)).ToList();
        if (problems.Count > 0)
        {
            error.WriteLine($"The Teams app package in {options.SourceDirectory} breaks {problems.Count} rule(s); nothing was written:");
            foreach (var problem in problems)
            {
                error.WriteLine($"  {problem}");
            }

            return InvalidPackage;
        }

        package.WriteZip(options.OutputPath);
        output.WriteLine($"Wrote {options.OutputPath}: {string.Join(", ", package.FileNames)} (bot {options.BotId:D}, version {options.Version}).");
        return Success;
    }
}
