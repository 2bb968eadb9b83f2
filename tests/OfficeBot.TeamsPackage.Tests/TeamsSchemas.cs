using System.Text.Json.Nodes;
using Json.Schema;

namespace OfficeBot.TeamsPackage.Tests;

/// <summary>
/// The Teams manifest 1.25 and localisation schemas kept in schemas/teams. They declare draft-04, which the validator
/// does not know; they use no keyword whose meaning changed since, so they are evaluated as draft-06 with their
/// <c>$schema</c> set aside (schemas/teams/README.md).
/// </summary>
public static class TeamsSchemas
{
    private static readonly Lazy<JsonSchema> Manifest = new(() => Load("MicrosoftTeams.schema.v1.25.json"));
    private static readonly Lazy<JsonSchema> Localization = new(() => Load("MicrosoftTeams.Localization.schema.json"));

    // As in Cards.Tests/CardSchema.cs: JsonSchema.Net 7.4.0 gives random results to parallel evaluations of one schema.
    private static readonly EvaluationOptions Options = new()
    {
        EvaluateAs = SpecVersion.Draft6,
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private static readonly Lock EvaluationLock = new();

    public static IReadOnlyList<string> ManifestProblems(JsonObject manifest) => Problems(Manifest.Value, manifest);

    public static IReadOnlyList<string> LocalizationProblems(JsonObject localization) => Problems(Localization.Value, localization);

    private static IReadOnlyList<string> Problems(JsonSchema schema, JsonObject instance)
    {
        EvaluationResults results;
        lock (EvaluationLock)
        {
            results = schema.Evaluate(instance, Options);
        }

        if (results.IsValid)
        {
            return [];
        }

        var lines = (results.Details.Count > 0 ? results.Details : [results])
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
        return lines.Count > 0 ? lines : ["does not match the schema"];
    }

    private static JsonSchema Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", "teams", file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Teams schema was not copied beside the tests: {path}. Restore schemas/teams/{file} (see schemas/teams/README.md).");
        }

        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schema.Remove("$schema");
        return JsonSchema.FromText(schema.ToJsonString());
    }
}
