using System.Globalization;
using OfficeBot.Application.Matters;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// Row keys of meeting requests, in the tenant's partition of the matters table (so a change and its outbox item are one
/// atomic batch, as for matters):
/// <list type="bullet">
/// <item><c>gseq</c> — the next meeting number;</item>
/// <item><c>g0000000003</c> — meeting M3; <c>g0000000003h000002</c> — its second history line;</item>
/// <item><c>g|t|{start ticks}|0000000003</c> — M3 holds that time (pending or approved): the calendar of OfficeBot's own
/// meetings, read as one range per window;</item>
/// <item><c>g|a|{conversation}|{activity}</c> — the message that asked for a meeting (a redelivery asks nothing new).</item>
/// </list>
/// </summary>
internal static class MeetingKeys
{
    public const string Sequence = "gseq";
    public const string TimePrefix = "g|t|";

    public static string Meeting(int number) => $"g{number:D10}";

    public static string History(int number, int sequence) => $"g{number:D10}h{sequence:D6}";

    public static string HistoryFrom(int number) => $"g{number:D10}h";

    public static string HistoryTo(int number) => $"g{number:D10}i";

    public static string Time(DateTimeOffset start, int number) => $"{TimeFrom(start)}|{number:D10}";

    public static string TimeFrom(DateTimeOffset start) => TimePrefix + start.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string Request(string requestKey) => "g|a|" + MatterKeys.Safe(requestKey.Length > 512 ? requestKey[..512] : requestKey);
}
