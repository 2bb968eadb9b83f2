using OfficeBot.Cards.Localization;
using OfficeBot.Commands;
using OfficeBot.Domain.Office;
using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

/// <summary>
/// The commands Teams suggests come from the manifest; the help card's come from CardText.HelpCommands. Each manifest
/// command, in each language, must be a help entry's command word(s) with the help entry's meaning as its description,
/// and the same command in every language; and the parser must read each title as that command.
/// </summary>
public class HelpAgreementTests
{
    public static TheoryData<string, Language> Files => new()
    {
        { AppPackage.ManifestFile, Language.English },
        { "zh-TW.json", Language.Traditional },
        { "zh-CN.json", Language.Simplified },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ManifestCommands_EachLanguage_AreHelpCommandsWithTheirMeaning(string file, Language language)
    {
        var help = CardText.For(language).HelpCommands;

        foreach (var command in ManifestCommands(file))
        {
            var entry = help.SingleOrDefault(h => CommandWords(h.Form) == command.Title);
            Assert.True(entry is not null, $"{file}: {command.Path}.title \"{command.Title}\" starts no help entry; help has {string.Join(", ", help.Select(h => h.Form))}");
            Assert.Equal(entry.Meaning, command.Description);
        }
    }

    [Theory]
    [InlineData("zh-TW.json", Language.Traditional)]
    [InlineData("zh-CN.json", Language.Simplified)]
    public void ManifestCommands_Chinese_AreTheSameCommandsAsInEnglish(string file, Language language)
    {
        var english = CardText.For(Language.English).HelpCommands;
        var chinese = CardText.For(language).HelpCommands;
        Assert.Equal(english.Count, chinese.Count);

        var expected = ManifestCommands(AppPackage.ManifestFile)
            .Select(c => (c.Path, CommandWords(chinese[IndexOf(english, c.Title)].Form)))
            .ToList();
        var actual = ManifestCommands(file).Select(c => (c.Path, c.Title)).ToList();

        Assert.Equal(expected, actual);
    }

    // Teams puts the title in the compose box when a suggested command is picked; the parser must take it as that command.
    [Fact]
    public void ManifestCommands_EveryLanguage_AreCommandWordsOfTheSameVerbForTheParser()
    {
        var english = ManifestCommands(AppPackage.ManifestFile).ToList();

        foreach (var file in new[] { "zh-TW.json", "zh-CN.json" })
        {
            var translated = ManifestCommands(file).ToList();
            Assert.Equal(english.Count, translated.Count);
            for (var i = 0; i < english.Count; i++)
            {
                var verb = CommandParser.VerbOf(english[i].Title);
                Assert.True(verb is not null, $"manifest.json: {english[i].Path}.title \"{english[i].Title}\" is no command word");
                Assert.True(CommandParser.VerbOf(translated[i].Title) == verb, $"{file}: {translated[i].Path}.title \"{translated[i].Title}\" is not {verb}");
            }
        }
    }

    [Theory]
    [InlineData("new <title>", "new")]
    [InlineData("新事項 <標題>", "新事項")]
    [InlineData("查看 #12", "查看")]
    [InlineData("我的事项", "我的事项")]
    [InlineData("agenda @leader [date]", "agenda")]
    [InlineData("meeting <title> <time range> leaders @p", "meeting")]
    public void CommandWords_HelpForm_WordsBeforeTheFirstArgument(string form, string expected)
    {
        Assert.Equal(expected, CommandWords(form));
    }

    // A help form is the command word(s) followed by its arguments: <required>, [optional], #number or @person.
    private static string CommandWords(string form) =>
        string.Join(' ', form.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w[0] is not ('<' or '[' or '#' or '@')));

    private static int IndexOf(IReadOnlyList<HelpEntry> help, string title)
    {
        for (var i = 0; i < help.Count; i++)
        {
            if (CommandWords(help[i].Form) == title)
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException($"\"{title}\" is no English help command");
    }

    private static IEnumerable<(string Path, string Title, string Description)> ManifestCommands(string file)
    {
        var package = TeamsApp.Filled();
        var texts = file == AppPackage.ManifestFile
            ? AppPackage.Strings(package.Manifest, "").ToDictionary(s => s.Path, s => s.Value)
            : package.Localisations[file].Where(p => p.Key != "$schema").ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var lists = package.Manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.NotEmpty(lists);
        for (var l = 0; l < lists.Count; l++)
        {
            var count = lists[l]!["commands"]!.AsArray().Count;
            for (var c = 0; c < count; c++)
            {
                var path = $"bots[0].commandLists[{l}].commands[{c}]";
                yield return (path, texts[$"{path}.title"], texts[$"{path}.description"]);
            }
        }
    }
}
