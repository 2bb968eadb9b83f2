using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;

namespace OfficeBot.Application.Reminders;

/// <summary>
/// Gathers a person's automatic reminders into one message (SPEC §6: several due at once are one list, not a burst).
/// A reminder recorded on a matter is added to the person's digest for the current window: one outbox item per person
/// and window, due at the window's end, with a key anyone can compute, so every instance adds to the same item. An item
/// is only added to while nobody has claimed it; once claimed, its reminders are fixed and a late one goes into the next
/// window's item. Each reminder so ends up in exactly one digest, and each digest is built once, by whichever instance
/// claims it.
/// </summary>
public sealed class ReminderDigests(ITableStore store, OutboxStore outbox, OfficeTime time)
{
    /// <summary>Reminders one digest lists at most; more go into the next window's.</summary>
    public const int MaxPerDigest = 50;

    private const int MaxWindowsAhead = 20;
    private const int MaxAttemptsPerWindow = 20;

    /// <summary>Adds the reminder (matter and history line) to <paramref name="personObjectId"/>'s digest; idempotent for a retried step.</summary>
    public async Task QueueAsync(string tenantId, string personObjectId, ReminderRef reminder, CancellationToken cancellationToken)
    {
        var partition = MatterKeys.Partition(tenantId);
        var window = WindowEnd(time.Now, time.Reminders.DigestWindow);
        for (var ahead = 0; ahead < MaxWindowsAhead; ahead++, window += Step(time.Reminders.DigestWindow))
        {
            var id = Id(personObjectId, window);
            var rowKey = OutboxKeys.Row(window, id);
            for (var attempt = 0; attempt < MaxAttemptsPerWindow; attempt++)
            {
                var row = await store.GetAsync(MatterKeys.Table, partition, rowKey, cancellationToken);
                try
                {
                    if (row is null)
                    {
                        await store.InsertAsync(MatterKeys.Table, OutboxStore.NewRow(new OutboxItem
                        {
                            Id = id,
                            Kind = OutboxKinds.Digest,
                            TenantId = tenantId,
                            PersonObjectId = personObjectId,
                            Reminders = [reminder],
                            CreatedAt = time.Now,
                            DueAt = window,
                        }), cancellationToken);
                        await outbox.AnnounceAsync(tenantId, window, cancellationToken);
                        return;
                    }

                    var item = StoredJson.Deserialize<OutboxItem>(row.Data);
                    if (item.Reminders.Contains(reminder))
                    {
                        return;
                    }

                    if (item.LeaseOwner is not null || item.Attempts > 0 || item.Done.Count > 0 || item.Reminders.Count >= MaxPerDigest)
                    {
                        break;
                    }

                    await store.ReplaceAsync(MatterKeys.Table, OutboxStore.NewRow(item with { Reminders = [.. item.Reminders, reminder] }), row.ETag!, cancellationToken);
                    return;
                }
                catch (Exception e) when (e is ConcurrencyException or EntityExistsException)
                {
                    // Another instance added to it, or claimed it, meanwhile: look again.
                }
            }
        }

        throw new DeliveryDeferredException($"no digest of {MaxWindowsAhead} windows ahead would take the reminder");
    }

    /// <summary>The end of the window <paramref name="now"/> is in: reminders recorded until then go out together then.</summary>
    internal static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan window)
    {
        var step = Step(window).Ticks;
        return new DateTimeOffset((now.UtcTicks / step + 1) * step, TimeSpan.Zero);
    }

    // A zero window still needs distinct instants: a millisecond apart is "at once".
    private static TimeSpan Step(TimeSpan window) => window > TimeSpan.Zero ? window : TimeSpan.FromMilliseconds(1);

    /// <summary>Per person and window; the person's id is hashed so that whatever Teams sent cannot shape the row key.</summary>
    private static string Id(string personObjectId, DateTimeOffset window)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personObjectId.ToLowerInvariant())))[..20];
        return $"d{hash}w{window.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}";
    }
}
