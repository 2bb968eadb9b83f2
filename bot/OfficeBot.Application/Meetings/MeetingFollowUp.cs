using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// What follows a change of a meeting request, from the outbox once the person who made it has their answer: every card
/// of the meeting already in a chat is updated in place, and the card goes to those who must act or hear of it — a new
/// request or a new time to the directors and the coordination channel, a decision to the requester, a conflict found by
/// the sync to the requester, the directors and the channel (once: the sync records it in the same batch). Each update
/// and each message is one step, so a retry repeats none that was delivered.
/// </summary>
public sealed partial class MeetingFollowUp(
    IMessenger messenger,
    SentCardStore sentCards,
    PersonalDelivery delivery,
    MeetingRepository repository,
    MeetingPresenter presenter,
    MeetingCalendarWrites calendars,
    RoleDirectory roles,
    OfficeTime time,
    IOptionsMonitor<OfficeOptions> office,
    ILogger<MeetingFollowUp> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.Meeting;

    public static OutboxItem ItemFor(Meeting meeting, IReadOnlyList<MeetingHistoryEntry> appended, string actorObjectId, DateTimeOffset now, string? answeredCard = null) => new()
    {
        Id = $"g{meeting.Number:D10}v{meeting.State.Revision.ToString("D6", CultureInfo.InvariantCulture)}",
        Kind = OutboxKinds.Meeting,
        TenantId = meeting.State.TenantId,
        MeetingNumber = meeting.Number,
        Sequences = appended.Select(e => e.Sequence).ToList(),
        ActorObjectId = actorObjectId,
        AnsweredCard = answeredCard,
        CreatedAt = now,
        DueAt = now,
    };

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var loaded = await repository.GetAsync(item.TenantId, item.MeetingNumber, cancellationToken);
        if (loaded is null)
        {
            return;
        }

        var meeting = loaded.Meeting;
        var appended = item.Sequences.Count == 0
            ? []
            : (await repository.GetHistoryAsync(item.TenantId, item.MeetingNumber, item.Sequences.Min(), cancellationToken)).Where(e => item.Sequences.Contains(e.Sequence)).ToList();

        foreach (var sent in await sentCards.ForMeetingAsync(item.TenantId, meeting.Number, cancellationToken))
        {
            if (sent.Revision >= meeting.State.Revision || item.AnswerRedrew(sent))
            {
                continue;
            }

            await progress.StepAsync($"u|{sent.ConversationId}|{sent.ActivityId}", token => UpdateAsync(meeting, sent, token), cancellationToken);
        }

        // Where the office lets OfficeBot write to the leaders' calendars (Office:Graph:WriteApprovedMeetings), an
        // approved meeting is put there, a moved one moved and a cancelled one taken off.
        if (appended.Any(e => e.Kind is MeetingHistoryKind.Approved or MeetingHistoryKind.ApprovedAnyway or MeetingHistoryKind.Moved or MeetingHistoryKind.Cancelled))
        {
            foreach (var leader in meeting.State.Leaders)
            {
                await progress.StepAsync($"w|{leader.ObjectId}", token => calendars.FollowAsync(meeting.State, leader.ObjectId, token), cancellationToken);
            }
        }

        var settings = office.CurrentValue;
        foreach (var (recipient, entry) in Recipients(meeting.State, appended, item.ActorObjectId ?? string.Empty, settings))
        {
            await progress.StepAsync($"n|{recipient.ObjectId}|{entry.Sequence}", token => NotifyAsync(meeting, recipient, entry, token), cancellationToken);
        }

        // Without a coordination channel, the shared chat the request was typed in stands for it (Teams' group chats and
        // channels have 19: ids); the request's own card is already there, its alerts are not.
        var channel = settings.CoordinationChannel?.Trim() is { Length: > 0 } configured
            ? configured
            : meeting.State.Origin is { } origin && origin.StartsWith("19:", StringComparison.Ordinal) ? origin : null;
        var toChannel = appended.LastOrDefault(e => e.Kind is MeetingHistoryKind.Requested or MeetingHistoryKind.TimeChanged or MeetingHistoryKind.ConflictFound);
        // A request typed in the channel itself already has its card there (the answer to the command).
        var already = toChannel?.Kind == MeetingHistoryKind.Requested ? meeting.State.Origin : AnsweredConversation(item);
        if (channel is { Length: > 0 } && toChannel is not null && !string.Equals(channel, already, StringComparison.Ordinal))
        {
            await progress.StepAsync($"c|{channel}|{toChannel.Sequence}", token => PostAsync(meeting, channel, toChannel, token), cancellationToken);
        }
    }

    /// <summary>Who gets the card for which line; the person who made the change is never sent their own act.</summary>
    private IEnumerable<(Person Recipient, MeetingHistoryEntry Entry)> Recipients(MeetingState state, IReadOnlyList<MeetingHistoryEntry> appended, string actorObjectId,
        OfficeOptions settings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { actorObjectId };
        var directors = settings.Directors.Select(id => new Person(id, id)).ToList();
        foreach (var entry in appended)
        {
            IEnumerable<Person> to = entry.Kind switch
            {
                MeetingHistoryKind.Requested or MeetingHistoryKind.TimeChanged => directors,
                MeetingHistoryKind.ConflictFound => [state.Requester, .. directors],
                MeetingHistoryKind.Cancelled => [state.Requester, .. directors],
                MeetingHistoryKind.Approved or MeetingHistoryKind.ApprovedAnyway or MeetingHistoryKind.Moved or MeetingHistoryKind.SentBack or MeetingHistoryKind.Rejected
                    or MeetingHistoryKind.UrgencyConfirmed or MeetingHistoryKind.Kept => [state.Requester],
                _ => [],
            };
            foreach (var person in to)
            {
                if (seen.Add(person.ObjectId))
                {
                    yield return (person, entry);
                }
            }
        }
    }

    private Task NotifyAsync(Meeting meeting, Person recipient, MeetingHistoryEntry entry, CancellationToken cancellationToken) =>
        delivery.SendAsync(meeting.State.TenantId, recipient, (to, token) =>
        {
            var (notice, tone) = Notice(meeting, entry, to.Language);
            return presenter.ForViewerAsync(meeting, roles.ActorFor(to.Person), to.Language, notice, token, tone);
        }, cancellationToken);

    private async Task PostAsync(Meeting meeting, string channel, MeetingHistoryEntry entry, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(office.CurrentValue.DefaultLocale);
        var (notice, tone) = Notice(meeting, entry, language);
        var reply = await presenter.ForSharedChatAsync(meeting, language, notice, cancellationToken, tone);
        var result = await messenger.SendToConversationAsync(meeting.State.TenantId, channel, reply, cancellationToken);
        if (result.Delivery != Delivery.Delivered)
        {
            LogChannelUnreachable(meeting.State.TenantId, meeting.Number, channel, result.Delivery);
            return;
        }

        if (result.Card is { } card)
        {
            try
            {
                await sentCards.RecordAsync(card with { Locale = Languages.Tag(language, null) }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Teams has the card: failing the step now would post it again. Unrecorded, it is only not updated in place later.
                LogCardNotRecorded(e, meeting.State.TenantId, meeting.Number);
            }
        }
    }

    private (string Notice, NoticeTone Tone) Notice(Meeting meeting, MeetingHistoryEntry entry, Language language)
    {
        var say = new MeetingMessages(language);
        var state = meeting.State;
        return entry.Kind switch
        {
            MeetingHistoryKind.Requested or MeetingHistoryKind.TimeChanged => (say.ToDecide(state.Number, state.Title), NoticeTone.Information),
            MeetingHistoryKind.ConflictFound => (say.ConflictAlert(state.Number, state.Title), NoticeTone.Attention),
            _ => (say.Decided(state.Number, state.Title, $"{entry.Actor.DisplayName} {say.History(entry, time.Zone)}"), NoticeTone.Information),
        };
    }

    private async Task UpdateAsync(Meeting meeting, SentCard sent, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(sent.Locale, Languages.FromLocale(office.CurrentValue.DefaultLocale));
        var reply = sent.ViewerObjectId is { } viewer
            ? await presenter.ForViewerAsync(meeting, roles.ActorFor(new Person(viewer, viewer)), language, null, cancellationToken)
            : await presenter.ForSharedChatAsync(meeting, language, null, cancellationToken);
        if (await messenger.UpdateAsync(sent, reply, cancellationToken) != Delivery.Delivered)
        {
            // Deleted, or the bot was removed from that chat: never PUT again.
            await sentCards.ForgetAsync(sent, cancellationToken);
        }
    }


    private static string? AnsweredConversation(OutboxItem item) => item.AnsweredCard?.Split('|')[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot post meeting {TenantId}#M{MeetingNumber} in {ConversationId} (Office:CoordinationChannel): {Delivery}; the bot must be in it and have been spoken to there")]
    private partial void LogChannelUnreachable(string tenantId, int meetingNumber, string conversationId, Delivery delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card of meeting {TenantId}#M{MeetingNumber} could not be recorded; it will not be updated in place")]
    private partial void LogCardNotRecorded(Exception exception, string tenantId, int meetingNumber);
}
