using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.FollowUp;

/// <summary>
/// What follows a change, after the person who made it has their answer: every card of the matter already in a chat is
/// updated in place (so none of them lies), and the people the change concerns are told, each in their own language and
/// with the card of their own role.
/// </summary>
public sealed partial class MatterFollowUp(
    IMessenger messenger,
    SentCardStore sentCards,
    PeopleStore people,
    MatterService matters,
    MatterPresenter presenter,
    CardContexts contexts,
    RoleDirectory roles,
    IOptionsMonitor<OfficeOptions> office,
    ILogger<MatterFollowUp> logger)
{
    private enum Notice
    {
        Assigned,
        CoHandling,
        Instruction,
        Review,
        Decision,
        Urge,
        Update,
    }

    public async Task RunAsync(Matter matter, IReadOnlyList<HistoryEntry> appended, Actor actor, CancellationToken cancellationToken)
    {
        var history = await matters.RecentHistoryAsync(matter, MatterPresenter.HistoryLinesOnCard, cancellationToken);
        await UpdateSentCardsAsync(matter, history, cancellationToken);

        foreach (var (recipient, notice, entry) in Recipients(matter, appended, actor))
        {
            await NotifyAsync(matter, history, recipient, notice, entry, cancellationToken);
        }
    }

    private async Task UpdateSentCardsAsync(Matter matter, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        foreach (var sent in await sentCards.ForMatterAsync(matter.State.TenantId, matter.Number, cancellationToken))
        {
            var language = Languages.FromLocale(sent.Locale, Languages.FromLocale(office.CurrentValue.DefaultLocale));
            var view = presenter.View(matter, history, language);
            var context = sent.ViewerObjectId is { } viewerId
                ? await contexts.ForAsync(matter, roles.ActorFor(new Person(viewerId, viewerId)), null, cancellationToken)
                : contexts.Neutral(matter);
            var reply = new Reply($"#{matter.Number} {matter.State.Title}", MatterCard.Build(view, language, context), matter.Number);
            if (!await messenger.UpdateAsync(sent, reply, cancellationToken))
            {
                LogStaleCardGone(sent.TenantId, sent.MatterNumber, sent.ActivityId);
                await sentCards.ForgetAsync(sent, cancellationToken);
            }
        }
    }

    private async Task NotifyAsync(Matter matter, IReadOnlyList<HistoryEntry> history, Person recipient, Notice notice, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var known = await people.FindAsync(matter.State.TenantId, recipient.ObjectId, cancellationToken);
        var language = Languages.FromLocale(known?.Locale, Languages.FromLocale(office.CurrentValue.DefaultLocale));
        var say = new Messages(language);
        var viewer = roles.ActorFor(known?.Person ?? recipient);
        var view = presenter.View(matter, history, language);
        var title = matter.State.Title;
        string NameOf(string id) => matter.People().FirstOrDefault(p => p.Is(id))?.DisplayName ?? id;

        var context = await contexts.ForAsync(matter, viewer, notice is Notice.Decision or Notice.Update ? $"{entry.Actor.DisplayName}: {say.History(entry, NameOf)}" : null, cancellationToken);
        var reply = notice switch
        {
            Notice.Assigned => new Reply(say.AssignedToYou(matter.Number, title), MatterCard.Build(view, language, context), matter.Number),
            Notice.CoHandling => new Reply(say.CoHandlingAsked(matter.Number, title), CoHandlingRequestCard.Build(view, language, context, matter.State.Instruction), matter.Number),
            Notice.Instruction => new Reply(say.InstructionNeeded(matter.Number, title), InstructionCard.Build(view, language, context), matter.Number),
            Notice.Review => new Reply(say.ReviewNeeded(matter.Number, title, matter.State.Pending?.Kind ?? RequestKind.Completion), ApprovalCard.Build(view, language, context), matter.Number),
            Notice.Urge => new Reply(say.UrgedBy(matter.Number, title, entry.Actor.DisplayName),
                UrgeCard.Build(view, language, context, new PersonView(entry.Actor.ObjectId, entry.Actor.DisplayName), entry.Note), matter.Number),
            _ => new Reply(say.Decided(matter.Number, title, $"{entry.Actor.DisplayName} {say.History(entry, NameOf)}"), MatterCard.Build(view, language, context), matter.Number),
        };

        var sent = await messenger.SendToPersonAsync(matter.State.TenantId, recipient.ObjectId, reply, cancellationToken);
        if (sent is null)
        {
            LogUnreachable(matter.State.TenantId, matter.Number, recipient.ObjectId);
            return;
        }

        await sentCards.RecordAsync(sent with { ViewerObjectId = recipient.ObjectId, Locale = known?.Locale }, cancellationToken);
    }

    /// <summary>Who hears of which change; the person who made it is never told of their own act.</summary>
    private IEnumerable<(Person Recipient, Notice Notice, HistoryEntry Entry)> Recipients(Matter matter, IReadOnlyList<HistoryEntry> appended, Actor actor)
    {
        var state = matter.State;
        var directors = office.CurrentValue.Directors.Select(id => new Person(id, id)).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { actor.Person.ObjectId };
        var list = new List<(Person, Notice, HistoryEntry)>();

        void Add(Person? person, Notice notice, HistoryEntry entry)
        {
            if (person is not null && seen.Add(person.ObjectId))
            {
                list.Add((person, notice, entry));
            }
        }

        Person? ById(string? id) => id is null ? null : matter.People().FirstOrDefault(p => p.Is(id)) ?? (state.Lead is { } l && l.Is(id) ? l : new Person(id, id));

        foreach (var entry in appended)
        {
            switch (entry.Kind)
            {
                case HistoryKind.Registered:
                    if (state.Status == MatterStatus.Registered)
                    {
                        directors.ForEach(d => Add(d, Notice.Instruction, entry));
                    }
                    else
                    {
                        Add(state.Lead, Notice.Assigned, entry);
                    }

                    state.CoHandlers.ToList().ForEach(c => Add(c.Person, Notice.CoHandling, entry));
                    break;
                case HistoryKind.Instructed when entry.Field == "lead":
                    Add(ById(entry.NewValue), Notice.Assigned, entry);
                    break;
                case HistoryKind.Instructed when entry.Field == "coHandlers":
                    var before = (entry.OldValue ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
                    state.CoHandlers.Where(c => !before.Contains(c.Person.ObjectId, StringComparer.OrdinalIgnoreCase)).ToList()
                        .ForEach(c => Add(c.Person, Notice.CoHandling, entry));
                    break;
                case HistoryKind.Instructed when entry.Field == "status":
                    Add(state.Lead, Notice.Assigned, entry);
                    state.CoHandlers.ToList().ForEach(c => Add(c.Person, Notice.CoHandling, entry));
                    break;
                case HistoryKind.CompletionAsked or HistoryKind.ExtensionAsked or HistoryKind.TransferAsked:
                    directors.ForEach(d => Add(d, Notice.Review, entry));
                    break;
                case HistoryKind.CompletionApproved or HistoryKind.CompletionRejected or HistoryKind.ExtensionApproved
                    or HistoryKind.ExtensionRejected or HistoryKind.TransferRejected or HistoryKind.Extended or HistoryKind.Cancelled:
                    Add(state.Lead, Notice.Decision, entry);
                    if (entry.Kind == HistoryKind.Cancelled)
                    {
                        state.CoHandlers.ToList().ForEach(c => Add(c.Person, Notice.Decision, entry));
                    }

                    break;
                case HistoryKind.TransferApproved or HistoryKind.Transferred:
                    Add(ById(entry.OldValue), Notice.Decision, entry);
                    Add(state.Lead, Notice.Assigned, entry);
                    break;
                case HistoryKind.Urged:
                    Add(state.Lead, Notice.Urge, entry);
                    state.CoHandlers.Where(c => c.State is not (CoHandlingState.Done or CoHandlingState.Declined)).ToList()
                        .ForEach(c => Add(c.Person, Notice.Urge, entry));
                    break;
                case HistoryKind.CoHandlingAccepted or HistoryKind.CoHandlingDeclined or HistoryKind.OpinionGiven or HistoryKind.PartDone:
                    Add(state.Lead, Notice.Update, entry);
                    break;
            }
        }

        return list;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach {ObjectId} about {TenantId}#{MatterNumber}: no conversation reference (bot not installed for them)")]
    private partial void LogUnreachable(string tenantId, int matterNumber, string objectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {ActivityId} of {TenantId}#{MatterNumber} can no longer be updated; forgotten")]
    private partial void LogStaleCardGone(string tenantId, int matterNumber, string activityId);
}
