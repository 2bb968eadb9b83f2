using static OfficeBot.Commands.Tests.Office;

namespace OfficeBot.Commands.Tests;

public class NumberedCommandTests
{
    [Theory]
    [InlineData("進度 #3 已完成初稿", "已完成初稿")]
    [InlineData("进度#3：已完成初稿", "已完成初稿")]
    [InlineData("progress #3 Draft  sent to  finance", "Draft sent to finance")]
    [InlineData("Progress 3 draft sent", "draft sent")]
    [InlineData("進度 #3 已請<at>王小明</at>覆核", "已請王小明覆核")]
    public void Parse_ProgressWithText_GivesProgress(string text, string expected)
    {
        Assert.Equal(new ProgressCommand(3, expected), Parse(text, Wang).Command<ProgressCommand>());
    }

    [Theory]
    [InlineData("辦結 #3", null)]
    [InlineData("辦結 #3 已函復", "已函復")]
    [InlineData("done #3 all filed", "all filed")]
    public void Parse_DoneWithOptionalText_AsksCompletion(string text, string? expected)
    {
        Assert.Equal(new AskCompletionCommand(3, expected), Parse(text).Command<AskCompletionCommand>());
    }

    [Theory]
    [InlineData("催辦 #3", null)]
    [InlineData("催辦 #3 請今天回覆", "請今天回覆")]
    [InlineData("urge 3 please reply today", "please reply today")]
    public void Parse_UrgeWithOptionalText_GivesUrge(string text, string? expected)
    {
        Assert.Equal(new UrgeCommand(3, expected), Parse(text).Command<UrgeCommand>());
    }

    [Theory]
    [InlineData("轉辦 #12 <at>王小明</at>", null)]
    [InlineData("轉辦 #12 <at>王小明</at> 非本部門業務", "非本部門業務")]
    [InlineData("转办 #12 给<at>王小明</at> 理由：非本部门业务", "非本部门业务")]
    [InlineData("transfer #12 to <at>王小明</at> because wrong team", "wrong team")]
    public void Parse_TransferWithMention_GivesTransferToThatPerson(string text, string? reason)
    {
        Assert.Equal(new TransferCommand(12, Wang, reason), Parse(text, Wang).Command<TransferCommand>());
    }

    [Theory]
    [InlineData("延期 #3 12月5日", "2026-12-05", null)]
    [InlineData("延期 #3 到下週五 因為資料未到", "2026-12-04", "資料未到")]
    [InlineData("延期 #3 出差 延至12月5日", "2026-12-05", "出差")]
    [InlineData("延期 #3 三天內", "2026-11-29", null)]
    [InlineData("extend #3 to Dec 5 waiting for data", "2026-12-05", "waiting for data")]
    [InlineData("extend #3 next Friday", "2026-12-04", null)]
    public void Parse_ExtendWithDate_GivesNewDueAndReason(string text, string date, string? reason)
    {
        Assert.Equal(
            new ExtendCommand(3, new Deadline(Date(date), null), reason),
            Parse(text).Command<ExtendCommand>());
    }

    [Fact]
    public void Parse_ExtendWithTime_KeepsTime()
    {
        var extend = Parse("延期 #3 明天下午三點").Command<ExtendCommand>();

        Assert.Equal(new Deadline(Date("2026-11-27"), new TimeOnly(15, 0)), extend.NewDue);
    }
}
