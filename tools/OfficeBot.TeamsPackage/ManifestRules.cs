using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OfficeBot.TeamsPackage;

/// <summary>
/// What the Teams Developer Portal refuses and the manifest schema lets through: shorter text limits, ten commands per
/// scope, icons of the right size and colours, and localisation files that translate exactly the manifest's texts.
/// Each problem names the file, the field and the limit.
/// </summary>
public static partial class ManifestRules
{
    public const int MaxCommandsPerScope = 10;
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    /// <summary>Text limits by field, in the path notation the manifest and the localisation files share.</summary>
    public static readonly IReadOnlyList<(Regex Field, int Limit, bool Translated)> TextLimits =
    [
        (Field(@"name\.short"), 30, true),
        (Field(@"name\.full"), 100, true),
        (Field(@"description\.short"), 80, true),
        (Field(@"description\.full"), 4000, true),
        (Field(@"developer\.name"), 32, false),
        (Field(@"bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.title"), 32, true),
        (Field(@"bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.description"), 128, true),
    ];

    public static IReadOnlyList<string> Problems(AppPackage package)
    {
        var problems = new List<string>();
        var manifest = package.Manifest;
        var manifestTexts = AppPackage.Strings(manifest, "").ToDictionary(s => s.Path, s => s.Value, StringComparer.Ordinal);

        problems.AddRange(TextProblems(AppPackage.ManifestFile, manifestTexts));
        problems.AddRange(CommandListProblems(manifest));
        problems.AddRange(IdentityProblems(manifest));

        var translated = manifestTexts.Keys.Where(p => TextLimits.Any(l => l.Translated && l.Field.IsMatch(p))).ToList();
        foreach (var (file, localisation) in package.Localisations)
        {
            var texts = localisation
                .Where(p => p.Key is not ("$schema" or "localizationKeys"))
                .ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "", StringComparer.Ordinal);
            problems.AddRange(TextProblems(file, texts));
            problems.AddRange(texts.Keys.Where(k => !manifestTexts.ContainsKey(k)).Select(k => $"{file}: {k} translates nothing: {AppPackage.ManifestFile} has no such text"));
            problems.AddRange(translated.Where(p => !texts.ContainsKey(p)).Select(p => $"{file}: {p} is missing: {AppPackage.ManifestFile} has it and every language must translate it"));
        }

        problems.AddRange(IconProblems(package, "color", ColorIconProblems));
        problems.AddRange(IconProblems(package, "outline", OutlineIconProblems));
        return problems;
    }

    public static int Characters(string text) => text.EnumerateRunes().Count();

    private static IEnumerable<string> TextProblems(string file, IReadOnlyDictionary<string, string> texts)
    {
        foreach (var (path, text) in texts)
        {
            foreach (var (field, limit, _) in TextLimits)
            {
                if (field.IsMatch(path) && Characters(text) > limit)
                {
                    yield return $"{file}: {path} is {Characters(text)} characters; the limit is {limit}";
                }
            }
        }
    }

    private static IEnumerable<string> CommandListProblems(JsonObject manifest)
    {
        var bots = manifest["bots"]?.AsArray() ?? [];
        for (var b = 0; b < bots.Count; b++)
        {
            var botScopes = Strings(bots[b]?["scopes"]).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var lists = bots[b]?["commandLists"]?.AsArray() ?? [];
            for (var l = 0; l < lists.Count; l++)
            {
                var path = $"bots[{b}].commandLists[{l}]";
                var count = lists[l]?["commands"]?.AsArray().Count ?? 0;
                if (count > MaxCommandsPerScope)
                {
                    yield return $"{AppPackage.ManifestFile}: {path}.commands has {count} commands; the limit is {MaxCommandsPerScope} per scope";
                }

                foreach (var scope in Strings(lists[l]?["scopes"]))
                {
                    if (!seen.Add(scope))
                    {
                        yield return $"{AppPackage.ManifestFile}: {path}.scopes lists {scope} again; each scope has one command list";
                    }

                    if (!botScopes.Contains(scope))
                    {
                        yield return $"{AppPackage.ManifestFile}: {path}.scopes lists {scope}, which bots[{b}].scopes does not";
                    }
                }
            }
        }
    }

    // The bot signs in to Graph and to the Bot Service as one Entra app; a package where they differ installs a bot that never answers.
    private static IEnumerable<string> IdentityProblems(JsonObject manifest)
    {
        var botId = manifest["bots"]?[0]?["botId"]?.GetValue<string>();
        var webAppId = manifest["webApplicationInfo"]?["id"]?.GetValue<string>();
        if (webAppId is not null && !string.Equals(botId, webAppId, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{AppPackage.ManifestFile}: webApplicationInfo.id is {webAppId} but bots[0].botId is {botId}; both are the bot's Entra app id";
        }
    }

    private static IEnumerable<string> IconProblems(AppPackage package, string kind, Func<PngImage, IEnumerable<string>> rules)
    {
        var file = package.Manifest["icons"]?[kind]?.GetValue<string>();
        if (file is null || !package.Icons.TryGetValue(file, out var bytes))
        {
            return [$"{AppPackage.ManifestFile}: icons.{kind} names no icon in the package"];
        }

        PngImage image;
        try
        {
            image = PngImage.Read(bytes);
        }
        catch (InvalidDataException e)
        {
            return [$"{file}: {e.Message}"];
        }

        return rules(image).Select(p => $"{file}: {p}");
    }

    private static IEnumerable<string> ColorIconProblems(PngImage image)
    {
        if (image.Width != ColorIconSize || image.Height != ColorIconSize)
        {
            yield return $"is {image.Width}×{image.Height}; the colour icon must be {ColorIconSize}×{ColorIconSize}";
        }

        var seeThrough = image.Pixels().Count(p => p.A != 255);
        if (seeThrough > 0)
        {
            yield return $"has {seeThrough} pixels that are not opaque; the colour icon is full colour on a solid background";
        }
    }

    private static IEnumerable<string> OutlineIconProblems(PngImage image)
    {
        if (image.Width != OutlineIconSize || image.Height != OutlineIconSize)
        {
            yield return $"is {image.Width}×{image.Height}; the outline icon must be {OutlineIconSize}×{OutlineIconSize}";
        }

        if (!image.HasAlpha)
        {
            yield return "has no alpha channel; the outline icon is white on transparent";
            yield break;
        }

        var coloured = image.Pixels().Count(p => p.A != 0 && (p.R, p.G, p.B) != (255, 255, 255));
        if (coloured > 0)
        {
            yield return $"has {coloured} visible pixels that are not white (#FFFFFF); the outline icon is white on transparent";
        }

        var visible = image.Pixels().Count(p => p.A != 0);
        if (visible == 0)
        {
            yield return "is fully transparent; the outline icon must show its glyph in white";
        }
        else if (visible == image.Width * image.Height && image.Pixels().All(p => p.A == 255))
        {
            yield return "has no transparent pixel; the outline icon is white on a transparent background";
        }
    }

    private static IEnumerable<string> Strings(JsonNode? array) =>
        array is JsonArray items ? items.Select(i => i?.GetValue<string>()).OfType<string>() : [];

    private static Regex Field(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);
}
