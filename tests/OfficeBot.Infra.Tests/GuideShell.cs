using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OfficeBot.Infra.Tests;

/// <summary>
/// Runs a shell block of the deployment guide offline, as far as it can run without Azure: placeholders get sample
/// values, <c>az</c> is the real Azure CLI but only parses (no one is signed in, so a command that parses stops at
/// "please run az login"; one that does not parse exits 2 and fails the block), <c>dotnet run</c> of the Teams package
/// tool runs the tool, <c>dotnet publish</c> leaves a stand-in folder (the publish test runs the real one), and
/// everything else (<c>zip</c>, <c>cd</c>, loops) runs for real in a scratch folder.
/// </summary>
public static partial class GuideShell
{
    public const string InstallAdvice =
        "The deployment guide's commands are checked with the Azure CLI and zip (Debian: `apt-get install azure-cli zip`).";

    /// <summary>What the <c>az</c> stand-in writes to standard error when the CLI could not parse a command.</summary>
    public const string ParseFailure = "GUIDE-CHECK: the Azure CLI could not parse";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>What a placeholder of the guide (<c>&lt;rg&gt;</c>) stands for when its block runs here.</summary>
    public static readonly IReadOnlyDictionary<string, string> Samples = new Dictionary<string, string>
    {
        ["rg"] = "officebot-rg",
        ["appName"] = "officebot",
        ["webAppName"] = "officebot-4kq2vxbm3n6ca",
        ["app"] = "officebot-4kq2vxbm3n6ca",
        ["storageAccountName"] = "st4kq2vxbm3n6ca",
        ["bot-app-id"] = "6f1c2c1e-4b7a-4e55-9d0e-2b8f0d5a7c11",
        ["object id"] = "0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5",
        ["user principal name"] = "leader@contoso.example",
        ["your sign-in name"] = "admin@contoso.example",
    };

    // az exits 2 when it cannot parse what it was given (unknown command or option, a required option missing); having
    // parsed, with no one signed in it exits 1 and asks for `az login`.
    private static readonly string Prelude = """
        az() {
          local errors rc
          errors=$(command az "$@" 2>&1 >/dev/null) && rc=0 || rc=$?
          if [ "$rc" -eq 2 ]; then printf '%s: az %s\n%s\n' '{{ParseFailure}}' "$*" "$errors" >&2; return 2; fi
          printf '%s\n' "sample"
        }
        dotnet() {
          case "$1" in
            publish)
              local out=""
              while [ $# -gt 0 ]; do case "$1" in -o|--output) out="$2"; shift;; esac; shift; done
              [ -n "$out" ] || { echo "dotnet publish without -o" >&2; return 96; }
              mkdir -p "$out" && echo stand-in > "$out/OfficeBot.Web.dll";;
            run)
              [ "$2" = "--project" ] && [ "$3" = "tools/OfficeBot.TeamsPackage" ] || { echo "dotnet $*: not the Teams package tool" >&2; return 97; }
              while [ $# -gt 0 ] && [ "$1" != "--" ]; do shift; done
              [ $# -gt 0 ] || { echo "dotnet run without -- before the tool's arguments" >&2; return 98; }
              shift
              command dotnet "$GUIDE_TEAMS_PACKAGE" "$@" --source "$GUIDE_TEAMS_SOURCE";;
            *) echo "dotnet $*: not a command the guide's test knows how to check" >&2; return 99;;
          esac
        }
        set -e

        """.Replace("{{ParseFailure}}", ParseFailure, StringComparison.Ordinal);

    public sealed record Result(int ExitCode, string Output, string Errors, string Folder);

    public static string AzureCli => Locate("az");

    /// <summary>The block with each <c>&lt;placeholder&gt;</c> replaced by its sample; an unknown one is an error.</summary>
    public static string WithSamples(string text) =>
        Placeholder().Replace(text, m => Samples.TryGetValue(m.Groups[1].Value, out var sample)
            ? sample
            : throw new KeyNotFoundException($"The guide's placeholder <{m.Groups[1].Value}> has no sample value in {nameof(GuideShell)}.{nameof(Samples)}; add one."));

    /// <summary><c>bash -n</c>: whether the block is a well-formed shell script at all.</summary>
    public static Task<Result> CheckSyntaxAsync(string script, string folder) => RunBashAsync(["-n", "-c", script], folder);

    /// <summary>Runs the block (samples already filled in) in <paramref name="folder"/> with the stand-ins above.</summary>
    public static Task<Result> RunAsync(string script, string folder)
    {
        // The guide zips what it publishes; a missing zip should say how to install it, not "command not found".
        _ = Locate("zip");
        return RunBashAsync(["-c", Prelude + script], folder);
    }

    private static async Task<Result> RunBashAsync(string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(Locate("bash")) { WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A configuration folder of its own, so the CLI neither finds someone's sign-in nor writes into their home.
        start.Environment["AZURE_CONFIG_DIR"] = Path.Combine(folder, ".azure");
        start.Environment["AZURE_CORE_COLLECT_TELEMETRY"] = "0";
        start.Environment["AZURE_CORE_NO_COLOR"] = "1";
        start.Environment["AZURE_EXTENSION_USE_DYNAMIC_INSTALL"] = "no";
        start.Environment["GUIDE_TEAMS_PACKAGE"] = typeof(OfficeBot.TeamsPackage.PackageCommand).Assembly.Location;
        start.Environment["GUIDE_TEAMS_SOURCE"] = Path.Combine(OfficeBot.Testing.RepositoryRoot.Find(), "infra", "teams");
        start.Environment["PATH"] = Path.GetDirectoryName(AzureCli) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        var (exitCode, output, errors) = await ToolProcess.RunAsync(start, Timeout, $"A block of the guide in {folder}");
        return new Result(exitCode, output, errors, folder);
    }

    private static string Locate(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"`{program}` was not found on PATH. {InstallAdvice}");

    [GeneratedRegex(@"<([^<>\n]+)>")]
    private static partial Regex Placeholder();
}
