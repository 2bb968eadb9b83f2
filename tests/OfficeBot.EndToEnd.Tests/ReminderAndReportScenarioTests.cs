using System.Text.RegularExpressions;

namespace OfficeBot.EndToEnd.Tests;

/// <summary>
/// The bot speaking on its own, in real clients: two matters due today are registered for 林阿偉 after the morning's
/// reminder time, and without anyone typing his Playground shows one automatic reminder list naming both (a minute's
/// reminders are gathered into one message); Show opens a matter's card. Then the director's 通報 (report) card, as far
/// as the Playground draws it.
/// Screenshots go to the gallery with OFFICEBOT_UPDATE_CARD_GALLERY=1.
/// </summary>
[Collection(OfficeFixture.Collection)]
public sealed partial class ReminderAndReportScenarioTests(OfficeFixture office)
{
    private const string First = "Reminder demo: press release";
    private const string Second = "Reminder demo: venue booking";

    [Fact]
    public async Task MattersDueToday_TheLeadGetsOneReminderListWithoutAnyoneTyping_AndTheDirectorsReportCountsThem()
    {
        // Both registrations fall in one minute (the digest window), so their reminders are one message.
        var second = DateTimeOffset.UtcNow.Second;
        if (second > 2)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second));
        }

        await office.SayInGroupAsync(Office.Mei, $"@OfficeBot new {First} lead @林阿偉 due today");
        await office.WaitForCardAsync(Office.Mei, First, chat: Chat.Group);
        await office.SayInGroupAsync(Office.Mei, $"@OfficeBot new {Second} lead @林阿偉 due today");
        await office.WaitForCardAsync(Office.Mei, Second, chat: Chat.Group);

        var list = await office.WaitForCardAsync(Office.Wei, "Automatic reminders: 2 matters need you", TimeSpan.FromSeconds(120));
        var text = await list.InnerTextAsync();
        Assert.Contains(First, text);
        Assert.Contains(Second, text);
        Assert.Contains("due today", text);
        var gallery = new List<string> { await office.ScreenshotAsync(Office.Wei, "20-reminder-list", list) };

        // Show sends "show #n" for the row, as if typed: the matter's own card comes back below, the list stays.
        await office.ClickAsync(Office.Wei, "Automatic reminders: 2 matters need you", "Show");
        var shown = await office.WaitForCardAsync(Office.Wei, "Acknowledge");
        Assert.Matches(new Regex("Reminder demo"), await shown.InnerTextAsync());

        // The Playground scrolls a new message in with an animation; a shot taken during it is blurred.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await office.ScreenshotAsync(Office.Wei, "21-reminder-show", shown);

        await office.SayAsync(Office.Director, "report");
        var report = await office.WaitForCardAsync(Office.Director, "Supervision report");
        var counted = await report.InnerTextAsync();
        // The Playground leaves out Adaptive Cards 1.5 tables (the week-on-week, per-lead and per-department tables),
        // which Teams draws; their contents are checked through the HTTP pipeline (OfficeBot.Web.Tests, ReportTests).
        Assert.Matches(new Regex(@"\d+ open matters"), counted);
        Assert.Contains("Due soon", counted);
        Assert.Contains("Completed on time", counted);
        gallery.Add(await office.ScreenshotAsync(Office.Director, "22-supervision-report", report));
        OfficeFixture.PublishToGallery(gallery);
    }
}
