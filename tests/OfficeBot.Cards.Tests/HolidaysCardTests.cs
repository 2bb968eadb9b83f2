using OfficeBot.Cards.Builders;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

public sealed class HolidaysCardTests
{
    private static readonly CalendarDay[] SpringFestival =
    [
        .. Enumerable.Range(15, 9).Select(d => new CalendarDay(new DateOnly(2026, 2, d), "春节", CalendarDayKind.Holiday)),
        new CalendarDay(new DateOnly(2026, 2, 14), "春节调休上班", CalendarDayKind.MakeUpWorkday),
        new CalendarDay(new DateOnly(2026, 2, 28), "春节调休上班", CalendarDayKind.MakeUpWorkday),
    ];

    [Fact]
    public void Build_ConsecutiveDaysOfOneHoliday_ReadAsOneRowInDateOrder()
    {
        var texts = Rendered.Of(HolidaysCard.Build("未来 60 天", SpringFestival, Language.Simplified, "没有")).Texts;

        Assert.Equal(["未来 60 天", "2月14日（周六）", "春节调休上班", "调休上班", "2月15日（周日） – 2月23日（周一）", "春节", "放假",
            "2月28日（周六）", "春节调休上班", "调休上班"], texts);
    }

    [Theory]
    [InlineData(Language.Traditional, "補班")]
    [InlineData(Language.English, "Make-up working day")]
    public void Build_MakeUpDay_IsLabelledInTheUsersLanguage(Language language, string label)
    {
        var card = HolidaysCard.Build("heading", [new CalendarDay(new DateOnly(2026, 2, 14), "", CalendarDayKind.MakeUpWorkday)], language, "none");

        Assert.Contains(label, Rendered.Of(card).Texts);
        CardSchema.AssertValid(card);
    }

    [Fact]
    public void Build_NoDays_ShowsTheEmptyText()
    {
        var texts = Rendered.Of(HolidaysCard.Build("Days off", [], Language.English, "Nothing coming up")).Texts;

        Assert.Equal(["Days off", "Nothing coming up"], texts);
    }
}
