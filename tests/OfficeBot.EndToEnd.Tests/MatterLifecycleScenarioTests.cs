using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OfficeBot.EndToEnd.Tests;

/// <summary>
/// Issue 3's scenario, every step done from a card in the person's own Playground: registration in the group chat, the
/// co-handler accepts and gives an opinion, the lead reports progress and asks completion, the director rejects once
/// with a reason and then approves, and in the end no card anywhere still shows the matter open.
/// Each step's card is saved as a screenshot; with OFFICEBOT_UPDATE_CARD_GALLERY=1 they also go to docs/cards.
/// </summary>
[Collection(OfficeFixture.Collection)]
public sealed partial class MatterLifecycleScenarioTests(OfficeFixture office)
{
    private const string Title = "Annual work plan";

    private readonly List<string> _gallery = [];

    [Fact]
    public async Task Matter_FromRegistrationToApproval_EveryCardShowsCompleted()
    {
        // The Playground's mention picker never offers the current user, so the registrar (陳小美) names the lead (林阿偉)
        // and the co-handler (張秘書) rather than herself.
        var (lead, coHandler, director) = (Office.Wei, Office.Secretary, Office.Director);
        await office.SayInGroupAsync(Office.Mei, $"@OfficeBot new {Title} lead @林阿偉 co @張秘書 due within 7 days");
        var registered = await office.WaitForCardAsync(Office.Mei, Title, chat: Chat.Group);
        var number = MatterNumber().Match(await registered.InnerTextAsync()).Value;
        Assert.False(string.IsNullOrEmpty(number), "The registration card shows no matter number.");
        await Snap(Office.Mei, "01-matter-registered", registered);

        await Snap(coHandler, "02-co-handling-request", await office.WaitForCardAsync(coHandler, Title));
        await office.ClickAsync(coHandler, Title, "Accept");
        await office[coHandler].WaitForNoButtonAsync(Title, "Accept");
        await Snap(coHandler, "03-co-handling-accepted", await office.WaitForCardAsync(coHandler, Title));

        const string opinion = "Finance agrees; budget line 4.2 covers it.";
        await SendFormAsync(coHandler, "Give opinion", opinion, "04-opinion-form");
        await Snap(coHandler, "05-opinion-given", await office.WaitForCardAsync(coHandler, Title));

        // The lead hears of the assignment, the acceptance and the opinion, each as a card; a form opened before the last
        // of them arrives would be on a card that is no longer the newest.
        await office[lead].WaitForCardCountAsync(Title, 3);
        await Snap(lead, "06-assigned-to-lead", await office.WaitForCardAsync(lead, Title));
        await SendFormAsync(lead, "Report progress", "Draft circulated to all sections.", "07-progress-form");
        await SendFormAsync(lead, "Ask completion", "Plan filed with the secretariat.", "08-ask-completion-form");

        await Snap(director, "09-approval-request", await office.WaitForCardAsync(director, Title));
        const string reason = "Attach the signed budget page first.";
        await SendFormAsync(director, "Reject", reason, "10-reject-form");
        await Snap(director, "11-rejected", await office.WaitForCardAsync(director, Title));

        // The decision goes back to the lead with the director's reason.
        await Snap(lead, "12-rejection-seen-by-lead", await office.WaitForCardAsync(lead, reason));
        await SendFormAsync(lead, "Ask completion", "Signed budget page attached.", "13-ask-completion-again-form");

        var secondRequest = await office.WaitForCardAsync(director, Title);
        await office[director].WaitForNoButtonAsync(Title, "Send");
        await Snap(director, "14-approval-request-again", secondRequest);
        await office.ClickAsync(director, Title, "Approve");
        await office[director].WaitForNoButtonAsync(Title, "Approve");

        var cardsSeen = 0;
        foreach (var person in Office.Staffed)
        {
            foreach (var chat in new[] { Chat.Personal, Chat.Group })
            {
                cardsSeen += await office[person].WaitForEveryCardAsync(number, "Completed", chat);
            }
        }

        Assert.True(cardsSeen >= 4, $"Expected the matter's cards in the registrar's, lead's, co-handler's and director's chats; found {cardsSeen}.");
        await Snap(director, "15-completed-director", await office.WaitForCardAsync(director, Title));
        await Snap(lead, "16-completed-lead", await office.WaitForCardAsync(lead, Title));
        await Snap(coHandler, "17-completed-co-handler", await office.WaitForCardAsync(coHandler, Title));
        await Snap(Office.Mei, "18-completed-group-chat", await office.WaitForCardAsync(Office.Mei, Title, chat: Chat.Group));
        OfficeFixture.PublishToGallery(_gallery);
    }

    /// <summary>Opens a card's form (a ShowCard), types the text, shoots the filled form, and sends it; waits until the card is redrawn.</summary>
    private async Task SendFormAsync(Testing.EndToEnd.PlaygroundUser person, string button, string text, string screenshot)
    {
        await office.ClickAsync(person, Title, button);
        await office[person].FillInCardAsync(Title, text);
        await Snap(person, screenshot, await office.WaitForCardAsync(person, Title));
        await office.ClickAsync(person, Title, "Send");
        await office[person].WaitForNoButtonAsync(Title, "Send");
    }

    private async Task Snap(Testing.EndToEnd.PlaygroundUser person, string name, ILocator card) =>
        _gallery.Add(await office.ScreenshotAsync(person, name, card));

    [GeneratedRegex(@"#\d+")]
    private static partial Regex MatterNumber();
}
