using System.Globalization;
using OfficeBot.Application.Matters;

namespace OfficeBot.Application.Outbox;

/// <summary>
/// Where outbox rows live. Each is a row <c>q|{due ticks}|{id}</c> in its tenant's partition of the matters table, so it
/// commits with the change in one batch and a range query finds the due ones in order. A small <c>outbox</c> table
/// keeps one row per tenant that has ever had outbox work, with a hint of when its next item is due, so the dispatcher
/// finds work without scanning every partition.
/// </summary>
internal static class OutboxKeys
{
    public const string WakeTable = "outbox";
    public const string WakePartition = "tenants";
    public const string Prefix = "q|";

    public static string Row(DateTimeOffset dueAt, string id) => $"{Prefix}{Ticks(dueAt)}|{id}";

    /// <summary>The first key after every item due at or before <paramref name="now"/>.</summary>
    public static string DueUntil(DateTimeOffset now) => $"{Prefix}{Ticks(now.AddTicks(1))}";

    public static string End => MatterKeys.PrefixEnd(Prefix);

    public static string MatterChangeId(int number, int revision) => $"{MatterKeys.Matter(number)}v{revision.ToString("D6", CultureInfo.InvariantCulture)}";

    private static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
