using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Commands;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Office;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Application.Tests;

/// <summary>
/// What a person reads back when a date or a text cannot be taken as written, through the real dispatcher on SQLite,
/// and that such a command stores nothing. The office clock is Thursday 2026-11-26 10:00 in Taipei.
/// </summary>
public sealed class DateReplyTests : IAsyncLifetime, IDisposable
{
    private const string Tenant = "tenant-a";
    private static readonly Person Director = new("d-1", "王主任");

    private SqliteOffice _office = null!;

    public async Task InitializeAsync() => _office = await SqliteOffice.StartAsync(Director.ObjectId);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _office.Dispose();

    [Theory]
    [InlineData("new Far future due 12/31/9999", "en-US", "\"12/31/9999\" is not a date I understand. Try \"Dec 5\", \"2027-01-21\"")]
    [InlineData("new Report due 2031-01-01garbage", "en-US", "\"2031-01-01garbage\" is not a date I understand.")]
    [InlineData("new Report due Feb 30", "en-US", "There is no such day as \"Feb 30\"")]
    [InlineData("新事項 報告 期限 2月30日", "zh-TW", "日曆上沒有「2月30日」這一天")]
    [InlineData("新事项 报告 期限 2月30日", "zh-CN", "日历上没有「2月30日」这一天")]
    [InlineData("new Report due 2032-01-01", "en-US", "more than 5 years away")]
    [InlineData("新事項 報告 期限 2032-01-01", "zh-TW", "超過 5 年")]
    [InlineData("新事项 报告 期限 2032-01-01", "zh-CN", "超过 5 年")]
    [InlineData("新事項 報告 期限 115年1月21日", "zh-TW", "期限「115年1月21日」已經過去")]
    [InlineData("new Report due: ", "en-US", "The due date is missing. Write it like \"Dec 5\"")]
    [InlineData("新事項 報告 期限： 急件", "zh-TW", "缺少期限日期")]
    public async Task NewWithDateThatCannotBeTaken_AnswersWhatWasWrongAndStoresNothing(string text, string locale, string expected)
    {
        var reply = await SendAsync(text, locale);

        Assert.Contains(expected, reply.Summary, StringComparison.Ordinal);
        Assert.Empty(await _office.Matters.OpenAsync(Tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData("新事項 公文回覆 期限 116年1月21日")]
    [InlineData("新事項 公文回覆 期限 民國116年1月21日")]
    [InlineData("新事项 公文回复 两周内", "2026-12-10")]
    [InlineData("新事項 公文回覆 期限一週內", "2026-12-03")]
    public async Task NewWithDateInAPromisedForm_RegistersThatDueDate(string text, string due = "2027-01-21")
    {
        await SendAsync(text, "zh-TW");

        var matter = Assert.Single(await _office.Matters.OpenAsync(Tenant, CancellationToken.None));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), matter.Due?.Date);
        Assert.DoesNotContain("期限", matter.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageOverLimit_AnswersWithTheLimit()
    {
        var reply = await SendAsync("新事項 " + new string('字', InputLimits.Message), "zh-TW");

        Assert.Contains($"最多 {InputLimits.Message} 字", reply.Summary, StringComparison.Ordinal);
        Assert.Empty(await _office.Matters.OpenAsync(Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task NoteOverLimit_AnswersWithTheLimit()
    {
        var reply = await SendAsync("progress #1 " + new string('x', InputLimits.Text + 1), "en-US");

        Assert.Contains($"({InputLimits.Text + 1} characters); keep it to {InputLimits.Text}", reply.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    public void EveryParseProblem_HasItsOwnTextInEveryLanguage(Language language)
    {
        var say = new Messages(language);
        var texts = Enum.GetValues<ParseErrorKind>().Select(kind => say.ParseProblem(new ParseError(kind, "new", "X"))).ToList();

        Assert.All(texts, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    private Task<Reply> SendAsync(string text, string locale) =>
        _office.SayAsync(Tenant, Director, text, locale);
}
