using System.Text.Json.Nodes;
using OfficeBot.Testing;

namespace OfficeBot.Infra.Tests;

/// <summary>The Bicep files compile, lint clean with warnings as errors, and refuse a parameters file that misses a value.</summary>
public sealed class BicepCliTests : IDisposable
{
    private static readonly string Source = Path.Combine(RepositoryRoot.Find(), "infra", "azure");

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"officebot-bicep-{Guid.NewGuid():N}");

    public BicepCliTests() => AzureTemplate.CopyFolder(Source, folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> ParameterFiles => [.. AzureTemplate.ParameterFiles];

    private static readonly string[] Required = ["appName", "officeTimeZone", "defaultLocale", "directors"];

    public static TheoryData<string> RequiredParameters => [.. Required];

    [Fact]
    public async Task Cli_Version_IsThePinnedOne()
    {
        var version = await BicepCli.RunAsync(folder, "--version");
        Assert.Contains("Bicep CLI version 0.49.2", version.Output);
    }

    [Fact]
    public async Task Lint_EveryBicepFile_HasNoDiagnostics()
    {
        var lint = await BicepCli.RunAsync(folder, "lint", "--pattern", "**/*.bicep", "--no-restore");

        Assert.True(lint.ExitCode == 0, lint.All);
        Assert.Equal("", lint.All.Trim());
    }

    [Fact]
    public async Task Lint_LinterWarning_FailsAsAnError()
    {
        await File.AppendAllTextAsync(Path.Combine(folder, "modules", "bot.bicep"), "\nvar notUsed = 1\n");

        var lint = await BicepCli.RunAsync(folder, "lint", "main.bicep", "--no-restore");

        Assert.NotEqual(0, lint.ExitCode);
        Assert.Contains("Error no-unused-vars", lint.All);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_ParametersFile_BuildsAgainstMain(string parameterFile)
    {
        var build = await BicepCli.RunAsync(folder, "build-params", parameterFile, "--no-restore", "--bicep-file", "main.bicep", "--outfile", "parameters.json");

        Assert.True(build.ExitCode == 0, build.All);
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "parameters.json")))!["parameters"]!.AsObject();
        Assert.All(Required, name => Assert.NotNull(parameters[name]));
    }

    [Theory]
    [MemberData(nameof(RequiredParameters))]
    public async Task BuildParams_RequiredValueMissing_FailsNamingIt(string missing)
    {
        var values = new Dictionary<string, string>
        {
            ["appName"] = "'officebot'",
            ["officeTimeZone"] = "'Asia/Taipei'",
            ["defaultLocale"] = "'zh-TW'",
            ["directors"] = "['00000000-0000-0000-0000-000000000001']",
        };
        var lines = values.Where(v => v.Key != missing).Select(v => $"param {v.Key} = {v.Value}");
        await File.WriteAllTextAsync(Path.Combine(folder, "missing.bicepparam"), $"using './main.bicep'\n\n{string.Join('\n', lines)}\n");

        var build = await BicepCli.RunAsync(folder, "build-params", "missing.bicepparam", "--no-restore", "--stdout");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("BCP258", build.Errors);
        Assert.Contains($"\"{missing}\"", build.Errors);
    }

    [Fact]
    public async Task BuildParams_CompleteMinimalFile_Builds()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "minimal.bicepparam"),
            "using './main.bicep'\n\nparam appName = 'officebot'\nparam officeTimeZone = 'Asia/Taipei'\nparam defaultLocale = 'zh-TW'\nparam directors = ['00000000-0000-0000-0000-000000000001']\n");

        var build = await BicepCli.RunAsync(folder, "build-params", "minimal.bicepparam", "--no-restore", "--stdout");

        Assert.True(build.ExitCode == 0, build.All);
    }
}
