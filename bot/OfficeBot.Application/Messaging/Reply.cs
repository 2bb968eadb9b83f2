using OfficeBot.Cards.Model;

namespace OfficeBot.Application.Messaging;

/// <summary>What the bot answers: a card, with a short text for notifications and screen readers.</summary>
public sealed record Reply(string Summary, AdaptiveCard Card);
