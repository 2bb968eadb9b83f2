using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Domain.Tests.Office;

namespace OfficeBot.Domain.Tests;

/// <summary>
/// When a press on a card drawn at an earlier revision must not be applied: only when what it depends on changed since —
/// not because another co-handler answered meanwhile.
/// </summary>
public sealed class CardStalenessTests
{
    private static readonly Actor Co2 = new(new Person("c-2", "黃會辦"));

    [Fact]
    public void AnotherCoHandlersAnswers_DoNotMakeMyCardStale()
    {
        var matter = WithTwoCoHandlers();
        var drawn = matter.State.Revision;

        Assert.True(matter.AcceptCoHandling(Co2, Now).IsChanged);
        Assert.True(matter.GiveOpinion(Co2, Now, "同意").IsChanged);
        Assert.True(matter.MarkPartDone(Co2, Now).IsChanged);

        Assert.False(matter.IsStaleFor(drawn, Co.Person));
        Assert.False(matter.IsStaleFor(drawn, Lead.Person));
        Assert.False(matter.IsStaleFor(drawn, Director.Person));
    }

    [Fact]
    public void ProgressAcknowledgementAndUrges_DoNotMakeOthersCardsStale()
    {
        var matter = WithTwoCoHandlers();
        var drawn = matter.State.Revision;

        Assert.True(matter.Acknowledge(Lead, Now).IsChanged);
        Assert.True(matter.ReportProgress(Lead, Now, "初稿完成").IsChanged);
        Assert.True(matter.Urge(Director, Now, "請加快").IsChanged);

        Assert.False(matter.IsStaleFor(drawn, Co.Person));
        Assert.False(matter.IsStaleFor(drawn, Registrar.Person));
    }

    [Fact]
    public void MyOwnEarlierPress_MakesMyCardStale_SoTheSamePressTakesEffectOnce()
    {
        var matter = WithTwoCoHandlers();
        var drawn = matter.State.Revision;

        Assert.True(matter.GiveOpinion(Co, Now, "同意").IsChanged);
        Assert.True(matter.AcceptCoHandling(Co2, Now).IsChanged);

        Assert.True(matter.IsStaleFor(drawn, Co.Person));
        Assert.True(matter.IsStaleFor(drawn, Co2.Person));
        Assert.False(matter.IsStaleFor(drawn, Lead.Person));

        // The card Co's opinion was answered with is current for Co, though Co2 has answered since.
        Assert.False(matter.IsStaleFor(matter.State.Revision - 1, Co.Person));
    }

    [Fact]
    public void ReportingProgressTwiceOnOneCard_IsStaleTheSecondTime()
    {
        var matter = WithTwoCoHandlers();
        var drawn = matter.State.Revision;

        Assert.True(matter.ReportProgress(Lead, Now, "初稿完成").IsChanged);

        Assert.True(matter.IsStaleFor(drawn, Lead.Person));
    }

    public static TheoryData<string> SharedChanges() => ["askCompletion", "askExtension", "transfer", "instruct", "cancel"];

    [Theory]
    [MemberData(nameof(SharedChanges))]
    public void WhatEveryoneDependsOn_MakesEveryCardStale(string change)
    {
        var matter = WithTwoCoHandlers();
        var drawn = matter.State.Revision;

        var outcome = change switch
        {
            "askCompletion" => matter.AskCompletion(Lead, Now, "已完成"),
            "askExtension" => matter.AskExtension(Lead, Now, new DueDate(InTenDays.Date.AddDays(7)), "需要更多時間", Zone),
            "transfer" => matter.Transfer(Director, Now, Co2.Person, null),
            "instruct" => matter.Instruct(Director, Now, null, [Co.Person], null, "只留一位會辦", Zone),
            _ => matter.Cancel(Director, Now, "不再需要"),
        };

        Assert.True(outcome.IsChanged);
        Assert.True(matter.IsStaleFor(drawn, Co.Person));
        Assert.True(matter.IsStaleFor(drawn, Director.Person));
    }

    [Fact]
    public void ACardFromTheFutureOrBeforeTheFirstRevision_IsStale()
    {
        var matter = WithTwoCoHandlers();

        Assert.True(matter.IsStaleFor(matter.State.Revision + 1, Co.Person));
        Assert.True(matter.IsStaleFor(0, Co.Person));
        Assert.True(matter.IsStaleFor(int.MinValue, Co.Person));
    }

    [Fact]
    public void AMatterStoredBeforeSharedRevisions_CountsEveryEarlierChange()
    {
        var stored = WithTwoCoHandlers().State with { SharedRevision = 0, OwnChanges = [] };
        var matter = Matter.FromState(stored);
        var drawn = stored.Revision - 1;

        Assert.True(matter.IsStaleFor(drawn, Co.Person));

        // After a personal answer the old history still counts, the new answer does not.
        Assert.True(matter.AcceptCoHandling(Co2, Now).IsChanged);
        Assert.True(matter.IsStaleFor(drawn, Co.Person));
        Assert.False(matter.IsStaleFor(stored.Revision, Co.Person));
    }

    [Fact]
    public void OwnMarks_AreDroppedOnceASharedChangeSupersedesThem()
    {
        var matter = WithTwoCoHandlers();
        Assert.True(matter.AcceptCoHandling(Co, Now).IsChanged);
        Assert.True(matter.AcceptCoHandling(Co2, Now).IsChanged);
        Assert.Equal(2, matter.State.OwnChanges.Count);

        Assert.True(matter.AskCompletion(Lead, Now, "已完成").IsChanged);

        Assert.Empty(matter.State.OwnChanges);
    }

    private static Matter WithTwoCoHandlers()
    {
        var matter = InStatus(MatterStatus.InProgress);
        Assert.True(matter.Instruct(Director, Now, null, [Co.Person, Co2.Person], null, null, Zone).IsChanged);
        return matter;
    }
}
