using System.Globalization;
using System.Text;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>Matters as the application hands them to the cards, from plain to as heavy as a card must bear.</summary>
internal static class Samples
{
    public static readonly TimeSpan OfficeOffset = TimeSpan.FromHours(8);

    public static readonly Language[] Languages = [Language.Traditional, Language.Simplified, Language.English];

    public static readonly PersonView Director = new("00000000-0000-0000-0000-000000000001", "陳主任");

    public static readonly PersonView Wang = new("00000000-0000-0000-0000-000000000002", "王大明");

    public static readonly PersonView Li = new("00000000-0000-0000-0000-000000000003", "李小華");

    /// <summary>Text that breaks hand-spliced JSON: quotes, a backslash, markup characters, CJK and emoji.</summary>
    public const string Awkward = "「年度」\"預算\"\\審核<草案>&附件📎'";

    public static DateTimeOffset Office(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, OfficeOffset);

    public static MatterView Plain(int number = 12) => new()
    {
        Number = number,
        Title = "擬定年度工作要點",
        Source = MatterSource.Leader,
        Urgency = Urgency.Normal,
        Status = MatterStatus.InProgress,
        Lead = Wang,
        LeadAcknowledged = true,
        CoHandlers = [new CoHandlerView(Li, CoHandlingState.Accepted, Acknowledged: true)],
        Registrar = Director,
        Due = Office(2025, 12, 5, 17, 30),
        Light = TrafficLight.Green,
        Revision = 3,
        RecentHistory = [new HistoryLineView(Office(2025, 12, 1, 9, 15), "陳主任", "登記事項")],
        TotalHistoryCount = 1,
    };

    public static string Repeat(string unit, int textElements)
    {
        var builder = new StringBuilder();
        var info = new StringInfo(unit);
        for (var i = 0; i < textElements; i++)
        {
            builder.Append(info.SubstringByTextElements(i % info.LengthInTextElements, 1));
        }

        return builder.ToString();
    }

    /// <summary>10 co-handlers, 50 history entries, a 200-character title, departments of the longest name, awkward text everywhere.</summary>
    public static MatterView Heavy(int number = 9999) => new()
    {
        Number = number,
        Title = Repeat(Awkward, 200),
        Description = Repeat(Awkward + "請各部門於期限前提出意見，並註明聯絡人。", 2000),
        Source = MatterSource.UpperOffice,
        DocumentNumber = "府辦字第1140012345號 " + Awkward,
        Urgency = Urgency.ExtraUrgent,
        Status = MatterStatus.InProgress,
        Lead = new PersonView("lead", "歐陽" + Awkward, Repeat(Awkward, 64)),
        LeadAcknowledged = false,
        CoHandlers = Enumerable.Range(1, 10)
            .Select(i => new CoHandlerView(new PersonView($"co-{i}", $"會辦人{i} {Awkward}", Repeat(Awkward, 64)), (CoHandlingState)(i % 5), i % 2 == 0))
            .ToList(),
        Registrar = new PersonView("registrar", "登記人 " + Awkward),
        Due = Office(2025, 12, 5, 23, 59),
        OriginalDue = Office(2025, 11, 28, 23, 59),
        Light = TrafficLight.Red,
        OverdueWorkingDays = 3,
        Revision = 57,
        RecentHistory = Enumerable.Range(1, 50)
            .Select(i => new HistoryLineView(Office(2025, 11, 1, 9, 0).AddHours(i * 7), $"經辦人{i} {Awkward}", Repeat($"第{i}次進度：" + Awkward, 300)))
            .ToList(),
        TotalHistoryCount = 50,
    };
}
