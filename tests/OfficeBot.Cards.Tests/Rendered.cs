using System.Text.Json.Nodes;
using OfficeBot.Cards.Model;

namespace OfficeBot.Cards.Tests;

/// <summary>What a user would read on a card, taken from its JSON text as Teams receives it.</summary>
internal sealed class Rendered
{
    private Rendered(JsonObject json, IReadOnlyList<string> texts, IReadOnlyList<(string Title, string Value)> facts)
    {
        Json = json;
        Texts = texts;
        Facts = facts;
    }

    public JsonObject Json { get; }

    /// <summary>Every text block and text run, in order.</summary>
    public IReadOnlyList<string> Texts { get; }

    public IReadOnlyList<(string Title, string Value)> Facts { get; }

    /// <summary>Text runs of one rich text block read as one line.</summary>
    public IReadOnlyList<string> Lines { get; private init; } = [];

    public string AllText => string.Join("\n", Texts.Concat(Facts.Select(f => $"{f.Title}: {f.Value}")));

    public static Rendered Of(AdaptiveCard card)
    {
        var json = JsonNode.Parse(card.ToJson())!.AsObject();
        var texts = new List<string>();
        var facts = new List<(string, string)>();
        var lines = new List<string>();
        Walk(json, texts, facts, lines);
        return new Rendered(json, texts, facts) { Lines = lines };
    }

    public string? FactValue(string title) => Facts.FirstOrDefault(f => f.Title == title).Value;

    public JsonObject? BlockWithText(string text) => Blocks(Json).FirstOrDefault(b => b["text"]?.GetValue<string>() == text);

    public static IEnumerable<JsonObject> Blocks(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Blocks(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Blocks(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Walk(JsonNode? node, List<string> texts, List<(string, string)> facts, List<string> lines)
    {
        foreach (var block in Blocks(node))
        {
            var type = block["type"]?.GetValue<string>();
            if (type is "TextBlock" or "TextRun")
            {
                texts.Add(block["text"]!.GetValue<string>());
            }
            else if (type is "RichTextBlock")
            {
                lines.Add(string.Concat(block["inlines"]!.AsArray().Select(i => i!["text"]!.GetValue<string>())));
            }
            else if (type is "FactSet")
            {
                facts.AddRange(block["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())));
            }
        }
    }
}
