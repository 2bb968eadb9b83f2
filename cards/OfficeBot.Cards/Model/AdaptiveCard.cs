using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OfficeBot.Cards.Model;

/// <summary>An Adaptive Card (schema 1.5). Build it from typed values and send <see cref="ToJsonElement"/> as the attachment content.</summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    /// <summary>Required on a top-level card; leave it null on a card inside <see cref="ShowCardAction"/>.</summary>
    [JsonPropertyOrder(-1)]
    public string? Version { get; init; } = SchemaVersion;

    public CardRefresh? Refresh { get => _refresh; set { _refresh = value; _measured = null; } }

    public List<CardElement> Body { get; init; } = [];

    public List<CardAction>? Actions { get => _actions; set { _actions = value; _measured = null; } }

    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    public string? Lang { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Teams' extension (full width, mentions); not part of the Adaptive Cards schema, only valid on a top-level card.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get => _msTeams; set { _msTeams = value; _measured = null; } }

    /// <summary>A card to nest in <see cref="ShowCardAction"/>: no version, no Teams extension.</summary>
    public static AdaptiveCard Nested() => new() { Version = null };

    private CardRefresh? _refresh;
    private List<CardAction>? _actions;
    private TeamsCardProperties? _msTeams;

    // The JSON written by the last size check (CardLimits.Fit measures every card it returns), and the lengths of the
    // top-level lists then: a card is sent right after it is measured, so it need not be serialised a second time.
    private string? _measured;
    private int _measuredBody;
    private int _measuredActions;

    /// <summary>The card as JSON; the one written by the last <see cref="Utf8Size"/> when the card has not changed since.</summary>
    public string ToJson() =>
        _measured is { } json && _measuredBody == Body.Count && _measuredActions == (_actions?.Count ?? -1)
            ? json
            : JsonSerializer.Serialize(this, CardJson.Options);

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJson.Options);

    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();

    /// <summary>
    /// Size of the card as Teams receives it (UTF-8 bytes of the JSON). The JSON is kept for <see cref="ToJson"/>: a
    /// card is measured once (<c>CardLimits.Fit</c>) and then sent, and serialising it was ~4 % of a 'new' turn's CPU.
    /// The cards are built and then only read; a change through a top-level setter, or to the length of the body or the
    /// actions, drops the kept JSON, and a card changed deeper after it was measured must be measured again.
    /// </summary>
    public int Utf8Size()
    {
        _measured = null;
        var json = JsonSerializer.Serialize(this, CardJson.Options);
        _measuredBody = Body.Count;
        _measuredActions = _actions?.Count ?? -1;
        _measured = json;
        return Encoding.UTF8.GetByteCount(json);
    }
}

/// <summary>Lets Teams fetch each listed user's own view of the card (Universal Actions).</summary>
public sealed class CardRefresh
{
    [JsonIgnore]
    public required ExecuteAction Action { get; init; }

    // Serialised through the base type so the action carries its "type": Teams needs it.
    [JsonPropertyName("action")]
    [JsonInclude]
    private CardAction TypedAction => Action;

    /// <summary>At most 60 users (Teams' limit).</summary>
    public List<string>? UserIds { get; init; }
}

/// <summary>The <c>msteams</c> card property.</summary>
public sealed class TeamsCardProperties
{
    public const string FullWidth = "Full";

    public string? Width { get; init; }

    public List<TeamsMention>? Entities { get; init; }
}

/// <summary>A mention of a person; <see cref="Text"/> (<c>&lt;at&gt;Name&lt;/at&gt;</c>) must appear verbatim in a text block of the card.</summary>
public sealed class TeamsMention
{
    [JsonPropertyOrder(-1)]
    public string Type => "mention";

    public required string Text { get; init; }

    public required MentionedPerson Mentioned { get; init; }

    public static TeamsMention For(string id, string name) =>
        new() { Text = $"<at>{name}</at>", Mentioned = new MentionedPerson { Id = id, Name = name } };
}

/// <summary>The mentioned person: a Teams user id (29:…) or an Entra object id, and the display name.</summary>
public sealed class MentionedPerson
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}
