using System.Text.Json.Serialization;

namespace OfficeBot.Cards.Model;

/// <summary>An input; its <see cref="Id"/> is the key its value is sent under.</summary>
public abstract class CardInput : CardElement
{
    public new required string Id
    {
        get => base.Id!;
        init => base.Id = value;
    }

    public string? Label { get; init; }

    public bool IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed class TextInput : CardInput
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool IsMultiline { get; init; }

    public int MaxLength { get; init; }

    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}

/// <summary>Dates are <c>yyyy-MM-dd</c>.</summary>
public sealed class DateInput : CardInput
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    public string? Placeholder { get; init; }
}

/// <summary>Times are <c>HH:mm</c>.</summary>
public sealed class TimeInput : CardInput
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    public string? Placeholder { get; init; }
}

public sealed class ChoiceSetInput : CardInput
{
    public List<Choice> Choices { get; init; } = [];

    public bool IsMultiSelect { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    /// <summary>Selected value(s); several are comma-separated.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool Wrap { get; init; }

    /// <summary>
    /// Teams' people picker: Teams searches <see cref="DataQuery.Dataset"/> as the person types and posts back Entra
    /// object ids (comma-separated when multi-select). A Teams extension beyond Adaptive Cards 1.5; clients without the
    /// picker show <see cref="Choices"/>, which Teams also shows as the initial values.
    /// </summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

/// <summary>Where Teams' people picker looks people up.</summary>
public sealed class DataQuery
{
    /// <summary>Everyone in the organisation's directory.</summary>
    public const string OrganisationUsers = "graph.microsoft.com/users";

    /// <summary>Only the members of the chat or channel the card is in.</summary>
    public const string ConversationUsers = "graph.microsoft.com/users?scope=currentContext";

    public string Type => "Data.Query";

    public required string Dataset { get; init; }
}

public sealed class Choice
{
    public Choice()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public Choice(string title, string value)
    {
        Title = title;
        Value = value;
    }

    public required string Title { get; init; }

    public required string Value { get; init; }
}

public sealed class ToggleInput : CardInput
{
    public required string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool Wrap { get; init; }
}
