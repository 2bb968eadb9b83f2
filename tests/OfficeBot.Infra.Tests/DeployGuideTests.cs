using System.IO.Compression;
using OfficeBot.Testing;

namespace OfficeBot.Infra.Tests;

/// <summary>
/// Every command of docs/deploy.md is one CI has run or, where it needs Azure, parsed with the Azure CLI: a misspelt
/// command or option, a placeholder nobody fills in, or a command copied into the prose instead of a checked block fails.
/// </summary>
public sealed class DeployGuideTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("officebot-guide-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file a moment longer; the temp folder is cleaned by the OS eventually.
        }
    }

    private static IReadOnlyList<DeployGuide.Block> ShellBlocks =>
        DeployGuide.Blocks(DeployGuide.Read()).Where(b => b.Language == "bash").ToList();

    [Fact]
    public void Guide_HoldsTheStepsAnAdministratorNeeds()
    {
        var commands = ShellBlocks.SelectMany(DeployGuide.Commands).ToList();

        foreach (var step in new[]
                 {
                     "az deployment group create", "dotnet publish", "az webapp deploy", "dotnet run --project tools/OfficeBot.TeamsPackage",
                     "az webapp config appsettings set", "servicePrincipals/$principal/appRoleAssignments", "az appservice plan update",
                     "az storage entity query", "az group delete",
                 })
        {
            Assert.True(commands.Any(c => c.Contains(step, StringComparison.Ordinal)), $"no command of {DeployGuide.RelativePath} does `{step}`");
        }
    }

    [Fact]
    public async Task ShellBlocks_AreWellFormedBash()
    {
        foreach (var block in ShellBlocks)
        {
            var result = await GuideShell.CheckSyntaxAsync(GuideShell.WithSamples(block.Text), _scratch);

            Assert.True(result.ExitCode == 0, $"{DeployGuide.RelativePath}:{block.Line}: not valid bash:{Environment.NewLine}{result.Errors}");
        }
    }

    [Fact]
    public async Task ShellBlocks_RunOffline_EveryAzCommandParses()
    {
        var results = await Task.WhenAll(ShellBlocks.Select(async (block, index) =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(_scratch, index.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
            return (block, result: await GuideShell.RunAsync(GuideShell.WithSamples(block.Text), folder));
        }));

        var failures = results
            .Where(r => r.result.ExitCode != 0 || r.result.Errors.Contains(GuideShell.ParseFailure, StringComparison.Ordinal))
            .Select(r => $"{DeployGuide.RelativePath}:{r.block.Line} (exit {r.result.ExitCode}):{Environment.NewLine}{r.result.Errors}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The package command of the guide made the package it promises.
        var package = results.Single(r => r.block.Text.Contains("tools/OfficeBot.TeamsPackage", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(Path.Combine(package.result.Folder, "officebot-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-CN.json", "zh-TW.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        // And the publish block zipped what it published, as `az webapp deploy` expects.
        var publish = results.Single(r => r.block.Text.Contains("dotnet publish", StringComparison.Ordinal));
        using var published = ZipFile.OpenRead(Path.Combine(publish.result.Folder, "out", "officebot.zip"));
        Assert.Contains(published.Entries, e => e.FullName == "OfficeBot.Web.dll");
    }

    [Fact]
    public async Task Run_AMisspeltOption_IsCaught()
    {
        var result = await GuideShell.RunAsync("az webapp deploy --resource-group officebot-rg --name officebot --src-pth app.zip --type zip", _scratch);

        Assert.Contains(GuideShell.ParseFailure, result.Errors);
        Assert.Contains("--src-pth", result.Errors);
    }

    [Fact]
    public async Task Run_AnUnknownCommand_IsCaught()
    {
        var result = await GuideShell.RunAsync("for t in $(az storage tabel list --account-name st1 --auth-mode login -o tsv); do echo \"$t\"; done", _scratch);

        Assert.Contains(GuideShell.ParseFailure, result.Errors);
    }

    [Fact]
    public async Task Run_ACorrectCommand_ParsesAndStopsOnlyForWantOfASignIn()
    {
        var result = await GuideShell.RunAsync("az webapp log tail --resource-group officebot-rg --name officebot", _scratch);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.DoesNotContain(GuideShell.ParseFailure, result.Errors);
    }

    [Fact]
    public void WithSamples_AnUnknownPlaceholder_IsNamed()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => GuideShell.WithSamples("az group create --name <resource group>"));

        Assert.Contains("<resource group>", error.Message);
    }

    [Fact]
    public void InlineCommands_WithOptions_AreAlsoInACheckedBlock()
    {
        var markdown = DeployGuide.Read();
        var blocks = ShellBlocks.SelectMany(DeployGuide.Commands).ToList();

        var inline = DeployGuide.InlineCode(markdown)
            .Where(code => (code.StartsWith("az ", StringComparison.Ordinal) || code.StartsWith("dotnet ", StringComparison.Ordinal)) && code.Contains(" -", StringComparison.Ordinal))
            .Where(code => !blocks.Any(command => command.Contains(code, StringComparison.Ordinal)))
            .ToList();

        Assert.True(inline.Count == 0, $"commands written inline in {DeployGuide.RelativePath}, where no test checks them; put them in a ```bash block: {string.Join("; ", inline)}");
    }
}
