using OfficeBot.Cards.Model;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Messaging;

/// <summary>
/// What the bot answers: a card, with a short text for notifications and screen readers; a matter card names its
/// matter so it can be updated later. <see cref="Committed"/> is set when the request changed something: it is what
/// the person is told if the card itself cannot be shown ("registered #12, but …"), never a false "nothing changed".
/// </summary>
public sealed record Reply(string Summary, AdaptiveCard Card, int? MatterNumber = null)
{
    public string? Committed { get; init; }

    /// <summary>The meeting request the card is of (M3), so it can be updated in place when the meeting changes.</summary>
    public int? MeetingNumber { get; init; }

    /// <summary>The revision of the matter the card was drawn from (0: not drawn from a matter); a card never needs updating to the state it already shows.</summary>
    public int Revision { get; init; }

    /// <summary>The language the answer is in, when the answer chose it from what the person wrote (to remember it for them).</summary>
    public Language? Language { get; init; }
}
