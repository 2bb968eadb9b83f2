using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Domain.Reminders;

namespace OfficeBot.Application.FollowUp;

/// <summary>
/// What follows a change, carried out from the outbox after the person who made it has their answer: every card of the
/// matter already in a chat is updated in place (so none of them lies), and the people the change concerns are told,
/// each in their own language and with the card of their own role. Each update and each notice is one step of the
/// outbox item, so a retry or a crash repeats none that was delivered.
/// </summary>
public sealed partial class MatterFollowUp(
    IMessenger messenger,
    SentCardStore sentCards,
    PersonalDelivery delivery,
    MatterRepository repository,
    MatterService matters,
    MatterPresenter presenter,
    CardContexts contexts,
    RoleDirectory roles,
    OfficeTime time,
    IOptionsMonitor<OfficeOptions> office,
    Departments departments,
    Reminders.ReminderDigests digests,
    ILogger<MatterFollowUp> logger) : IOutboxHandler
{
    private enum Notice
    {
        Assigned,
        CoHandling,
        Instruction,
        Review,
        Decision,
        Urge,
        Reminder,
        Update,
    }

    public string Kind => OutboxKinds.MatterChange;

    /// <summary>The outbox item that a change of <paramref name="matter"/> writes in its own batch.</summary>
    /// <param name="matter">The matter as changed.</param>
    /// <param name="appended">The history lines the change appended.</param>
    /// <param name="actor">Who changed it.</param>
    /// <param name="now">When.</param>
    /// <param name="answeredCard">The card the actor pressed and that the answer to the press already redrew (<c>conversation|activity</c>).</param>
    public static OutboxItem ItemFor(Matter matter, IReadOnlyList<HistoryEntry> appended, Actor actor, DateTimeOffset now, string? answeredCard = null) => new()
    {
        Id = OutboxKeys.MatterChangeId(matter.Number, matter.State.Revision),
        Kind = OutboxKinds.MatterChange,
        TenantId = matter.State.TenantId,
        MatterNumber = matter.Number,
        Sequences = appended.Select(e => e.Sequence).ToList(),
        ActorObjectId = actor.Person.ObjectId,
        AnsweredCard = answeredCard,
        CreatedAt = now,
        DueAt = now,
    };

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var loaded = await repository.GetAsync(item.TenantId, item.MatterNumber, cancellationToken);
        if (loaded is null)
        {
            return;
        }

        if (item.RepairIndex)
        {
            await progress.StepAsync("index", token => repository.RepairIndexAsync(loaded, item.StaleIndexKeys, token), cancellationToken);
        }

        var matter = loaded.Matter;
        var appended = item.Sequences.Count == 0
            ? []
            : (await repository.GetHistoryAsync(item.TenantId, item.MatterNumber, item.Sequences.Min(), cancellationToken))
                .Where(e => item.Sequences.Contains(e.Sequence)).ToList();
        var history = await matters.RecentHistoryAsync(matter, MatterPresenter.HistoryLinesOnCard, cancellationToken);

        // An automatic reminder changes nothing anyone acts on (a press on an older card is still good): the reminder
        // itself is the fresh view, and redrawing every older card for it would spend half of Teams' per-tenant rate
        // on a morning of reminders.
        var reminderOnly = appended.Count > 0 && appended.All(e => e.Kind == HistoryKind.Reminded);
        foreach (var sent in reminderOnly ? [] : await sentCards.ForMatterAsync(matter.State.TenantId, matter.Number, cancellationToken))
        {
            // A card drawn from this state already (the reply to the command that made the change) is left alone.
            if (item.AnswerRedrew(sent) || sent.Revision >= matter.State.Revision)
            {
                continue;
            }

            await progress.StepAsync($"u|{sent.ConversationId}|{sent.ActivityId}", token => UpdateSentCardAsync(matter, history, sent, token), cancellationToken);
        }

        foreach (var (recipient, notice, entry) in Recipients(matter, appended, item.ActorObjectId ?? string.Empty))
        {
            // An automatic reminder joins the person's digest: several due together go out as one message.
            await progress.StepAsync($"n|{recipient.ObjectId}|{notice}", token => notice == Notice.Reminder
                ? digests.QueueAsync(matter.State.TenantId, recipient.ObjectId, new ReminderRef(matter.Number, entry.Sequence), token)
                : NotifyAsync(matter, history, recipient, notice, entry, token), cancellationToken);
        }
    }

    /// <summary>Sends one automatic reminder on its own: the 催辦 card of the matter, marked automatic with the rule that fired (<paramref name="reminded"/>).</summary>
    public async Task RemindAsync(Matter matter, HistoryEntry reminded, Person recipient, CancellationToken cancellationToken)
    {
        var history = await matters.RecentHistoryAsync(matter, MatterPresenter.HistoryLinesOnCard, cancellationToken);
        await NotifyAsync(matter, history, recipient, Notice.Reminder, reminded, cancellationToken);
    }


    private async Task UpdateSentCardAsync(Matter matter, IReadOnlyList<HistoryEntry> history, SentCard sent, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(sent.Locale, Languages.FromLocale(office.CurrentValue.DefaultLocale));
        var view = presenter.View(matter, history, language);
        var context = sent.ViewerObjectId is { } viewerId
            ? await contexts.ForAsync(matter, roles.ActorFor(new Person(viewerId, viewerId)), null, cancellationToken)
            : await contexts.NeutralAsync(matter, cancellationToken);
        var reply = new Reply($"#{matter.Number} {matter.State.Title}", MatterCard.Build(view, language, context), matter.Number);
        if (await messenger.UpdateAsync(sent, reply, cancellationToken) != Delivery.Delivered)
        {
            // Deleted, or the bot was removed from that chat: never PUT again.
            LogStaleCardGone(sent.TenantId, sent.MatterNumber, sent.ActivityId);
            await sentCards.ForgetAsync(sent, cancellationToken);
        }
    }

    private Task NotifyAsync(Matter matter, IReadOnlyList<HistoryEntry> history, Person recipient, Notice notice, HistoryEntry entry, CancellationToken cancellationToken) =>
        delivery.SendAsync(matter.State.TenantId, recipient, async (to, token) =>
        {
            var language = to.Language;
            var say = new Messages(language);
            var viewer = roles.ActorFor(to.Person);
            var view = presenter.View(matter, history, language);
            var title = matter.State.Title;
            string NameOf(string id) => matter.People().FirstOrDefault(p => p.Is(id))?.DisplayName ?? id;

            // What someone else did is news, not a problem: it is not drawn in warning colours.
            var context = await contexts.ForAsync(matter, viewer, notice is Notice.Decision or Notice.Update ? $"{entry.Actor.DisplayName}: {say.History(entry, NameOf)}" : null, token)
                with { Tone = NoticeTone.Information };
            var reply = notice switch
            {
                Notice.Assigned => new Reply(say.AssignedToYou(matter.Number, title), MatterCard.Build(view, language, context), matter.Number),
                Notice.CoHandling => new Reply(say.CoHandlingAsked(matter.Number, title), CoHandlingRequestCard.Build(view, language, context, matter.State.Instruction), matter.Number),
                Notice.Instruction => new Reply(say.InstructionNeeded(matter.Number, title), InstructionCard.Build(view, language, context), matter.Number),
                Notice.Review => new Reply(say.ReviewNeeded(matter.Number, title, matter.State.Pending?.Kind ?? RequestKind.Completion), ApprovalCard.Build(view, language, context),
                    matter.Number),
                Notice.Reminder => new Reply(say.Reminder(matter.Number, title),
                    UrgeCard.Build(view, language, context, new PersonView(entry.Actor.ObjectId, entry.Actor.DisplayName), say.History(entry, NameOf)), matter.Number),
                Notice.Urge => new Reply(say.UrgedBy(matter.Number, title, entry.Actor.DisplayName),
                    UrgeCard.Build(view, language, context, new PersonView(entry.Actor.ObjectId, entry.Actor.DisplayName), entry.Note), matter.Number),
                _ => new Reply(say.Decided(matter.Number, title, $"{entry.Actor.DisplayName} {say.History(entry, NameOf)}"), MatterCard.Build(view, language, context), matter.Number),
            };
            return reply with { Revision = matter.State.Revision };
        }, cancellationToken);

    /// <summary>Who hears of which change; the person who made it is never told of their own act.</summary>
    private IEnumerable<(Person Recipient, Notice Notice, HistoryEntry Entry)> Recipients(Matter matter, IReadOnlyList<HistoryEntry> appended, string actorObjectId)
    {
        var state = matter.State;
        var directors = office.CurrentValue.Directors.Select(id => new Person(id, id)).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { actorObjectId };
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
                case HistoryKind.Reminded:
                    foreach (var person in ReminderRecipients(state, entry, directors))
                    {
                        Add(person, Notice.Reminder, entry);
                    }

                    break;
                case HistoryKind.CoHandlingAccepted or HistoryKind.CoHandlingDeclined or HistoryKind.OpinionGiven or HistoryKind.PartDone:
                    Add(state.Lead, Notice.Update, entry);
                    break;
            }
        }

        return list;
    }

    /// <summary>
    /// Who an automatic reminder goes to (SPEC §6): a receipt reminder to each who has not acknowledged in time; its
    /// escalation to the directors; a due-date reminder to the lead and the co-handlers still working, and — once the
    /// matter is late long enough — to the lead's department head, then to the directors as well.
    /// </summary>
    private IEnumerable<Person?> ReminderRecipients(MatterState state, HistoryEntry entry, IReadOnlyList<Person> directors)
    {
        var rules = time.Reminders;
        if (!Enum.TryParse<ReminderRule>(entry.NewValue, out var rule))
        {
            return [];
        }

        if (rule == ReminderRule.Receipt)
        {
            return ReminderSchedule.LateReceipts(state, entry.At, rules.ReceiptAfterWorkingHours, time.Calendar, time.Zone);
        }

        if (rule == ReminderRule.ReceiptEscalation)
        {
            return directors;
        }

        var recipients = new List<Person?> { state.Lead };
        recipients.AddRange(state.CoHandlers.Where(c => c.State is not (CoHandlingState.Done or CoHandlingState.Declined)).Select(c => c.Person));
        var late = rule == ReminderRule.Overdue && int.TryParse(entry.Note, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : 0;
        if (late >= rules.HeadFromOverdueDays && state.Lead is { } lead && departments.HeadOf(lead.ObjectId) is { } head && !lead.Is(head))
        {
            recipients.Add(new Person(head, head));
        }

        if (late >= rules.DirectorsFromOverdueDays)
        {
            recipients.AddRange(directors);
        }

        return recipients;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {ActivityId} of {TenantId}#{MatterNumber} can no longer be updated; forgotten")]
    private partial void LogStaleCardGone(string tenantId, int matterNumber, string activityId);
}
