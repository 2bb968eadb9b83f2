using OfficeBot.Cards.Model;

namespace OfficeBot.Application.Messaging;

/// <summary>What the bot answers: a card, with a short text for notifications and screen readers; a matter card names its matter so it can be updated later.</summary>
public sealed record Reply(string Summary, AdaptiveCard Card, int? MatterNumber = null);
