using System.Text.RegularExpressions;

namespace OfficeBot.TeamsPackage;

/// <summary>What one run of the packaging command was asked to do, checked before anything is read or written.</summary>
public sealed partial record PackageOptions(Guid BotId, string Version, string OutputPath, string? Domain, string SourceDirectory)
{
    public const string Usage =
        "usage: OfficeBot.TeamsPackage --bot-id <guid> --version <x.y.z> --out <officebot-teams.zip> [--domain <host>] [--source <infra/teams>]";

    public static PackageOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--bot-id" or "--version" or "--out" or "--domain" or "--source"))
            {
                throw new UsageException($"Unknown argument '{name}'.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"{name} needs a value.");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"{name} is given twice.");
            }
        }

        var botId = Required(values, "--bot-id");
        // Teams and Entra write an app id in the hyphenated form only; braces or bare hex would pass Guid.Parse but not the manifest schema.
        if (!Guid.TryParseExact(botId, "D", out var id) || id == Guid.Empty)
        {
            throw new UsageException($"--bot-id must be the bot's Entra app id, a GUID like 00000000-0000-0000-0000-000000000000 (not all zeros); got '{botId}'.");
        }

        var version = Required(values, "--version");
        if (!VersionPattern().IsMatch(version))
        {
            throw new UsageException($"--version must be major.minor.patch, like 1.0.0 (Teams accepts no pre-release or build suffix); got '{version}'.");
        }

        string? domain = null;
        if (values.TryGetValue("--domain", out var host))
        {
            domain = HostPattern().IsMatch(host)
                ? host.ToLowerInvariant()
                : throw new UsageException($"--domain must be a host name like officebot.azurewebsites.net, without https:// or a path; got '{host}'.");
        }

        var output = Path.GetFullPath(Required(values, "--out"), currentDirectory);
        var source = values.TryGetValue("--source", out var s)
            ? Path.GetFullPath(s, currentDirectory)
            : FindSource(currentDirectory);
        return new PackageOptions(id, version, output, domain, source);
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new UsageException($"{name} is required.");

    // The repository's infra/teams, found from wherever in the clone the command runs.
    private static string FindSource(string currentDirectory)
    {
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "infra", "teams");
            if (File.Exists(Path.Combine(candidate, AppPackage.ManifestFile)))
            {
                return candidate;
            }
        }

        throw new UsageException($"No infra/teams/{AppPackage.ManifestFile} above {currentDirectory}; run inside the repository or pass --source.");
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}(:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();
}

public sealed class UsageException(string message) : Exception(message);
