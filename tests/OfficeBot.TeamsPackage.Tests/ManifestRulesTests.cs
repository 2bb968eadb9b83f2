using System.Text.Json.Nodes;
using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

public class ManifestRulesTests
{
    [Fact]
    public void Problems_CommittedPackage_None()
    {
        var problems = ManifestRules.Problems(TeamsApp.Filled());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Package_Template_KeepsTheDeveloperPortalLimitsInEveryLanguage()
    {
        var package = TeamsApp.Filled();
        var lists = package.Manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.All(lists, list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, 10));
        foreach (var file in new[] { (JsonObject)package.Manifest }.Concat(package.Localisations.Values))
        {
            foreach (var (path, text) in AppPackage.Strings(file, ""))
            {
                var limit = path switch
                {
                    "name.short" => 30,
                    "name.full" => 100,
                    "description.short" => 80,
                    "description.full" => 4000,
                    _ when path.EndsWith("].title", StringComparison.Ordinal) => 32,
                    _ when path.Contains("].commands[", StringComparison.Ordinal) && path.EndsWith(".description", StringComparison.Ordinal) => 128,
                    _ => int.MaxValue,
                };
                Assert.True(ManifestRules.Characters(text) <= limit, $"{path} is over {limit}: {text}");
            }
        }
    }

    [Fact]
    public void Problems_CommandTitleOverLimit_NamesTheFieldAndTheLimit()
    {
        var package = TeamsApp.Filled();
        package.Manifest["bots"]![0]!["commandLists"]![1]!["commands"]![2]!["title"] = new string('x', 33);

        var problem = Assert.Single(ManifestRules.Problems(package));

        Assert.Equal("manifest.json: bots[0].commandLists[1].commands[2].title is 33 characters; the limit is 32", problem);
    }

    [Fact]
    public void Problems_CommandDescriptionOverLimitInALocalisation_NamesTheFileTheFieldAndTheLimit()
    {
        var package = TeamsApp.Filled();
        package.Localisations["zh-CN.json"]["bots[0].commandLists[0].commands[0].description"] = new string('事', 129);

        var problem = Assert.Single(ManifestRules.Problems(package));

        Assert.Equal("zh-CN.json: bots[0].commandLists[0].commands[0].description is 129 characters; the limit is 128", problem);
    }

    [Fact]
    public void Problems_ElevenCommandsInAScope_NamesTheListAndTheLimit()
    {
        var package = TeamsApp.Filled();
        var commands = package.Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        commands.Add(new JsonObject { ["title"] = "extra", ["description"] = "One too many" });

        var problems = ManifestRules.Problems(package);

        Assert.Contains("manifest.json: bots[0].commandLists[0].commands has 11 commands; the limit is 10 per scope", problems);
    }

    [Theory]
    [InlineData("name.short", 30)]
    [InlineData("name.full", 100)]
    [InlineData("description.short", 80)]
    [InlineData("description.full", 4000)]
    public void Problems_NameOrDescriptionOverLimitInTraditional_NamesTheFieldAndTheLimit(string field, int limit)
    {
        var package = TeamsApp.Filled();
        package.Localisations["zh-TW.json"][field] = new string('督', limit + 1);

        var problem = Assert.Single(ManifestRules.Problems(package));

        Assert.Equal($"zh-TW.json: {field} is {limit + 1} characters; the limit is {limit}", problem);
    }

    [Fact]
    public void Problems_LocalisationMissesACommandOrTranslatesOneThatIsNotThere_BothNamed()
    {
        var package = TeamsApp.Filled();
        var traditional = package.Localisations["zh-TW.json"];
        traditional.Remove("bots[0].commandLists[2].commands[9].title");
        traditional["bots[0].commandLists[2].commands[10].title"] = "多餘";

        var problems = ManifestRules.Problems(package);

        Assert.Contains("zh-TW.json: bots[0].commandLists[2].commands[9].title is missing: manifest.json has it and every language must translate it", problems);
        Assert.Contains("zh-TW.json: bots[0].commandLists[2].commands[10].title translates nothing: manifest.json has no such text", problems);
    }

    [Fact]
    public void Problems_ScopeInTwoCommandLists_Named()
    {
        var package = TeamsApp.Filled();
        package.Manifest["bots"]![0]!["commandLists"]![2]!["scopes"] = new JsonArray("team");

        var problems = ManifestRules.Problems(package);

        Assert.Contains("manifest.json: bots[0].commandLists[2].scopes lists team again; each scope has one command list", problems);
    }

    [Fact]
    public void Problems_GraphAppIdDiffersFromBotId_Named()
    {
        var package = TeamsApp.Filled();
        package.Manifest["webApplicationInfo"]!["id"] = Guid.NewGuid().ToString("D");

        var problem = Assert.Single(ManifestRules.Problems(package));

        Assert.Contains("webApplicationInfo.id", problem);
    }

    [Fact]
    public void Localisations_Committed_TranslateEveryManifestTextIntoChineseNotEnglish()
    {
        var package = TeamsApp.Filled();

        foreach (var (file, localisation) in package.Localisations)
        {
            foreach (var (key, value) in localisation.Where(p => p.Key != "$schema"))
            {
                var text = value!.GetValue<string>();
                Assert.NotEqual(text, AppPackage.Strings(package.Manifest, "").Single(s => s.Path == key).Value);
                Assert.Contains(text, c => c >= '\u4e00' && c <= '\u9fff');
            }

            Assert.Contains(file == "zh-TW.json" ? "督辦" : "督办", localisation["name.short"]!.GetValue<string>());
        }
    }
}
