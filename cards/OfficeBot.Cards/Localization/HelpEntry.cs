namespace OfficeBot.Cards.Localization;

/// <summary>One command on the help card: its form, what it does, and an example (null when the form is the example).</summary>
public sealed record HelpEntry(string Form, string Meaning, string? Example = null);
