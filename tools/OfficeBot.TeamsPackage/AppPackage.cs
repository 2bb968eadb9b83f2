using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OfficeBot.TeamsPackage;

/// <summary>
/// The files of a Teams app package: the manifest, the localisation files and the icons it names. Which files belong
/// in the zip is read from the manifest itself, so a renamed icon or a new language cannot be left out.
/// </summary>
public sealed class AppPackage
{
    public const string ManifestFile = "manifest.json";

    public const string BotIdPlaceholder = "{{BOT_ID}}";
    public const string VersionPlaceholder = "{{VERSION}}";
    public const string DomainPlaceholder = "{{DOMAIN}}";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        // Keeps 繁體 and 简体 readable in the package; the output is a file, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private AppPackage(JsonObject manifest, IReadOnlyDictionary<string, JsonObject> localisations, IReadOnlyDictionary<string, byte[]> icons)
    {
        Manifest = manifest;
        Localisations = localisations;
        Icons = icons;
    }

    public JsonObject Manifest { get; }

    /// <summary>Localisation files by the name <c>localizationInfo</c> gives them (zh-TW.json, zh-CN.json).</summary>
    public IReadOnlyDictionary<string, JsonObject> Localisations { get; }

    /// <summary>Icon files by name (color.png, outline.png).</summary>
    public IReadOnlyDictionary<string, byte[]> Icons { get; }

    public IEnumerable<string> FileNames => new[] { ManifestFile }.Concat(Localisations.Keys).Concat(Icons.Keys);

    public static AppPackage Load(string directory)
    {
        var manifest = ReadJson(directory, ManifestFile);
        var localisations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var file = language?["file"]?.GetValue<string>()
                ?? throw new InvalidDataException($"{ManifestFile}: localizationInfo.additionalLanguages has an entry without a file.");
            localisations[file] = ReadJson(directory, file);
        }

        var icons = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var kind in new[] { "color", "outline" })
        {
            var file = manifest["icons"]?[kind]?.GetValue<string>()
                ?? throw new InvalidDataException($"{ManifestFile}: icons.{kind} is missing.");
            icons[file] = File.ReadAllBytes(Path.Combine(directory, file));
        }

        return new AppPackage(manifest, localisations, icons);
    }

    /// <summary>
    /// A copy with the bot id, the version and the domain filled in wherever their placeholders stand, in the manifest
    /// and in every localisation file. Without a domain, <c>validDomains</c> lists none.
    /// </summary>
    public AppPackage Fill(Guid botId, string version, string? domain)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BotIdPlaceholder] = botId.ToString("D"),
            [VersionPlaceholder] = version,
        };
        if (domain is not null)
        {
            values[DomainPlaceholder] = domain;
        }

        var manifest = Manifest.DeepClone().AsObject();
        if (domain is null && manifest["validDomains"] is JsonArray domains)
        {
            foreach (var unused in domains.Where(d => d?.GetValue<string>() == DomainPlaceholder).ToList())
            {
                domains.Remove(unused);
            }
        }

        return new AppPackage(
            (JsonObject)Fill(manifest, values)!,
            Localisations.ToDictionary(l => l.Key, l => (JsonObject)Fill(l.Value.DeepClone(), values)!, StringComparer.Ordinal),
            Icons);
    }

    /// <summary>Every string, in any file, that still holds a <c>{{…}}</c> placeholder, as "file: path".</summary>
    public IEnumerable<string> Placeholders() =>
        new[] { (ManifestFile, (JsonNode)Manifest) }
            .Concat(Localisations.Select(l => (l.Key, (JsonNode)l.Value)))
            .SelectMany(f => Strings(f.Item2, "").Where(s => s.Value.Contains("{{", StringComparison.Ordinal)).Select(s => $"{f.Item1}: {s.Path} = {s.Value}"));

    /// <summary>Writes the package, every file at the zip root, replacing any zip already there.</summary>
    public void WriteZip(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        Add(zip, ManifestFile, JsonSerializer.SerializeToUtf8Bytes(Manifest, Written));
        foreach (var (name, json) in Localisations)
        {
            Add(zip, name, JsonSerializer.SerializeToUtf8Bytes(json, Written));
        }

        foreach (var (name, bytes) in Icons)
        {
            Add(zip, name, bytes);
        }
    }

    /// <summary>Every string value under a node with its path in the manifest's own notation (bots[0].commandLists[1].commands[2].title).</summary>
    public static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    foreach (var s in Strings(child, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var s in Strings(array[i], $"{path}[{i}]"))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }

    private static JsonNode? Fill(JsonNode? node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    obj[name] = Fill(child?.DeepClone(), values);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Fill(array[i]?.DeepClone(), values);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                foreach (var (placeholder, replacement) in values)
                {
                    text = text.Replace(placeholder, replacement, StringComparison.Ordinal);
                }

                return JsonValue.Create(text);
            default:
                return node;
        }
    }

    private static JsonObject ReadJson(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{file}: not a JSON object.");
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }
}
