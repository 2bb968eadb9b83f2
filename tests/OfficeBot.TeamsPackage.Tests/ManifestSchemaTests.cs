using System.Text.Json.Nodes;
using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

public class ManifestSchemaTests
{
    [Fact]
    public void Manifest_Filled_ValidatesAgainstTheManifest125Schema()
    {
        var manifest = TeamsApp.Filled().Manifest;

        var problems = TeamsSchemas.ManifestProblems(manifest);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal("1.25", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("zh-TW.json")]
    [InlineData("zh-CN.json")]
    public void Localization_Filled_ValidatesAgainstTheLocalizationSchema(string file)
    {
        var problems = TeamsSchemas.LocalizationProblems(TeamsApp.Filled().Localisations[file]);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Manifest_WrongVersionOrMissingBotId_FailsTheSchema()
    {
        var manifest = TeamsApp.Filled().Manifest.DeepClone().AsObject();
        manifest["manifestVersion"] = "1.24";
        manifest["bots"]![0]!.AsObject().Remove("botId");
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");

        var problems = string.Join('\n', TeamsSchemas.ManifestProblems(manifest));

        Assert.Contains("/manifestVersion", problems);
        Assert.Contains("/bots/0/scopes/3", problems);
    }

    [Fact]
    public void Manifest_Template_DeclaresTheBotForEveryScopeWithoutFiles()
    {
        var bot = TeamsApp.Template().Manifest["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(bot["supportsFiles"]!.GetValue<bool>());
        Assert.Equal(
            ["personal", "team", "groupChat"],
            bot["commandLists"]!.AsArray().SelectMany(l => l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())));
    }

    [Fact]
    public void Manifest_Template_NamesBothChineseLocalisationFilesWithEnglishAsDefault()
    {
        var info = TeamsApp.Template().Manifest["localizationInfo"]!;

        Assert.Equal("en-us", info["defaultLanguageTag"]!.GetValue<string>());
        Assert.Equal(
            [("zh-tw", "zh-TW.json"), ("zh-cn", "zh-CN.json")],
            info["additionalLanguages"]!.AsArray().Select(l => (l!["languageTag"]!.GetValue<string>(), l["file"]!.GetValue<string>())));
    }

    [Fact]
    public void Manifest_Template_LeavesBotIdAndVersionToPackageTime()
    {
        var manifest = TeamsApp.Template().Manifest;

        Assert.Equal(AppPackage.BotIdPlaceholder, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppPackage.BotIdPlaceholder, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(AppPackage.BotIdPlaceholder, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal(AppPackage.VersionPlaceholder, manifest["version"]!.GetValue<string>());
        Assert.All(
            AppPackage.Strings(manifest["developer"], "developer").Where(s => s.Path.EndsWith("Url", StringComparison.Ordinal)),
            url => Assert.StartsWith("https://", url.Value));
    }
}
