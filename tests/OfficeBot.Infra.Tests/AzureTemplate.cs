using System.Text.Json.Nodes;
using OfficeBot.Testing;

namespace OfficeBot.Infra.Tests;

/// <summary>
/// infra/azure copied to a temporary folder (the CLI writes its outputs next to its inputs), compiled once to ARM JSON,
/// and each parameters file evaluated once into the resources a deployment would create (<c>bicep snapshot</c>).
/// </summary>
public sealed class AzureTemplate : IAsyncLifetime
{
    public const string TenantId = "11111111-1111-1111-1111-111111111111";
    public static readonly string[] ParameterFiles = ["main.small.bicepparam", "main.scaleout.bicepparam"];

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"officebot-bicep-{Guid.NewGuid():N}");

    /// <summary>The compiled template as text, modules included.</summary>
    public string Text { get; private set; } = "";

    public JsonObject Json { get; private set; } = new();

    /// <summary>Per parameters file: the resources it deploys, with its parameter values filled in.</summary>
    public Dictionary<string, JsonArray> Predicted { get; } = [];

    public async Task InitializeAsync()
    {
        CopyFolder(System.IO.Path.Combine(RepositoryRoot.Find(), "infra", "azure"), Folder);

        var build = await BicepCli.RunAsync(Folder, "build", "main.bicep", "--no-restore", "--outfile", "main.json");
        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.All}");
        Text = await File.ReadAllTextAsync(System.IO.Path.Combine(Folder, "main.json"));
        Json = JsonNode.Parse(Text)!.AsObject();

        foreach (var file in ParameterFiles)
        {
            var snapshot = await BicepCli.RunAsync(Folder, "snapshot", file,
                "--subscription-id", "22222222-2222-2222-2222-222222222222", "--resource-group", "rg-officebot",
                "--location", "eastasia", "--tenant-id", TenantId);
            Assert.True(snapshot.ExitCode == 0, $"bicep snapshot {file} failed:\n{snapshot.All}");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(System.IO.Path.Combine(Folder, System.IO.Path.ChangeExtension(file, ".snapshot.json"))))!;
            Predicted[file] = json["predictedResources"]!.AsArray();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every resource of the given type in the compiled template, nested module templates included.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. Walk(Json).Where(o => o["apiVersion"] is not null && string.Equals((string?)o["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one resource of the given type in the compiled template.</summary>
    public JsonObject Resource(string type)
    {
        var found = Resources(type);
        Assert.True(found.Count == 1, $"Expected one {type} in the template, found {found.Count}.");
        return found[0];
    }

    public JsonObject PredictedResource(string parameterFile, string type)
    {
        var found = Predicted[parameterFile].OfType<JsonObject>().Where(o => (string?)o["type"] == type).ToList();
        Assert.True(found.Count == 1, $"Expected one {type} deployed by {parameterFile}, found {found.Count}.");
        return found[0];
    }

    /// <summary>The Web App's application settings as a deployment with this parameters file sets them.</summary>
    public Dictionary<string, string> AppSettings(string parameterFile) =>
        PredictedResource(parameterFile, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    public static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzureTemplateCollection : ICollectionFixture<AzureTemplate>
{
    public const string Name = "Azure template";
}
