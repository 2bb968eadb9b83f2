namespace OfficeBot.Cards.Model;

public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

public enum FontSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

public enum FontWeight
{
    Default,
    Lighter,
    Bolder,
}

public enum FontType
{
    Default,
    Monospace,
}

public enum TextBlockStyle
{
    Default,
    Heading,
}

public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

public enum ActionMode
{
    Primary,
    Secondary,
}

public enum AssociatedInputs
{
    Auto,
    None,
}

public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
}

public enum BlockElementHeight
{
    Auto,
    Stretch,
}
