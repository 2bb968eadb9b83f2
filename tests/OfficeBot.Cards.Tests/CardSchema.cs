using System.Text.Json.Nodes;
using Json.Schema;
using OfficeBot.Cards.Model;

namespace OfficeBot.Cards.Tests;

/// <summary>
/// Validates cards against the Adaptive Cards 1.5 schema kept in the repository's schemas/ folder, with Teams' own
/// extensions — the top-level <c>msteams</c> and the people picker's <c>choices.data</c> on an <c>Input.ChoiceSet</c> —
/// removed first and checked apart against the shapes Teams documents.
/// </summary>
public static class CardSchema
{
    public const int MaxCardBytes = 28 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    // JsonSchema.Net 7.4.0 rebuilds its cached constraints when it sees a new options instance, and
    // parallel evaluations of one schema then return random results (json-everything issue #929):
    // a missed error here would let a broken card through. One options instance, one evaluation at a time.
    private static readonly EvaluationOptions Options = new()
    {
        EvaluateAs = SpecVersion.Draft6,
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private static readonly Lock EvaluationLock = new();

    public static string SchemaPath { get; } = FindSchema();

    /// <summary>Every problem with the card; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        var problems = new List<string>();
        if (copy.Remove("msteams", out var teams))
        {
            problems.AddRange(TeamsProblems(teams));
        }

        problems.AddRange(RemovePeoplePickers(copy));

        EvaluationResults results;
        lock (EvaluationLock)
        {
            results = Schema.Value.Evaluate(copy, Options);
        }

        if (!results.IsValid)
        {
            problems.AddRange(Describe(results));
        }

        return problems;
    }

    public static IReadOnlyList<string> Problems(AdaptiveCard card) => Problems(card.ToJsonObject());

    public static void AssertValid(AdaptiveCard card)
    {
        var json = card.ToJson();
        var problems = Problems(card);
        Assert.True(problems.Count == 0, $"Card is not valid:\n{string.Join('\n', problems)}\n{json}");
        Assert.Equal(AdaptiveCard.SchemaVersion, card.ToJsonObject()["version"]?.GetValue<string>());
    }

    private static IEnumerable<string> TeamsProblems(JsonNode? teams)
    {
        if (teams is not JsonObject obj)
        {
            yield return "msteams: must be an object";
            yield break;
        }

        foreach (var (name, value) in obj)
        {
            switch (name)
            {
                case "width":
                    if (value is not JsonValue width || !width.TryGetValue<string>(out var w) || w != "Full")
                    {
                        yield return "msteams.width: must be \"Full\"";
                    }

                    break;
                case "entities":
                    if (value is not JsonArray entities)
                    {
                        yield return "msteams.entities: must be an array";
                        break;
                    }

                    for (var i = 0; i < entities.Count; i++)
                    {
                        foreach (var problem in MentionProblems(entities[i]))
                        {
                            yield return $"msteams.entities[{i}]: {problem}";
                        }
                    }

                    break;
                default:
                    yield return $"msteams.{name}: unknown property";
                    break;
            }
        }
    }

    /// <summary>Datasets Teams' people picker knows: the whole organisation, or the chat or channel the card is in.</summary>
    public static readonly IReadOnlySet<string> PeopleDatasets = new HashSet<string>(StringComparer.Ordinal)
    {
        "graph.microsoft.com/users",
        "graph.microsoft.com/users?scope=currentContext",
    };

    /// <summary>
    /// Removes every <c>choices.data</c> (wherever it sits: body, containers, show-card forms) and returns what is wrong
    /// with each: only an <c>Input.ChoiceSet</c> may carry it, and only as <c>{"type":"Data.Query","dataset":…}</c>.
    /// </summary>
    private static List<string> RemovePeoplePickers(JsonNode? node, string path = "")
    {
        var problems = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                if (obj.Remove("choices.data", out var data))
                {
                    if (!IsString(obj["type"], out var type) || type != "Input.ChoiceSet")
                    {
                        problems.Add($"{path}/choices.data: only an Input.ChoiceSet may have it");
                    }

                    problems.AddRange(DataQueryProblems(data).Select(p => $"{path}/choices.data: {p}"));
                }

                foreach (var (name, child) in obj.ToList())
                {
                    problems.AddRange(RemovePeoplePickers(child, $"{path}/{name}"));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    problems.AddRange(RemovePeoplePickers(array[i], $"{path}/{i}"));
                }

                break;
        }

        return problems;
    }

    private static IEnumerable<string> DataQueryProblems(JsonNode? data)
    {
        if (data is not JsonObject query)
        {
            yield return "must be an object";
            yield break;
        }

        if (!IsString(query["type"], out var type) || type != "Data.Query")
        {
            yield return "type must be \"Data.Query\"";
        }

        if (!IsString(query["dataset"], out var dataset) || !PeopleDatasets.Contains(dataset!))
        {
            yield return $"dataset must be one of {string.Join(", ", PeopleDatasets)}";
        }

        foreach (var (property, _) in query)
        {
            if (property is not ("type" or "dataset"))
            {
                yield return $"{property}: unknown property";
            }
        }
    }

    private static IEnumerable<string> MentionProblems(JsonNode? entity)
    {
        if (entity is not JsonObject mention)
        {
            yield return "must be an object";
            yield break;
        }

        if (!IsString(mention["type"], out var type) || type != "mention")
        {
            yield return "type must be \"mention\"";
        }

        if (!IsString(mention["text"], out var text) || string.IsNullOrEmpty(text))
        {
            yield return "text must be a non-empty string";
        }

        if (mention["mentioned"] is not JsonObject mentioned
            || !IsString(mentioned["id"], out var id) || string.IsNullOrEmpty(id)
            || !IsString(mentioned["name"], out var name) || string.IsNullOrEmpty(name))
        {
            yield return "mentioned must have a non-empty id and name";
        }

        foreach (var (property, _) in mention)
        {
            if (property is not ("type" or "text" or "mentioned"))
            {
                yield return $"{property}: unknown property";
            }
        }
    }

    private static bool IsString(JsonNode? node, out string? value)
    {
        value = null;
        return node is JsonValue v && v.TryGetValue(out value);
    }

    // The schema picks an element's definition through anyOf, so one mistake is reported once per
    // candidate type; the distinct instance locations and messages are what a reader needs.
    private static IEnumerable<string> Describe(EvaluationResults results)
    {
        var lines = (results.Details.Count > 0 ? results.Details : [results])
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
        return lines.Count > 0 ? lines : ["the card does not match the schema"];
    }

    private static JsonSchema Load() => JsonSchema.FromText(File.ReadAllText(SchemaPath));

    // Kept in the repository (schemas/README.md says where it comes from) and copied beside the test binaries by the
    // project file, so a clone with nothing beside it passes.
    private static string FindSchema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", "adaptive-card-1.5.json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The Adaptive Cards schema was not copied beside the tests: {path}. Restore schemas/adaptive-card-1.5.json at the repository root (see schemas/README.md).");
    }
}
