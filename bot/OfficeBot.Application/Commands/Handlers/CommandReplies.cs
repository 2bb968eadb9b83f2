using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Commands;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>The answers every handler gives alike: a problem with the right form of the command, and a matter's card.</summary>
public sealed class CommandReplies(MatterCards cards, MatterService matters)
{
    public static Reply Error(Turn turn, string problem, CommandVerb verb) =>
        new(problem, ErrorCard.Build(turn.Language, problem, turn.Say.FormOf(verb), turn.Say.ExampleOf(verb)));

    /// <summary>The matter card for the person who wrote — or, in a shared chat, the neutral card everyone there sees.</summary>
    public Task<Reply> MatterAsync(Matter matter, Turn turn, string? notice, CancellationToken cancellationToken,
        NoticeTone tone = NoticeTone.Attention, string? note = null) =>
        turn.SharedChat
            ? cards.ForSharedChatAsync(matter, turn.Language, notice, cancellationToken, tone, note)
            : cards.ForViewerAsync(matter, turn.Actor, turn.Language, notice, cancellationToken, tone: tone, note: note);

    /// <summary>Applies <paramref name="operation"/> to matter <paramref name="number"/> and answers with its card, or says why not.</summary>
    /// <param name="note">A line under the confirmation when the change went through (a due date on a day off).</param>
    public async Task<Reply> ChangeAsync(Turn turn, int number, CommandVerb verb, Func<Matter, Outcome> operation, string done, CancellationToken cancellationToken,
        string? unchanged = null, string? note = null)
    {
        ChangeResult result;
        try
        {
            result = await matters.ChangeAsync(turn.TenantId, number, turn.Actor, operation, cancellationToken);
        }
        catch (Storage.ConcurrencyException)
        {
            return Error(turn, turn.Say.Busy, verb);
        }

        if (result.Matter is not { } matter)
        {
            return Error(turn, turn.Say.UnknownMatter(number), verb);
        }

        if (result.Outcome.Refusal is { } refusal)
        {
            return Error(turn, turn.Say.Refused(refusal, matter.Status), verb);
        }

        if (!result.Outcome.IsChanged)
        {
            return await MatterAsync(matter, turn, unchanged ?? turn.Say.NothingChanged(number), cancellationToken, NoticeTone.Information);
        }

        var reply = await MatterAsync(matter, turn, done, cancellationToken, NoticeTone.Good, note);
        return reply with { Committed = turn.Say.ChangedButNotShown(number) };
    }
}
