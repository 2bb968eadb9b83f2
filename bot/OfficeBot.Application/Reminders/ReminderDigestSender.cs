using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.FollowUp;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Reminders;

/// <summary>
/// Sends a person's digest (see <see cref="ReminderDigests"/>) when its window ends: one reminder as the matter's 催辦
/// card, several as one reminder list with a row per matter. A matter closed since its reminder was recorded is left
/// out; what is still open is said as it stands now.
/// </summary>
public sealed class ReminderDigestSender(MatterRepository repository, MatterFollowUp followUp, MatterPresenter presenter, PersonalDelivery delivery) : IOutboxHandler
{
    public string Kind => OutboxKinds.Digest;

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        if (item.PersonObjectId is not { } person || item.Reminders.Count == 0)
        {
            return;
        }

        await progress.StepAsync("sent", token => SendAsync(item.TenantId, person, item.Reminders, token), cancellationToken);
    }

    private async Task SendAsync(string tenantId, string personObjectId, IReadOnlyList<ReminderRef> reminders, CancellationToken cancellationToken)
    {
        var open = new List<(Matter Matter, HistoryEntry Entry)>();
        foreach (var reminder in reminders.DistinctBy(r => r.Matter))
        {
            var loaded = await repository.GetAsync(tenantId, reminder.Matter, cancellationToken);
            var entry = loaded is null ? null : await repository.GetHistoryEntryAsync(tenantId, reminder.Matter, reminder.Sequence, cancellationToken);
            if (loaded is not null && !loaded.Matter.Status.IsClosed() && entry is { Kind: HistoryKind.Reminded })
            {
                open.Add((loaded.Matter, entry));
            }
        }

        var recipient = new Person(personObjectId, personObjectId);
        if (open.Count == 1)
        {
            await followUp.RemindAsync(open[0].Matter, open[0].Entry, recipient, cancellationToken);
            return;
        }

        if (open.Count == 0)
        {
            return;
        }

        await delivery.SendAsync(tenantId, recipient, (to, _) =>
        {
            var say = new Messages(to.Language);

            // Most urgent first: the latest overdue, then what is due soonest.
            var items = open
                .Select(o => new ReminderListItem(presenter.View(o.Matter, [], to.Language), say.ReminderReason(o.Entry.NewValue, o.Entry.Note)))
                .OrderByDescending(i => i.Matter.OverdueWorkingDays)
                .ThenBy(i => i.Matter.Due ?? DateTimeOffset.MaxValue)
                .ThenBy(i => i.Matter.Number)
                .ToList();
            return Task.FromResult(new Reply(say.ReminderList(items.Count), ReminderListCard.Build(items, to.Language)));
        }, cancellationToken);
    }
}
