using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Messaging;

/// <summary>
/// A chat message as the application sees it: who, in which tenant, what they wrote, whom they mentioned.
/// <see cref="RequestKey"/> identifies the delivery (conversation and activity id), so a message delivered twice
/// registers one matter. <see cref="Remembered"/> is the language the sender last wrote in, if known.
/// <see cref="SharedChat"/>: written in a group chat or channel, where a card is seen by everyone.
/// </summary>
public sealed record IncomingMessage(
    string TenantId,
    Person Sender,
    string Text,
    IReadOnlyList<MentionRef> Mentions,
    string? Locale,
    string? RequestKey = null,
    Language? Remembered = null)
{
    public bool SharedChat { get; init; }
}

/// <summary>A person found in the conversation's roster, with their Teams user id (<c>29:…</c>) when the roster gives it.</summary>
public sealed record ConversationMember(Person Person, string? TeamsUserId);

/// <summary>Turns a mentioned Teams user into a person of the tenant (Entra object id), or null if they are not in the conversation.</summary>
public interface IMemberDirectory
{
    Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken);

    /// <summary>
    /// The member of the conversation with this Entra object id (what Teams' people picker posts back), or null if they
    /// are not in it. A directory that cannot look people up by object id finds no one.
    /// </summary>
    Task<ConversationMember?> FindAsync(string objectId, CancellationToken cancellationToken) => Task.FromResult<ConversationMember?>(null);
}
