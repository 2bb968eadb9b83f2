using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

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
