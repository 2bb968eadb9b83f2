using Microsoft.Extensions.Logging;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Reminders;

namespace OfficeBot.Application.Reminders;

/// <summary>
/// Automatic reminders (SPEC §6). A matter's next reminder is planned whenever it changes and written, as an outbox item
/// due at the reminder's time, in the same batch as the change. When it comes due this handler records it on the matter —
/// a history line, and the next reminder planned after it — as one more change; that change's own follow-up sends the
/// reminder card to the people concerned (so the reminder is sent exactly when it is recorded, once). A reminder whose
/// plan has changed since (acknowledged, extended, completed…) is dropped; one due outside working hours waits for the
/// next working morning.
/// </summary>
public sealed partial class MatterReminders(MatterService matters, MatterRepository repository, OfficeTime time, ILogger<MatterReminders> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.Reminder;

    /// <summary>The outbox item of a planned reminder.</summary>
    public static OutboxItem ItemFor(string tenantId, int number, PlannedReminder planned) => new()
    {
        Id = planned.Id(number),
        Kind = OutboxKinds.Reminder,
        TenantId = tenantId,
        MatterNumber = number,
        CreatedAt = planned.At,
        DueAt = planned.At,
    };

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var loaded = await repository.GetAsync(item.TenantId, item.MatterNumber, cancellationToken);
        if (loaded?.Matter.State.NextReminder is not { } planned || planned.Id(item.MatterNumber) != item.Id)
        {
            LogDropped(item.TenantId, item.MatterNumber, item.Id);
            return;
        }

        var now = time.Now;
        var opens = time.Calendar.NextWorkingTime(now, time.Zone);
        if (opens > now)
        {
            throw new DeliveryDeferredException("outside working hours", opens - now);
        }

        await progress.StepAsync("recorded", token => matters.RecordReminderAsync(item.TenantId, item.MatterNumber, planned, token), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ItemId} of {TenantId}#{MatterNumber} is no longer the plan; dropped")]
    private partial void LogDropped(string tenantId, int matterNumber, string itemId);
}
