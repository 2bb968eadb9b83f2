namespace OfficeBot.Commands;

/// <summary>One mention entity of the activity: <c>mentioned.id</c> and <c>mentioned.name</c>.</summary>
public sealed record MentionRef(string TeamsUserId, string DisplayName);

/// <summary>
/// The text of a message and its mention entities in activity order. Each <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text
/// is matched, in order, to the next unused entity with that name; people are never taken from plain text.
/// </summary>
public sealed record ParseInput(
    string Text,
    IReadOnlyList<MentionRef> Mentions,
    DateTimeOffset Now,
    TimeZoneInfo OfficeZone);
