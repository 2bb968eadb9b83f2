using OfficeBot.Cards.Localization;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public class CardTextTests
{
    public static TheoryData<Language> Languages => new(Samples.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void For_EveryLabel_Present(Language language)
    {
        var text = CardText.For(language);

        Assert.Equal(language, text.Language);
        foreach (var property in typeof(CardText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(text)), $"{language}.{property.Name} is empty");
        }

        Assert.Equal(13, text.HelpCommands.Count);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void For_EveryEnumValue_HasADistinctName(Language language)
    {
        var text = CardText.For(language);

        AssertDistinct(Enum.GetValues<MatterStatus>().Select(text.StatusName));
        AssertDistinct(Enum.GetValues<MatterSource>().Select(text.SourceName));
        AssertDistinct(Enum.GetValues<Urgency>().Select(text.UrgencyName));
        AssertDistinct(Enum.GetValues<CoHandlingState>().Select(text.CoHandlingStateName));
        AssertDistinct(Enum.GetValues<RequestKind>().Select(text.RequestName));
        AssertDistinct(Enum.GetValues<TrafficLight>().Where(l => l != TrafficLight.None).Select(text.LightName));
        Assert.Equal("", text.LightName(TrafficLight.None));
    }

    [Theory]
    [InlineData(Language.Traditional, "登記|辦理中|待審核|辦結|已取消|歸檔", "自辦|領導交辦|上級交辦|部門轉辦|會議決議", "平件|急件|特急", "🟢 正常|🟡 將到期|🔴 逾期")]
    [InlineData(Language.Simplified, "登记|办理中|待审核|办结|已取消|归档", "自办|领导交办|上级交办|部门转办|会议决议", "平件|急件|特急", "🟢 正常|🟡 将到期|🔴 逾期")]
    [InlineData(Language.English, "Registered|In progress|Awaiting review|Completed|Cancelled|Archived", "Self-initiated|Assigned by a leader|From the upper office|Forwarded by a department|Meeting decision", "Normal|Urgent|Extra urgent", "🟢 On track|🟡 Due soon|🔴 Overdue")]
    public void Names_MatchTheOfficeWording(Language language, string statuses, string sources, string urgencies, string lights)
    {
        var text = CardText.For(language);

        Assert.Equal(statuses, string.Join('|', Enum.GetValues<MatterStatus>().Select(text.StatusName)));
        Assert.Equal(sources, string.Join('|', Enum.GetValues<MatterSource>().Select(text.SourceName)));
        Assert.Equal(urgencies, string.Join('|', Enum.GetValues<Urgency>().Select(text.UrgencyName)));
        Assert.Equal(lights, string.Join('|', new[] { TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red }.Select(text.LightName)));
    }

    [Theory]
    [InlineData(Language.Traditional, 17, 30, "2025年12月5日（週五） 17:30")]
    [InlineData(Language.Simplified, 0, 0, "2025年12月5日（周五）")]
    [InlineData(Language.English, 23, 59, "Fri 5 Dec 2025")]
    [InlineData(Language.English, 9, 5, "Fri 5 Dec 2025, 09:05")]
    public void FormatDate_ShowsWeekdayAndTimeOnlyWhenGiven(Language language, int hour, int minute, string expected)
    {
        Assert.Equal(expected, CardText.For(language).FormatDate(Samples.Office(2025, 12, 5, hour, minute)));
    }

    [Fact]
    public void FormatDate_UsesTheOfficeOffsetItIsGiven()
    {
        // 2025-12-04 20:00 UTC is Friday 04:00 in an office at UTC+8.
        var officeTime = new DateTimeOffset(2025, 12, 4, 20, 0, 0, TimeSpan.Zero).ToOffset(Samples.OfficeOffset);

        Assert.Equal("2025年12月5日（週五） 04:00", CardText.For(Language.Traditional).FormatDate(officeTime));
    }

    [Theory]
    [InlineData(Language.Traditional, "已逾期 3 個工作日", "另有 45 條較早的記錄", "另有 5 項未列出")]
    [InlineData(Language.Simplified, "已逾期 3 个工作日", "另有 45 条较早的记录", "另有 5 项未列出")]
    [InlineData(Language.English, "3 working days overdue", "45 earlier entries not shown", "and 5 more")]
    public void Counts_ReadNaturally(Language language, string overdue, string moreHistory, string moreMatters)
    {
        var text = CardText.For(language);

        Assert.Equal(overdue, text.OverdueBy(3));
        Assert.Equal(moreHistory, text.MoreHistory(45));
        Assert.Equal(moreMatters, text.MoreMatters(5));
        Assert.Equal("", text.OverdueBy(0));
    }

    [Fact]
    public void English_SingularCounts()
    {
        var text = CardText.For(Language.English);

        Assert.Equal("1 working day overdue", text.OverdueBy(1));
        Assert.Equal("1 earlier entry not shown", text.MoreHistory(1));
    }

    [Fact]
    public void Simplified_HelpUsesNoTraditionalCommandWords()
    {
        var forms = string.Join(' ', CardText.For(Language.Simplified).HelpCommands.Select(c => c.Form + c.Example))
            + CardText.For(Language.Simplified).NewMatterFullForm;

        foreach (var traditional in new[] { "項", "簽", "進", "說", "辦", "幫", "會", "記", "標", "來", "領", "導", "號" })
        {
            Assert.DoesNotContain(traditional, forms, StringComparison.Ordinal);
        }
    }

    private static void AssertDistinct(IEnumerable<string> names)
    {
        var list = names.ToList();
        Assert.All(list, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(list.Count, list.Distinct().Count());
    }
}
