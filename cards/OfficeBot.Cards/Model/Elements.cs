using System.Text.Json.Serialization;

namespace OfficeBot.Cards.Model;

/// <summary>An element of a card body; serialised with its Adaptive Cards <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract class CardElement
{
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool Separator { get; init; }

    /// <summary>Null means visible (the default); false hides the element until toggled.</summary>
    public bool? IsVisible { get; init; }

    public BlockElementHeight? Height { get; init; }
}

public sealed class TextBlock : CardElement
{
    public TextBlock()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public TextBlock(string text) => Text = text;

    public required string Text { get; init; }

    public bool Wrap { get; init; }

    public TextColor? Color { get; init; }

    public FontSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public FontType? FontType { get; init; }

    public bool IsSubtle { get; init; }

    public int MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    public TextBlockStyle? Style { get; init; }
}

public sealed class RichTextBlock : CardElement
{
    public List<TextRun> Inlines { get; init; } = [];

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed class TextRun
{
    public TextRun()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public TextRun(string text) => Text = text;

    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public required string Text { get; init; }

    public TextColor? Color { get; init; }

    public FontSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public FontType? FontType { get; init; }

    public bool IsSubtle { get; init; }

    public bool Italic { get; init; }

    public bool Strikethrough { get; init; }

    public bool Highlight { get; init; }

    public bool Underline { get; init; }
}

public sealed class FactSet : CardElement
{
    public List<Fact> Facts { get; init; } = [];
}

public sealed class Fact
{
    public Fact()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public Fact(string title, string value)
    {
        Title = title;
        Value = value;
    }

    public required string Title { get; init; }

    public required string Value { get; init; }
}

public sealed class ColumnSet : CardElement
{
    public List<Column> Columns { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public bool Bleed { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed class Column
{
    public const string Auto = "auto";
    public const string Stretch = "stretch";

    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; init; }

    /// <summary><c>auto</c>, <c>stretch</c>, a weight such as <c>"2"</c>, or pixels such as <c>"60px"</c>.</summary>
    public string? Width { get; init; }

    public List<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public Spacing? Spacing { get; init; }

    public bool Separator { get; init; }

    public bool? IsVisible { get; init; }
}

public sealed class Container : CardElement
{
    public List<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public bool Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public sealed class Table : CardElement
{
    public List<TableColumnDefinition> Columns { get; init; } = [];

    public List<TableRow> Rows { get; init; } = [];

    /// <summary>Null means true (the schema's default).</summary>
    public bool? FirstRowAsHeader { get; init; }

    /// <summary>Null means true (the schema's default).</summary>
    public bool? ShowGridLines { get; init; }

    public ContainerStyle? GridStyle { get; init; }
}

public sealed class TableColumnDefinition
{
    /// <summary>Relative weight of the column.</summary>
    public int Width { get; init; } = 1;
}

public sealed class TableRow
{
    public List<TableCell> Cells { get; init; } = [];

    public ContainerStyle? Style { get; init; }
}

public sealed class TableCell
{
    public List<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public sealed class ActionSet : CardElement
{
    public List<CardAction> Actions { get; init; } = [];
}
