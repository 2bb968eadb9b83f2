using OfficeBot.Domain.Matters;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

/// <summary>
/// What a corpus of real office commands and probing the running bot found wrong (issue 6), each as the user sent it.
/// Now is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public class CorpusDefectTests
{
    [Theory]
    [InlineData("新事項 報告 期限 十天內", "2026-12-06")]
    [InlineData("新事項 報告 期限 一週內", "2026-12-03")]
    [InlineData("新事项 报告 期限 二十天内", "2026-12-16")]
    [InlineData("新事項 報告 十天內", "2026-12-06")]
    [InlineData("新事項 報告 一週內", "2026-12-03")]
    public void Parse_DurationInChineseNumerals_IsThatManyDaysFromToday(string text, string due)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(new Deadline(Date(due), null), matter.Due);
        Assert.Equal(text.Contains("报告") ? "报告" : "報告", matter.Title);
    }

    [Theory]
    [InlineData("新事项 年度报告期限一周内", "年度报告")]
    [InlineData("新事項 年度報告 期限一週內", "年度報告")]
    [InlineData("新事項 年度報告，期限十天內。", "年度報告")]
    public void Parse_DurationGluedToDueKeyword_IsTheDueDateNotPartOfTheTitle(string text, string title)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(title, matter.Title);
        Assert.NotNull(matter.Due);
    }

    [Theory]
    [InlineData("新事項 公文回覆 期限 116年1月21日")]
    [InlineData("新事項 公文回覆 期限 民國116年1月21日")]
    [InlineData("新事項 公文回覆 期限 民國 116年1月21日")]
    [InlineData("新事項 公文回覆 期限 116/1/21")]
    [InlineData("新事項 公文回覆 116年1月21日前")]
    [InlineData("新事項 公文回覆 2027年1月21日")]
    public void Parse_RocYear_IsGregorianYearPlus1911(string text)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal("公文回覆", matter.Title);
        Assert.Equal(new Deadline(Date("2027-01-21"), null), matter.Due);
    }

    [Fact]
    public void Parse_PastRocYear_IsDueInPast()
    {
        Assert.Equal("115年1月21日", Parse("新事項 公文回覆 期限 115年1月21日").Error(ParseErrorKind.DueInPast).Detail);
    }

    [Theory]
    [InlineData("新事項 經費核銷 下個月底", "經費核銷", "2026-12-31")]
    [InlineData("新事項 經費核銷 期限 下個月底", "經費核銷", "2026-12-31")]
    [InlineData("新事项 经费核销 期限 下个月底前", "经费核销", "2026-12-31")]
    [InlineData("新事項 經費核銷 月底前。", "經費核銷", "2026-11-30")]
    [InlineData("新事項 經費核銷！ 期限 明天", "經費核銷", "2026-11-27")]
    [InlineData("新事項 請盡快回覆。", "請盡快回覆", null)]
    [InlineData("新事項 經費核銷 明天前！", "經費核銷", "2026-11-27")]
    public void Parse_DateWordsAndSentenceEnd_AreNotLeftInTheTitle(string text, string title, string? due)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(title, matter.Title);
        Assert.Equal(due is null ? null : new Deadline(Date(due), null), matter.Due);
    }

    [Fact]
    public void Parse_CoKeywordInMixedScripts_IsCoHandler()
    {
        var matter = Parse("新事項 報告 主辦 <at>王小明</at> 会辦 <at>李大華</at>", Wang, Lee).Command<NewMatterCommand>();

        Assert.Equal("報告", matter.Title);
        Assert.Equal(Wang, matter.Lead);
        Assert.Equal([Lee], matter.CoHandlers);
    }

    [Theory]
    [InlineData("新事項 報告 领導交辦", MatterSource.Leader)]
    [InlineData("新事項 報告 上级交辦", MatterSource.UpperOffice)]
    [InlineData("新事项 报告 來源 部門转办", MatterSource.Department)]
    public void Parse_SourceInMixedScripts_IsThatSource(string text, MatterSource source)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal(source, matter.Source);
        Assert.Equal(text.Contains("报告") ? "报告" : "報告", matter.Title);
    }

    [Theory]
    [InlineData("新事项 报告 文號 府办字第1号", "府办字第1号")]
    public void Parse_DocumentNumberKeywordInMixedScripts_KeepsTheNumberAsTyped(string text, string number)
    {
        Assert.Equal(number, Parse(text).Command<NewMatterCommand>().DocumentNumber);
    }

    [Theory]
    [InlineData("轉办 #3 <at>王小明</at>", typeof(TransferCommand))]
    [InlineData("进度 #3 初稿已送出", typeof(ProgressCommand))]
    [InlineData("辦结 #3", typeof(AskCompletionCommand))]
    [InlineData("催办 #3", typeof(UrgeCommand))]
    public void Parse_CommandWordInMixedScripts_IsTheCommand(string text, Type command)
    {
        Assert.IsType(command, Parse(text, Wang).Command);
    }

    [Fact]
    public void Parse_CommandWordInMixedScriptsWithError_ShowsThatCommandsForm()
    {
        var error = Parse("轉办 #3").Error(ParseErrorKind.MissingPerson);

        Assert.Equal(CommandVerb.Transfer, CommandParser.VerbOf(error.CommandWord));
    }

    [Theory]
    [InlineData("new Budget report lead Bob", "Bob")]
    [InlineData("new Budget report lead: bob", "bob")]
    [InlineData("new Budget report lead 王小明 due Friday", "王小明")]
    [InlineData("new Budget report co Alice", "Alice")]
    public void Parse_PlainNameAfterEnglishLead_AsksForMentionLikeTheChineseForm(string text, string name)
    {
        Assert.Equal(name, Parse(text).Error(ParseErrorKind.UnknownMention).Detail);
        Assert.Equal("王小明", Parse("新事項 預算報告 主辦 王小明").Error(ParseErrorKind.UnknownMention).Detail);
    }

    [Theory]
    [InlineData("new Lead the audit", "Lead the audit")]
    [InlineData("new Take the lead on budget", "Take the lead on budget")]
    [InlineData("new Meeting with co workers", "Meeting with co workers")]
    public void Parse_LeadOrCoAsOrdinaryWord_StaysInTitle(string text, string title)
    {
        Assert.Equal(title, Parse(text).Command<NewMatterCommand>().Title);
    }

    [Theory]
    [InlineData("new Far future due 12/31/9999", "12/31/9999")]
    [InlineData("new Report due 2031-01-01garbage", "2031-01-01garbage")]
    [InlineData("extend #3 12/31/9999", "12/31/9999")]
    [InlineData("新事項 報告 期限 12月5日abc", "12月5日abc")]
    public void Parse_PartlyReadDate_IsRefusedWholeNotHalfApplied(string text, string detail)
    {
        Assert.Equal(detail, Parse(text).Error(ParseErrorKind.UnrecognisedDate).Detail);
    }

    [Theory]
    [InlineData("new Report due Feb 30", "Feb 30")]
    [InlineData("new Report due 30 Feb", "30 Feb")]
    [InlineData("新事項 報告 期限 2月30日", "2月30日")]
    [InlineData("新事項 報告 期限 2027-02-29", "2027-02-29")]
    [InlineData("新事項 報告 期限 4/31", "4/31")]
    [InlineData("新事項 報告 期限 13月5日", "13月5日")]
    [InlineData("延期 #3 2月30日", "2月30日")]
    public void Parse_ImpossibleDate_IsRefusedNotMovedToMonthEnd(string text, string detail)
    {
        Assert.Equal(detail, Parse(text).Error(ParseErrorKind.ImpossibleDate).Detail);
    }

    [Theory]
    [InlineData("new Far future due 9999-12-31", "9999-12-31")]
    [InlineData("新事項 報告 期限 2032-01-01", "2032-01-01")]
    [InlineData("新事項 報告 期限 民國200年1月1日", "民國200年1月1日")]
    [InlineData("延期 #3 2040年1月1日", "2040年1月1日")]
    [InlineData("extend #3 within 100 months", "within 100 months")]
    [InlineData("extend #3 within 9999 months", "within 9999 months")]
    [InlineData("新事項 報告 期限 99999999天內", "99999999天")]
    public void Parse_DueBeyondHorizon_IsDueTooFar(string text, string detail)
    {
        Assert.Equal(detail, Parse(text).Error(ParseErrorKind.DueTooFar).Detail);
    }

    [Fact]
    public void Parse_DueOnLastDayOfHorizon_IsAccepted()
    {
        Assert.Equal(new Deadline(Date("2031-11-26"), null), Parse("new Report due 2031-11-26").Command<NewMatterCommand>().Due);
    }

    [Fact]
    public void Parse_Feb29InLeapYear_IsAccepted()
    {
        Assert.Equal(new Deadline(Date("2028-02-29"), null), Parse("新事項 報告 期限 2028-02-29").Command<NewMatterCommand>().Due);
    }

    [Theory]
    [InlineData("new Report the day after tomorrow", "2026-11-28")]
    [InlineData("new Report due the day after tomorrow", "2026-11-28")]
    public void Parse_LongerPhraseEndingInACommonForm_IsReadWhole(string text, string due)
    {
        var matter = Parse(text).Command<NewMatterCommand>();

        Assert.Equal("Report", matter.Title);
        Assert.Equal(new Deadline(Date(due), null), matter.Due);
    }
}
