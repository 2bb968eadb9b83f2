using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

public sealed class PackageCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string Zip => Path.Combine(_directory.Path, "officebot-teams.zip");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Run_ValidArguments_WritesTheFiveFilesAtTheZipRoot()
    {
        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "2.0.1", "--out", Zip, "--domain", "OfficeBot.Example.net", "--source", TeamsApp.Source);

        Assert.True(exit == PackageCommand.Success, _error.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(
            ["color.png", "manifest.json", "outline.png", "zh-CN.json", "zh-TW.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Contains(Zip, _output.ToString());
    }

    [Fact]
    public void Run_ValidArguments_FillsTheBotIdVersionAndDomainEverywhere()
    {
        var botId = Guid.NewGuid().ToString("D");

        var exit = Run("--bot-id", botId, "--version", "2.0.1", "--out", Zip, "--domain", "officebot.example.net", "--source", TeamsApp.Source);

        Assert.True(exit == PackageCommand.Success, _error.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("{{", Read(entry));
        }

        var manifest = JsonNode.Parse(Read(zip.GetEntry("manifest.json")!))!;
        Assert.Equal(botId, manifest["id"]!.GetValue<string>());
        Assert.Equal(botId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(botId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal("2.0.1", manifest["version"]!.GetValue<string>());
        Assert.Equal(["officebot.example.net"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Empty(TeamsSchemas.ManifestProblems(manifest.AsObject()));
    }

    [Fact]
    public void Run_ValidArguments_PackagesTheCommittedIconsAndChineseTextsUnchanged()
    {
        Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", Zip, "--source", TeamsApp.Source);

        using var zip = ZipFile.OpenRead(Zip);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var stream = new MemoryStream();
            zip.GetEntry(icon)!.Open().CopyTo(stream);
            Assert.Equal(File.ReadAllBytes(Path.Combine(TeamsApp.Source, icon)), stream.ToArray());
        }

        var traditional = JsonNode.Parse(Read(zip.GetEntry("zh-TW.json")!))!;
        Assert.Equal("新事項", traditional["bots[0].commandLists[0].commands[0].title"]!.GetValue<string>());
        Assert.Contains("新事項", Read(zip.GetEntry("zh-TW.json")!));
    }

    [Fact]
    public void Run_WithoutDomain_ListsNoValidDomain()
    {
        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", Zip, "--source", TeamsApp.Source);

        Assert.True(exit == PackageCommand.Success, _error.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        var manifest = JsonNode.Parse(Read(zip.GetEntry("manifest.json")!))!;
        Assert.Empty(manifest["validDomains"]!.AsArray());
    }

    [Theory]
    [InlineData("officebot")]
    [InlineData("1234")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void Run_BotIdNotAGuid_RefusesWithAClearMessageAndWritesNothing(string botId)
    {
        var exit = Run("--bot-id", botId, "--version", "1.0.0", "--out", Zip, "--source", TeamsApp.Source);

        Assert.Equal(PackageCommand.BadUsage, exit);
        Assert.Contains($"--bot-id must be the bot's Entra app id, a GUID like 00000000-0000-0000-0000-000000000000 (not all zeros); got '{botId}'.", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("v1.0.0")]
    [InlineData("01.0.0")]
    public void Run_VersionNotMajorMinorPatch_RefusesWithAClearMessage(string version)
    {
        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", version, "--out", Zip, "--source", TeamsApp.Source);

        Assert.Equal(PackageCommand.BadUsage, exit);
        Assert.Contains($"--version must be major.minor.patch, like 1.0.0", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("https://officebot.example.net")]
    [InlineData("officebot.example.net/api")]
    public void Run_DomainWithSchemeOrPath_Refuses(string domain)
    {
        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", Zip, "--domain", domain, "--source", TeamsApp.Source);

        Assert.Equal(PackageCommand.BadUsage, exit);
        Assert.Contains("--domain must be a host name", _error.ToString());
    }

    [Fact]
    public void Run_MissingBotId_SaysItIsRequired()
    {
        var exit = Run("--version", "1.0.0", "--out", Zip, "--source", TeamsApp.Source);

        Assert.Equal(PackageCommand.BadUsage, exit);
        Assert.Contains("--bot-id is required.", _error.ToString());
        Assert.Contains(PackageOptions.Usage, _error.ToString());
    }

    [Fact]
    public void Run_ManifestOverALimit_FailsWithTheFieldAndTheLimitAndWritesNothing()
    {
        var source = TeamsApp.CopyTo(Path.Combine(_directory.Path, "teams"));
        var manifestPath = Path.Combine(source, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = "new matter with a title far too long";
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", Zip, "--source", source);

        Assert.Equal(PackageCommand.InvalidPackage, exit);
        Assert.Contains("manifest.json: bots[0].commandLists[0].commands[0].title is 36 characters; the limit is 32", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public void Run_UnknownPlaceholderLeft_FailsAndNamesWhere()
    {
        var source = TeamsApp.CopyTo(Path.Combine(_directory.Path, "teams"));
        var localisation = Path.Combine(source, "zh-CN.json");
        var json = JsonNode.Parse(File.ReadAllText(localisation))!;
        json["name.full"] = "OfficeBot {{TENANT}}";
        File.WriteAllText(localisation, json.ToJsonString());

        var exit = Run("--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", Zip, "--source", source);

        Assert.Equal(PackageCommand.InvalidPackage, exit);
        Assert.Contains("zh-CN.json: name.full = OfficeBot {{TENANT}}: a placeholder is left", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public void Run_InsideTheRepositoryWithoutSource_FindsInfraTeams()
    {
        var repository = Path.Combine(_directory.Path, "clone");
        TeamsApp.CopyTo(Path.Combine(repository, "infra", "teams"));
        var nested = Directory.CreateDirectory(Path.Combine(repository, "bot", "OfficeBot.Web")).FullName;

        var exit = PackageCommand.Run(["--bot-id", TeamsApp.BotId.ToString(), "--version", "1.0.0", "--out", "officebot-teams.zip"], nested, _output, _error);

        Assert.True(exit == PackageCommand.Success, _error.ToString());
        Assert.True(File.Exists(Path.Combine(nested, "officebot-teams.zip")));
    }

    private int Run(params string[] args) => PackageCommand.Run(args, _directory.Path, _output, _error);

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
