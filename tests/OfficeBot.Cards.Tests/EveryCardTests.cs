using System.Text;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using Xunit.Abstractions;

namespace OfficeBot.Cards.Tests;

/// <summary>Every builder, in every language, with the heaviest data a card must bear: valid and small enough for Teams.</summary>
public class EveryCardTests(ITestOutputHelper output)
{
    public static TheoryData<string, Language> Cases()
    {
        var data = new TheoryData<string, Language>();
        foreach (var builder in Builders.Keys)
        {
            foreach (var language in Samples.Languages)
            {
                data.Add(builder, language);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<Language, AdaptiveCard>> Builders = new()
    {
        ["matter"] = language => MatterCard.Build(Samples.Heavy(), language, HeavyActions(), HeavyRefresh()),
        ["matter-closed"] = language => MatterCard.Build(Samples.Heavy() with { Status = MatterStatus.Archived, Light = TrafficLight.None }, language),
        ["matter-plain"] = language => MatterCard.Build(Samples.Plain(), language),
        ["list"] = language => MatterListCard.Build(Samples.Awkward, Enumerable.Range(1, 40).Select(Samples.Heavy).ToList(), language, Samples.Awkward),
        ["list-empty"] = language => MatterListCard.Build(Samples.Awkward, [], language, Samples.Awkward),
        ["reminder-list"] = language => ReminderListCard.Build(Enumerable.Range(1, 60).Select(n => new ReminderListItem(Samples.Heavy(n), Samples.Repeat(Samples.Awkward, 400))).ToList(), language),
        ["help"] = HelpCard.Build,
        ["holidays"] = language => HolidaysCard.Build(Samples.Awkward, Enumerable.Range(0, 200)
            .Select(i => new CalendarDay(new DateOnly(2026, 1, 1).AddDays(i * 2), Samples.Repeat(Samples.Awkward, 500), i % 3 == 0 ? CalendarDayKind.MakeUpWorkday : CalendarDayKind.Holiday))
            .ToList(), language, Samples.Awkward),
        ["holidays-empty"] = language => HolidaysCard.Build(Samples.Awkward, [], language, Samples.Awkward),
        ["report"] = language => ReportCard.Build(ReportCardTests.Huge(), language),
        ["report-1000-leads"] = language => ReportCard.Build(ReportCardTests.PlainHuge(), language),
        ["report-empty"] = language => ReportCard.Build(ReportCardTests.Huge(departments: 0, matters: 0), language),
        ["error"] = language => ErrorCard.Build(language, Samples.Repeat(Samples.Awkward, 50_000), Samples.Repeat(Samples.Awkward, 50_000), Samples.Awkward),
        ["notice"] = language => NoticeCard.Build(language, Samples.Repeat(Samples.Awkward, 50_000)),
        ["meeting"] = language => MeetingCard.Build(MeetingSamples.Heavy().View, language, MeetingSamples.Heavy().Context),
        ["meeting-neutral"] = language => MeetingCard.Build(MeetingSamples.Plain(), language, Views.MeetingCardContext.Neutral),
        ["agenda-week"] = language => AgendaCard.Build(MeetingSamples.Week() with { Unavailable = [Samples.Repeat(Samples.Awkward, 500)] }, language),
        ["agenda-empty"] = language => AgendaCard.Build(MeetingSamples.Week(perDay: 0), language),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_HeavyData_ValidAndUnder28KB(string builder, Language language)
    {
        var card = Builders[builder](language);

        CardSchema.AssertValid(card);
        var bytes = Encoding.UTF8.GetByteCount(card.ToJson());
        output.WriteLine($"{builder} {language}: {bytes} bytes");
        Assert.Equal(bytes, card.Utf8Size());
        Assert.True(bytes < CardSchema.MaxCardBytes, $"{builder} in {language} is {bytes} bytes");
    }

    // Per-role buttons arrive with the next issue; a full set here proves the card still fits.
    private static List<CardAction> HeavyActions()
    {
        var data = new { MatterNumber = 9999, Revision = 57 };
        return
        [
            new ExecuteAction { Verb = "matter.progress", Title = "回報進度", Data = data },
            new ExecuteAction { Verb = "matter.complete", Title = "申請辦結", Data = data, Style = ActionStyle.Positive },
            new ShowCardAction
            {
                Title = "申請延期",
                Card = new AdaptiveCard
                {
                    Version = null,
                    Body = [new DateInput { Id = "due", Label = "新期限" }, new TextInput { Id = "reason", Label = "理由", IsMultiline = true }],
                    Actions = [new ExecuteAction { Verb = "matter.extend", Title = "送出", Data = data }],
                },
            },
            new ExecuteAction { Verb = "matter.transfer", Title = "申請轉辦", Data = data, Mode = ActionMode.Secondary },
        ];
    }

    private static CardRefresh HeavyRefresh() => new()
    {
        Action = new ExecuteAction { Verb = "matter.refresh", Data = new { MatterNumber = 9999 } },
        UserIds = Enumerable.Range(1, 60).Select(i => Guid.NewGuid().ToString()).ToList(),
    };
}
