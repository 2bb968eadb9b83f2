using System.Globalization;
using System.Text;

namespace OfficeBot.Application.Matters;

/// <summary>
/// Row keys of the matters table. Everything of one tenant shares one partition, so a matter, its new history lines,
/// its index rows and the number sequence change together in one atomic batch:
/// <list type="bullet">
/// <item><c>seq</c> — the next matter number (optimistic concurrency hands out each number once);</item>
/// <item><c>m0000000012</c> — matter #12; <c>m0000000012h000003</c> — its third history line;</item>
/// <item><c>o|m0000000012</c> — #12 is open (director's overdue and review lists);</item>
/// <item><c>p|{objectId}|m0000000012</c> — #12 is open and concerns that person ("my matters");</item>
/// <item><c>s|20261126|0000000012|000003</c> — #12's third history line counts in the statistics, on that office-local
/// day (the report reads a week as one range);</item>
/// <item><c>a|{conversation}|{activity}</c> — the message that registered a matter (a redelivery registers nothing new);</item>
/// <item><c>q|{due ticks}|{id}</c> — an outbox item (see OutboxKeys); <c>x|{id}</c> — one set aside after too many failures.</item>
/// </list>
/// </summary>
internal static class MatterKeys
{
    public const string Table = MatterRepository.TableName;
    public const string Sequence = "seq";
    public const string OpenPrefix = "o|";
    public const string StatisticPrefix = "s|";

    public static string Partition(string tenantId) => Safe(tenantId);

    public static string Matter(int number) => $"m{number:D10}";

    public static string History(int number, int sequence) => $"m{number:D10}h{sequence:D6}";

    public static string HistoryFrom(int number) => $"m{number:D10}h";

    public static string HistoryTo(int number) => $"m{number:D10}i";

    public static string Statistic(DateOnly day, int number, int sequence) => $"{StatisticDay(day)}{number:D10}|{sequence:D6}";

    /// <summary>The prefix of every statistics row of an office-local day.</summary>
    public static string StatisticDay(DateOnly day) => $"{StatisticPrefix}{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}|";

    /// <summary>The request (conversation id and activity id) that registered a matter, so a redelivered message registers nothing new.</summary>
    public static string Request(string requestKey) => "a|" + Safe(requestKey.Length > 512 ? requestKey[..512] : requestKey);

    public static string Open(int number) => $"{OpenPrefix}{Matter(number)}";

    public static string PersonPrefix(string objectId) => $"p|{Safe(objectId.ToLowerInvariant())}|";

    public static string Person(string objectId, int number) => PersonPrefix(objectId) + Matter(number);

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>Azure Tables forbid / \ # ? and control characters in keys; escape them so any id is a safe key.</summary>
    public static string Safe(string value)
    {
        if (value.All(c => c is not ('/' or '\\' or '#' or '?' or '%') && !char.IsControl(c)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
