using System.Text.RegularExpressions;

namespace OfficeBot.EndToEnd.Tests;

/// <summary>What works in the Playground today: help in a personal chat, and registering a matter with mentions in the group chat.</summary>
[Collection(OfficeFixture.Collection)]
public sealed class PlaygroundSmokeTests(OfficeFixture office)
{
    [Fact]
    public async Task Help_InPersonalChat_ShowsTheCommandsCard()
    {
        await office.SayAsync(Office.Mei, "help");

        var card = await office.WaitForCardAsync(Office.Mei, "Register a new matter");

        var text = await card.InnerTextAsync();
        Assert.Contains("Using OfficeBot", text);
        Assert.Contains("new lead @p co @p due", text);
        var screenshot = await office.ScreenshotAsync(Office.Mei, "help", card);
        Assert.True(File.Exists(screenshot));
        OfficeFixture.PublishToGallery([screenshot]);
    }

    [Fact]
    public async Task New_InGroupChatWithMentions_RepliesWithTheMatterCard()
    {
        // The Playground's mention picker never offers the current user, so 陳小美 names others, not herself.
        await office.SayInGroupAsync(Office.Mei, "@OfficeBot new Venue booking lead @林阿偉 co @張秘書 due within 7 days");

        var card = await office.WaitForCardAsync(Office.Mei, "Venue booking", chat: Chat.Group);

        var text = await card.InnerTextAsync();
        Assert.Matches(new Regex(@"#\d+\s*Venue booking"), text);
        Assert.Contains("林阿偉", text);
        Assert.Contains("張秘書", text);
        var screenshot = await office.ScreenshotAsync(Office.Mei, "matter-registered", card);
        OfficeFixture.PublishToGallery([screenshot]);
    }
}
