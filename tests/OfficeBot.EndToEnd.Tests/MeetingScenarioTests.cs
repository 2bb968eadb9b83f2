using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.EndToEnd.Tests;

/// <summary>
/// Issue 9 in real clients: 陳小美 of 秘書處 asks in the group chat for a meeting with 李局長 tomorrow 10:00–11:00, when
/// his iCalendar feed already has 市政會議; her card names the conflict and offers free alternatives, 王主任's chat gets
/// the request to decide, he moves it to the first alternative from his card, the card says approved at the new time and
/// 陳小美 hears of it; 李局長's agenda for that day shows both. What is asserted is what each person's page shows.
/// Screenshots go to the gallery with OFFICEBOT_UPDATE_CARD_GALLERY=1.
/// </summary>
[Collection(OfficeFixture.Collection)]
public sealed partial class MeetingScenarioTests(OfficeFixture office)
{
    private const string Title = "預算審查";

    private readonly List<string> _gallery = [];

    [Fact]
    public async Task Request_CollidingWithTheLeadersCalendar_TheDirectorMovesItToAnAlternative_AndTheAgendaShowsBoth()
    {
        var (requester, director) = (Office.Mei, Office.Director);
        var (eventTitle, eventStart, eventEnd) = Office.LeaderEvent;
        var day = Office.Tomorrow;
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The leader is busy 10:00–11:00 and keeps a 15-minute buffer: the first free hour that day starts at 11:15.
        var busy = $"{eventStart:HH:mm}–{eventEnd:HH:mm}";
        var alternative = $"{day.ToString("ddd d MMM", CultureInfo.InvariantCulture)} 11:15–12:15";

        await office.SayInGroupAsync(requester, $"@OfficeBot meeting {Title} {date} {eventStart:HH:mm}-{eventEnd:HH:mm} leaders @李局長 room {Office.Room}");
        var request = await office.WaitForCardAsync(requester, Title, chat: Chat.Group);
        var asked = await request.InnerTextAsync();
        var number = MeetingNumber().Match(asked).Value;
        Assert.False(string.IsNullOrEmpty(number), $"The request's card shows no meeting number:{Environment.NewLine}{asked}");
        Assert.Contains("Awaiting approval", asked);
        Assert.Contains("1 conflict", asked);
        Assert.Contains($"李局長 is busy: {eventTitle} {busy}", asked);
        Assert.Contains(Office.Room, asked);
        Assert.Contains(Office.Department, asked);
        Assert.Contains("Free alternatives", asked);
        Assert.Contains(alternative, asked);
        await Snap(requester, "30-meeting-request-conflict", request);

        // The director's personal chat gets the request to decide, with the conflict and a button per alternative;
        // with a conflict on it, plain "Approve" is not offered.
        var toDecide = await office.WaitForCardAsync(director, number);
        var decide = await toDecide.InnerTextAsync();
        Assert.Contains("waits for your decision", decide);
        Assert.Contains($"{eventTitle} {busy}", decide);
        Assert.Equal(0, await toDecide.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).CountAsync());
        Assert.True(await toDecide.GetByRole(AriaRole.Button, new() { Name = "Approve anyway", Exact = true }).IsVisibleAsync(), "No \"Approve anyway\" on the director's card.");
        Assert.True(await toDecide.GetByRole(AriaRole.Button, new() { Name = "Move to " + alternative, Exact = true }).IsVisibleAsync(),
            $"No \"Move to {alternative}\" on the director's card.");
        await Snap(director, "31-meeting-director-decides", toDecide);

        await office.ClickAsync(director, number, "Move to " + alternative);
        await office[director].WaitForNoButtonAsync(number, "Approve anyway");
        var moved = await office.WaitForCardAsync(director, number);
        var approved = await moved.InnerTextAsync();
        Assert.Contains("Approved", approved);
        Assert.Contains("王主任", approved);
        Assert.Contains("11:15–12:15", approved);
        Assert.Contains("No conflicts found", approved);
        Assert.DoesNotContain("Move to", approved);
        await Snap(director, "32-meeting-moved-approved", moved);

        // The requester hears of the decision in her personal chat; the card she asked from in the group chat is redrawn.
        var decision = await office.WaitForCardAsync(requester, number);
        var heard = await decision.InnerTextAsync();
        Assert.Contains("moved from", heard);
        Assert.Contains("11:15–12:15", heard);
        Assert.Contains("Approved", heard);
        await office[requester].WaitForEveryCardAsync(number, "11:15–12:15", Chat.Group);

        await office.SayInGroupAsync(director, $"@OfficeBot agenda @李局長 {date}");
        var agenda = await office.WaitForCardAsync(director, "李局長's agenda", chat: Chat.Group);
        var shown = await agenda.InnerTextAsync();
        Assert.Contains(eventTitle, shown);
        Assert.Contains(busy, shown);
        Assert.Contains(Title, shown);
        Assert.Contains("11:15–12:15", shown);

        // The Playground scrolls a new message in with an animation; a shot taken during it is blurred.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Snap(director, "33-leader-agenda", agenda);
        OfficeFixture.PublishToGallery(_gallery);
    }

    private async Task Snap(PlaygroundUser person, string name, ILocator card) => _gallery.Add(await office.ScreenshotAsync(person, name, card));

    [GeneratedRegex(@"\bM\d+\b")]
    private static partial Regex MeetingNumber();
}
