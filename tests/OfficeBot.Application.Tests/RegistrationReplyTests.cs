using System.Text.Json.Nodes;
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
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Application.Tests;

/// <summary>
/// What a person reads when a matter is registered or its due date moved: a success that looks like one, the next step
/// named by the button the card shows, and a word when the due date falls on a day off. Through the real dispatcher on
/// SQLite; the office clock is Thursday 2026-11-26 10:00 in Taipei, so 2026-12-12 is a Saturday.
/// </summary>
public sealed class RegistrationReplyTests : IAsyncLifetime, IDisposable
{
    private const string Tenant = "tenant-a";
    private static readonly Person Director = new("d-1", "王主任");
    private static readonly Person Staff = new("s-1", "陳小美");

    private SqliteOffice _office = null!;

    public async Task InitializeAsync() => _office = await SqliteOffice.StartAsync(Director.ObjectId);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _office.Dispose();

    [Theory]
    [InlineData("new Budget report", "en-US", "Registered #1. Press \"Instruct\" to name its lead and start it.", "Instruct")]
    [InlineData("新事項 預算報告", "zh-TW", "已登記 #1。按「批辦」指定主辦人即開始辦理。", "批辦")]
    [InlineData("新事项 预算报告", "zh-CN", "已登记 #1。点「批办」指定主办人即开始办理。", "批办")]
    public async Task New_ByDirectorWithoutLead_ReadsAsSuccessAndPointsAtTheInstructButton(string text, string locale, string notice, string button)
    {
        var reply = await SendAsync(Director, text, locale);

        var card = reply.Card.ToJsonObject();
        var box = card["body"]![0]!;
        Assert.Equal(notice, box["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("good", box["style"]!.GetValue<string>());
        Assert.Null(box["items"]![0]!["color"]);
        Assert.Single(box["items"]!.AsArray());
        Assert.Contains(Nodes(card), n => n is JsonObject o && o["title"]?.GetValue<string>() == button);
    }

    [Fact]
    public async Task New_ByStaffWithoutLead_ReadsAsSuccessAndSaysTheDirectorInstructs()
    {
        var reply = await SendAsync(Staff, "new Budget report", "en-US");

        var box = reply.Card.ToJsonObject()["body"]![0]!;
        Assert.Equal("Registered #1. It waits for the director's instruction.", box["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("good", box["style"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("new Budget report due 2026-12-12", "en-US", "Due on a Saturday — Friday 11 Dec is the last working day before it.")]
    [InlineData("new Budget report due Dec 13", "en-US", "Due on a Sunday — Friday 11 Dec is the last working day before it.")]
    [InlineData("新事項 預算報告 期限 12月12日", "zh-TW", "期限是星期六——此前最後一個工作日是12月11日（星期五）。")]
    [InlineData("新事项 预算报告 期限 12月13日", "zh-CN", "期限是星期日——此前最后一个工作日是12月11日（星期五）。")]
    public async Task New_DueOnAWeekend_IsRegisteredWithANoteNamingTheWorkingDayBefore(string text, string locale, string note)
    {
        var reply = await SendAsync(Director, text, locale);

        var items = reply.Card.ToJsonObject()["body"]![0]!["items"]!.AsArray();
        Assert.Equal(note, items[1]!["text"]!.GetValue<string>());
        Assert.Contains("#1", reply.Summary);
    }

    [Theory]
    [InlineData("new Budget report due 2026-12-11")]
    [InlineData("new Budget report")]
    public async Task New_DueOnAWorkingDayOrNoDue_HasNoNote(string text)
    {
        var reply = await SendAsync(Director, text, "en-US");

        Assert.Single(reply.Card.ToJsonObject()["body"]![0]!["items"]!.AsArray());
    }

    [Fact]
    public async Task Extend_ToASaturday_IsTakenWithTheNote()
    {
        await SendAsync(Director, "new Budget report due 2026-12-10", "en-US");

        var reply = await SendAsync(Director, "extend #1 2026-12-19 waiting for figures", "en-US");

        var items = reply.Card.ToJsonObject()["body"]![0]!["items"]!.AsArray();
        Assert.Equal("Due date of #1 moved.", items[0]!["text"]!.GetValue<string>());
        Assert.Equal("Due on a Saturday — Friday 18 Dec is the last working day before it.", items[1]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Traditional)]
    [InlineData(Language.Simplified)]
    public void DayOffNote_EveryLanguage_HasItsText(Language language)
    {
        var say = new Messages(language);

        Assert.False(string.IsNullOrWhiteSpace(say.DayOffNote(new DueDate(new DateOnly(2026, 12, 12)), WorkingCalendar.WeekdaysOnly)));
        Assert.Null(say.DayOffNote(new DueDate(new DateOnly(2026, 12, 11)), WorkingCalendar.WeekdaysOnly));
        Assert.Null(say.DayOffNote(null, WorkingCalendar.WeekdaysOnly));
    }

    private Task<Reply> SendAsync(Person sender, string text, string locale) =>
        _office.SayAsync(Tenant, sender, text, locale);

    private static IEnumerable<JsonNode> Nodes(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Nodes)],
        JsonArray a => a.OfType<JsonNode>().SelectMany(Nodes),
        _ => [node],
    };
}
