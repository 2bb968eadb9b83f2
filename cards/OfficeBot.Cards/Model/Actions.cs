using System.Text.Json.Serialization;

namespace OfficeBot.Cards.Model;

/// <summary>A card action; serialised with its Adaptive Cards <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
public abstract class CardAction
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public ActionStyle? Style { get; init; }

    public string? Tooltip { get; init; }

    /// <summary>Null means enabled (the default).</summary>
    public bool? IsEnabled { get; init; }

    public ActionMode? Mode { get; init; }

    public string? IconUrl { get; init; }
}

/// <summary>Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/>, <see cref="Data"/> and the inputs.</summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }

    /// <summary>An object (serialised with the card's options, so camelCase) merged with the inputs.</summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed class ShowCardAction : CardAction
{
    /// <summary>Create it with <see cref="AdaptiveCard.Nested"/>.</summary>
    public required AdaptiveCard Card { get; init; }
}

public sealed class ToggleVisibilityAction : CardAction
{
    /// <summary>Ids of the elements whose visibility flips.</summary>
    public required List<string> TargetElements { get; init; }
}

public sealed class OpenUrlAction : CardAction
{
    public required string Url { get; init; }
}

/// <summary>
/// Used only for Teams' <c>messageBack</c>: pressing it sends <see cref="TeamsMessageBack.Text"/> to the bot as if typed,
/// and leaves the card as it is (an <c>Action.Execute</c> answer would replace the card it was pressed on).
/// </summary>
public sealed class SubmitAction : CardAction
{
    public required SubmitData Data { get; init; }

    public static SubmitAction MessageBack(string title, string text) =>
        new() { Title = title, Data = new SubmitData(new TeamsMessageBack("messageBack", text, text)) };
}

public sealed record SubmitData([property: JsonPropertyName("msteams")] TeamsMessageBack MsTeams);

/// <param name="Type">Always <c>messageBack</c>.</param>
/// <param name="Text">What the bot receives, as if the person had typed it.</param>
/// <param name="DisplayText">What the chat shows as the person's message.</param>
public sealed record TeamsMessageBack(string Type, string Text, string DisplayText);
