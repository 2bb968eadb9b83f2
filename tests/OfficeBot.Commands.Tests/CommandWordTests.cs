using OfficeBot.Domain.Office;
using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class CommandWordTests
{
    [Theory]
    [InlineData("我的事項", MatterListKind.Mine)]
    [InlineData("我的事项", MatterListKind.Mine)]
    [InlineData("我的", MatterListKind.Mine)]
    [InlineData("my", MatterListKind.Mine)]
    [InlineData("Mine", MatterListKind.Mine)]
    [InlineData("MY matters", MatterListKind.Mine)]
    [InlineData("逾期", MatterListKind.Overdue)]
    [InlineData("overdue", MatterListKind.Overdue)]
    [InlineData("OverDue", MatterListKind.Overdue)]
    [InlineData("待審核", MatterListKind.AwaitingReview)]
    [InlineData("待审核", MatterListKind.AwaitingReview)]
    [InlineData("review", MatterListKind.AwaitingReview)]
    [InlineData("\u3000逾期\u3000", MatterListKind.Overdue)]
    public void Parse_ListCommandWord_GivesThatList(string text, MatterListKind expected)
    {
        Assert.Equal(new ListMattersCommand(expected), Parse(text).Command<ListMattersCommand>());
    }

    [Theory]
    [InlineData("查看 #12", typeof(ShowMatterCommand))]
    [InlineData("查看#12", typeof(ShowMatterCommand))]
    [InlineData("查看 ＃12", typeof(ShowMatterCommand))]
    [InlineData("查看12", typeof(ShowMatterCommand))]
    [InlineData("show #12", typeof(ShowMatterCommand))]
    [InlineData("SHOW #12", typeof(ShowMatterCommand))]
    [InlineData("view 12", typeof(ShowMatterCommand))]
    [InlineData("簽收 #12", typeof(AcknowledgeCommand))]
    [InlineData("签收 #12", typeof(AcknowledgeCommand))]
    [InlineData("ack #12", typeof(AcknowledgeCommand))]
    [InlineData("Acknowledge 12", typeof(AcknowledgeCommand))]
    [InlineData("辦結 #12", typeof(AskCompletionCommand))]
    [InlineData("办结 #12", typeof(AskCompletionCommand))]
    [InlineData("Done #12", typeof(AskCompletionCommand))]
    [InlineData("complete #12", typeof(AskCompletionCommand))]
    [InlineData("催辦 #12", typeof(UrgeCommand))]
    [InlineData("催办#12", typeof(UrgeCommand))]
    [InlineData("URGE #12", typeof(UrgeCommand))]
    public void Parse_NumberedCommandWord_GivesCommandForThatMatter(string text, Type expected)
    {
        var result = Parse(text);

        Assert.Null(result.Error);
        Assert.IsType(expected, result.Command);
        Assert.Equal(12, NumberOf(result.Command));
    }

    private static int NumberOf(Command? command) => command switch
    {
        ShowMatterCommand c => c.Number,
        AcknowledgeCommand c => c.Number,
        AskCompletionCommand c => c.Number,
        UrgeCommand c => c.Number,
        _ => -1,
    };

    [Theory]
    [InlineData("幫助")]
    [InlineData("帮助")]
    [InlineData("help")]
    [InlineData("HELP new")]
    [InlineData("?")]
    [InlineData("？")]
    public void Parse_HelpWord_GivesAskedHelp(string text)
    {
        Assert.Equal(new HelpCommand(Asked: true), Parse(text).Command<HelpCommand>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("你好")]
    [InlineData("hello there")]
    [InlineData("我的天啊")]
    [InlineData("逾期了怎麼辦")]
    [InlineData("address book please")]
    [InlineData("newsletter is out")]
    [InlineData("<p></p>")]
    public void Parse_FreeText_GivesUnaskedHelpNotAnError(string text)
    {
        Assert.Equal(new HelpCommand(Asked: false), Parse(text).Command<HelpCommand>());
    }

    [Fact]
    public void Parse_NullText_GivesUnaskedHelp()
    {
        var result = Parser.Parse(new ParseInput(null!, [], Now, Zone));

        Assert.Equal(new HelpCommand(Asked: false), result.Command);
    }

    [Theory]
    [InlineData("新事項 報告", TextScript.Traditional)]
    [InlineData("新事项 报告", TextScript.Simplified)]
    [InlineData("new report", TextScript.English)]
    [InlineData("查看 #3", TextScript.Chinese)]
    [InlineData("延期 #3 下周五 出差", TextScript.Simplified)]
    [InlineData("延期 #3 下週五 出差", TextScript.Traditional)]
    [InlineData("?", TextScript.Unclear)]
    [InlineData("這是什麼", TextScript.Traditional)]
    public void Parse_AnyCommand_ReportsTheScriptTheTextTells(string text, TextScript expected)
    {
        var result = Parser.Parse(new ParseInput(text, [], Now, Zone));

        Assert.Equal(expected, result.Written);
    }

    [Theory]
    [InlineData("簽收 #12", "签收 #12")]
    [InlineData("進度 #3 已完成初稿", "进度 #3 已完成初稿")]
    [InlineData("辦結 #3", "办结 #3")]
    [InlineData("催辦 #3", "催办 #3")]
    [InlineData("轉辦 #3 <at>王小明</at>", "转办 #3 <at>王小明</at>")]
    [InlineData("我的事項", "我的事项")]
    [InlineData("待審核", "待审核")]
    [InlineData("幫助", "帮助")]
    [InlineData("新事項 年度預算 主辦 <at>王小明</at> 期限 下週五前 急件 來源 領導交辦 文號 A-1", "新事项 年度預算 主办 <at>王小明</at> 期限 下周五前 急件 来源 领导交办 文号 A-1")]
    [InlineData("交辦 年度預算 會辦 <at>王小明</at> 期限 三天內", "交办 年度預算 会办 <at>王小明</at> 期限 三天内")]
    [InlineData("新增事項 年度預算 上級交辦 特急", "新增事项 年度預算 上级交办 特急")]
    public void Parse_TraditionalAndSimplifiedForms_GiveSameCommand(string traditional, string simplified)
    {
        var fromTraditional = Parse(traditional, Wang);
        var fromSimplified = Parse(simplified, Wang);

        Assert.NotNull(fromTraditional.Command);
        Assert.Equal(fromTraditional.Command, fromSimplified.Command);
    }

    [Fact]
    public void Parse_FullWidthSpacesColonsAndDigits_AreAccepted()
    {
        var show = Parse("查看\u3000＃１２").Command<ShowMatterCommand>();
        var matter = Parse("新事項：預算報告\u3000期限：明天").Command<NewMatterCommand>();

        Assert.Equal(12, show.Number);
        Assert.Equal("預算報告", matter.Title);
        Assert.Equal(new Deadline(Date("2026-11-27"), null), matter.Due);
    }

    [Fact]
    public void Parse_FailedCommand_ReportsCanonicalCommandWordWithItsVerb()
    {
        var error = Parse("SHOW").Error(ParseErrorKind.MissingMatterNumber);

        Assert.Equal("show", error.CommandWord);
        Assert.Equal(CommandVerb.Show, CommandParser.VerbOf(error.CommandWord));
        Assert.Equal(CommandVerb.New, CommandParser.VerbOf("新增事項"));
    }
}
