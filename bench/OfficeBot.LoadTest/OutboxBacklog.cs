using System.Diagnostics;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;
using OfficeBot.Web.Hosting;

namespace OfficeBot.LoadTest;

/// <summary>
/// The follow-ups a scenario left behind: a <c>new</c> turn answers as soon as its matter and its follow-up (the lead's
/// notice) are committed, and the host's outbox sends the notice after. Turns per second alone would hide a backlog
/// that grows through the window; this reads the store (as another process would) for the items already due and not yet
/// done, and waits until the host has worked them off.
/// </summary>
internal static class OutboxBacklog
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Items due and pending when called, and how long until none were (null if not within the limit).</summary>
    public static async Task<(int AtEnd, TimeSpan? Drained)> DrainAsync(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.AddOfficeStorage();
        using var host = builder.Build();
        var outbox = new OutboxStore(host.Services.GetRequiredService<ITableStore>());

        var clock = Stopwatch.StartNew();
        var atEnd = await DueCountAsync(outbox);
        for (var left = atEnd; left > 0; left = await DueCountAsync(outbox))
        {
            if (clock.Elapsed > Limit)
            {
                return (atEnd, null);
            }

            await Task.Delay(Poll);
        }

        return (atEnd, clock.Elapsed);
    }

    private static async Task<int> DueCountAsync(OutboxStore outbox)
    {
        var now = DateTimeOffset.UtcNow;
        return (await outbox.PendingAsync(Office.Tenant, CancellationToken.None)).Count(item => item.DueAt <= now);
    }
}
