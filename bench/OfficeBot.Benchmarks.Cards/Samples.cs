using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Benchmarks.Cards;

/// <summary>Matters as an office has them: a few co-handlers and a short history, or the heavy end.</summary>
internal static class Samples
{
    public const string DirectorId = "00000000-0000-0000-0000-000000000020";

    public static readonly PersonView Director = new(DirectorId, "王主任");

    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static IReadOnlyList<PersonView> Candidates(int count) =>
        Enumerable.Range(0, count).Select(i => new PersonView($"00000000-0000-0000-0001-{i:D12}", $"同事{i:D2}")).ToList();

    public static MatterView Matter(int coHandlers, int history)
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, Offset);
        return new MatterView
        {
            Number = 128,
            Title = "114年度預算編列說明會議紀錄彙整及後續追蹤",
            Description = "請各單位於期限內提供意見，並由主辦單位彙整後陳核。",
            Source = MatterSource.Leader,
            DocumentNumber = "府財字第1140012345號",
            Urgency = Urgency.Urgent,
            Status = MatterStatus.InProgress,
            Lead = new PersonView("00000000-0000-0000-0000-000000000021", "陳小美"),
            CoHandlers = Enumerable.Range(0, coHandlers)
                .Select(i => new CoHandlerView(new PersonView($"00000000-0000-0000-0002-{i:D12}", $"會辦同仁{i:D2}"), CoHandlingState.OpinionGiven, true, "同意，建議補充附件三之數據。"))
                .ToList(),
            Registrar = Director,
            Due = new DateTimeOffset(2026, 12, 4, 23, 59, 0, Offset),
            OriginalDue = new DateTimeOffset(2026, 11, 30, 23, 59, 0, Offset),
            Light = TrafficLight.Yellow,
            Revision = history + 1,
            RecentHistory = Enumerable.Range(0, history)
                .Select(i => new HistoryLineView(start.AddHours(i), "陳小美", $"進度：第{i + 1}次回報，已完成初稿並送會辦單位。"))
                .ToList(),
            TotalHistoryCount = history,
            Instruction = "請於下週五前完成並陳核。",
        };
    }

    public static MatterView Pending(MatterView matter) => matter with
    {
        Status = MatterStatus.AwaitingReview,
        Pending = new PendingView(RequestKind.Completion, matter.Lead!, matter.Due!.Value.AddDays(-2), "已彙整完成，請核示。", null, null),
    };
}
