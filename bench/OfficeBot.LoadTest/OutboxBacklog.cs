using System.Diagnostics;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;

namespace OfficeBot.LoadTest;

/// <summary>
/// The follow-ups a scenario left behind: a <c>new</c> turn answers as soon as its matter and its follow-up (the lead's
/// notice) are committed, and the host's outbox sends the notice after. Turns per second alone would hide a backlog
/// that grows through the window; this reads the store (as another process would) for the items already due and not yet
/// done, and watches the host work them off for up to 30 s.
/// </summary>
internal static class OutboxBacklog
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Items due and pending when called, how many were still pending when the host had worked them off or
    /// <see cref="Limit"/> had passed, and how long that was: the rate at which the host pays out a backlog.
    /// </summary>
    public static async Task<(int AtEnd, int Left, TimeSpan Watched)> WatchAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> tenants)
    {
        // Not the seeding host: that one runs the application's outbox, which would work off the backlog being measured.
        using var host = Seeder.StoreOnly(settings);
        var outbox = new OutboxStore(host.Services.GetRequiredService<ITableStore>());

        var clock = Stopwatch.StartNew();
        var atEnd = await DueCountAsync(outbox, tenants);
        var left = atEnd;
        while (left > 0 && clock.Elapsed < Limit)
        {
            await Task.Delay(Poll);
            left = await DueCountAsync(outbox, tenants);
        }

        return (atEnd, left, clock.Elapsed);
    }

    private static async Task<int> DueCountAsync(OutboxStore outbox, IReadOnlyList<string> tenants)
    {
        var now = DateTimeOffset.UtcNow;
        var due = 0;
        foreach (var tenant in tenants)
        {
            due += (await outbox.PendingAsync(tenant, CancellationToken.None)).Count(item => item.DueAt <= now);
        }

        return due;
    }
}
