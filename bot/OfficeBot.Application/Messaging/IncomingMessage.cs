using OfficeBot.Commands;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Messaging;

/// <summary>
/// A chat message as the application sees it: who, in which tenant, what they wrote, whom they mentioned.
/// <see cref="RequestKey"/> identifies the delivery (conversation and activity id), so a message delivered twice
/// registers one matter. <see cref="Remembered"/> is the language the sender last wrote in, if known.
/// </summary>
public sealed record IncomingMessage(
    string TenantId,
    Person Sender,
    string Text,
    IReadOnlyList<MentionRef> Mentions,
    string? Locale,
    string? RequestKey = null,
    Language? Remembered = null);

/// <summary>Turns a mentioned Teams user into a person of the tenant (Entra object id), or null if they are not in the conversation.</summary>
public interface IMemberDirectory
{
    Task<Person?> ResolveAsync(MentionRef mention, CancellationToken cancellationToken);
}
