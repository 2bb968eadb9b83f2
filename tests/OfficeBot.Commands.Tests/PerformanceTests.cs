using System.Diagnostics;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class PerformanceTests
{
    [Fact]
    public void Parse_WarmCommandsWithoutDates_TakeWellUnderAMillisecond()
    {
        Parser.Warmup();
        string[] texts = ["查看 #12", "新事項 預算報告 主辦 <at>王小明</at> 急件", "progress #3 draft sent", "我的事項", "hello"];
        foreach (var text in texts)
        {
            Parse(text, Wang);
        }

        const int rounds = 200;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var text in texts)
            {
                Parse(text, Wang);
            }
        }

        var average = clock.Elapsed.TotalMilliseconds / (rounds * texts.Length);
        Assert.True(average < 0.5, $"average warm parse took {average:F3} ms");
    }
}

public class ConcurrencyTests
{
    [Fact]
    public async Task Parse_ManyTurnsAtOnce_AllGetTheSameDates()
    {
        var expected = new Deadline(Date("2026-12-04"), null);

        var dues = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Parse("新事項 報告 期限 下週五前") : Parse("new Report due next Friday")).Command<NewMatterCommand>().Due)));

        Assert.All(dues, due => Assert.Equal(expected, due));
    }
}
