using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.EndToEnd.Tests;

public enum Chat
{
    Personal,
    Group,
}

/// <summary>
/// One person's Agents Playground page in its own browser context, with the steps a user takes: type in a chat
/// (with @mentions through the Playground's mention picker), find a card, press its buttons, fill its inputs.
/// Every wait is bounded and polls what the page shows; none sleeps for a fixed time.
/// </summary>
public sealed class PlaygroundPage
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // The root of each Adaptive Card the Playground renders (ShowCard bodies are nested inside it).
    private const string CardSelector = ".ac-preview-panel > .ac-adaptiveCard";
    private const string EditorSelector = "[data-lexical-editor]";
    private const string PersonalChatTitle = "Personal Chat";

    private readonly IPage _page;
    private readonly string _artifacts;
    private readonly Func<string> _diagnostics;
    private readonly Regex _mentions;
    private Chat _open = Chat.Personal;
    private int _failures;

    private PlaygroundPage(PlaygroundUser user, IPage page, string artifacts, Func<string> diagnostics)
    {
        User = user;
        _page = page;
        _artifacts = artifacts;
        _diagnostics = diagnostics;
        var names = Office.Tenant.People.Select(p => p.Name).Append(Office.BotName).Select(Regex.Escape);
        _mentions = new Regex("@(" + string.Join('|', names) + ")", RegexOptions.CultureInvariant);
    }

    public PlaygroundUser User { get; }

    /// <summary>
    /// Opens the person's Playground and waits until its conversationUpdate reached the bot, which is when the bot has
    /// this person's conversation reference and can notify them.
    /// </summary>
    public static async Task<PlaygroundPage> OpenAsync(IBrowser browser, AgentsPlaygroundProcess playground, string artifacts, Func<string> diagnostics)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 1000 },
            Locale = "en-US",
            TimezoneId = "Asia/Taipei",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)DefaultTimeout.TotalMilliseconds);
        var opened = new PlaygroundPage(playground.User, page, artifacts, diagnostics);
        await page.GotoAsync(playground.Address.ToString());
        await opened.Expect(page.Locator(EditorSelector), "the message box");
        await opened.Expect(page.GetByText("conversationUpdate 200").First, "the conversationUpdate the bot accepted (Log Panel)");
        return opened;
    }

    /// <summary>Types <paramref name="text"/> and sends it; each "@Name" of the office (or "@OfficeBot") becomes a real mention in a group chat.</summary>
    public async Task SayAsync(string text, Chat chat = Chat.Personal)
    {
        await OpenAsync(chat);
        var editor = _page.Locator(EditorSelector);
        await editor.ClickAsync();
        var at = 0;
        foreach (Match mention in _mentions.Matches(text))
        {
            await _page.Keyboard.TypeAsync(text[at..mention.Index]);
            if (chat == Chat.Personal)
            {
                // The Playground offers no mention picker in a personal chat; the '@' stays plain text there, as in Teams.
                await _page.Keyboard.TypeAsync(mention.Value);
            }
            else
            {
                await _page.Keyboard.TypeAsync("@");
                // The picker's items carry the avatar's label too, so match the item's visible text exactly instead of its accessible name.
                var name = mention.Groups[1].Value;
                var item = _page.GetByRole(AriaRole.Menuitem).Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(name) + "$") });
                await Expect(item, $"\"{name}\" in the mention picker");
                await item.ClickAsync();
            }

            at = mention.Index + mention.Length;
        }

        await _page.Keyboard.TypeAsync(text[at..]);
        await _page.Keyboard.PressAsync("Enter");
        await WaitUntilAsync(async () => (await editor.InnerTextAsync()).Trim().Length == 0, DefaultTimeout, $"the message box to empty after sending \"{text}\"");
    }

    /// <summary>The newest card in the chat whose text contains <paramref name="containing"/>, once it is visible.</summary>
    public async Task<ILocator> WaitForCardAsync(string containing, Chat chat = Chat.Personal, TimeSpan? timeout = null)
    {
        await OpenAsync(chat);
        var card = Cards(containing).Last;
        await Expect(card, $"a card containing \"{containing}\" in the {chat} chat", timeout);
        return card;
    }

    /// <summary>Waits until the chat shows at least <paramref name="count"/> cards containing <paramref name="containing"/>: every notice expected has arrived.</summary>
    public async Task WaitForCardCountAsync(string containing, int count, Chat chat = Chat.Personal)
    {
        await OpenAsync(chat);
        await WaitUntilAsync(async () => await Cards(containing).CountAsync() >= count, DefaultTimeout, $"{count} cards containing \"{containing}\" in the {chat} chat");
    }

    /// <summary>Presses the visible button titled exactly <paramref name="title"/> on the newest card containing <paramref name="cardContaining"/>.</summary>
    public async Task ClickAsync(string cardContaining, string title, Chat chat = Chat.Personal)
    {
        var card = await WaitForCardAsync(cardContaining, chat);
        var button = Button(card, title);
        await Expect(button, $"the button \"{title}\" on the card containing \"{cardContaining}\"");
        await button.ClickAsync();
    }

    /// <summary>Fills the newest visible input of the chat whose placeholder or label is <paramref name="labelOrPlaceholder"/>.</summary>
    public async Task FillAsync(string labelOrPlaceholder, string text, Chat chat = Chat.Personal)
    {
        await OpenAsync(chat);
        var cards = _page.Locator(CardSelector);
        var input = cards.GetByPlaceholder(labelOrPlaceholder).Or(cards.GetByLabel(labelOrPlaceholder)).Filter(new() { Visible = true }).Last;
        await Expect(input, $"an input \"{labelOrPlaceholder}\"");
        await input.FillAsync(text);
    }

    /// <summary>Fills the (first) visible text input of the newest card containing <paramref name="cardContaining"/>, whatever its label.</summary>
    public async Task FillInCardAsync(string cardContaining, string text, Chat chat = Chat.Personal)
    {
        var card = await WaitForCardAsync(cardContaining, chat);
        var input = card.Locator("textarea, input[type=text], input:not([type])").Filter(new() { Visible = true }).First;
        await Expect(input, $"a text input on the card containing \"{cardContaining}\"");
        await input.FillAsync(text);
    }

    /// <summary>Waits until the newest card containing <paramref name="cardContaining"/> no longer offers <paramref name="title"/>: the card was redrawn.</summary>
    public async Task WaitForNoButtonAsync(string cardContaining, string title, Chat chat = Chat.Personal)
    {
        var card = await WaitForCardAsync(cardContaining, chat);
        await WaitUntilAsync(async () => await Button(card, title).CountAsync() == 0, DefaultTimeout, $"the card containing \"{cardContaining}\" to stop offering \"{title}\"");
    }

    /// <summary>Waits until every card containing <paramref name="cardContaining"/> in the chat also contains <paramref name="text"/>; returns how many there are.</summary>
    public async Task<int> WaitForEveryCardAsync(string cardContaining, string text, Chat chat = Chat.Personal)
    {
        await OpenAsync(chat);
        var cards = Cards(cardContaining);
        var count = 0;
        await WaitUntilAsync(
            async () =>
            {
                var texts = await cards.AllInnerTextsAsync();
                count = texts.Count;
                return texts.All(t => t.Contains(text, StringComparison.Ordinal));
            },
            DefaultTimeout,
            $"every card containing \"{cardContaining}\" in the {chat} chat to show \"{text}\"");
        return count;
    }

    public async Task<string> CardTextAsync(ILocator card) => await card.InnerTextAsync();

    /// <summary>Saves a PNG of <paramref name="element"/> (or of the whole page) under the artifacts folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, ILocator? element = null)
    {
        Directory.CreateDirectory(_artifacts);
        var path = Path.Combine(_artifacts, name + ".png");
        if (element is null)
        {
            await _page.ScreenshotAsync(new() { Path = path });
        }
        else
        {
            await element.ScrollIntoViewIfNeededAsync();
            await element.ScreenshotAsync(new() { Path = path });
        }

        return path;
    }

    public async Task OpenAsync(Chat chat)
    {
        if (_open == chat)
        {
            return;
        }

        var title = chat == Chat.Personal ? PersonalChatTitle : Office.GroupChatName;
        await _page.GetByText(title, new() { Exact = true }).First.ClickAsync();
        await Expect(_page.Locator(EditorSelector), "the message box");
        _open = chat;
    }

    // Playwright's HasText ignores case, which took "Reminder demo: venue booking" for a card of "Venue booking": match exactly.
    private ILocator Cards(string containing) => _page.Locator(CardSelector).Filter(new() { HasTextRegex = new Regex(Regex.Escape(containing)) });

    private static ILocator Button(ILocator card, string title) =>
        card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).Filter(new() { Visible = true }).Last;

    private async Task Expect(ILocator locator, string what, TimeSpan? timeout = null)
    {
        try
        {
            await locator.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)(timeout ?? DefaultTimeout).TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            throw await FailureAsync($"Waited {(timeout ?? DefaultTimeout).TotalSeconds} s for {what}");
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw await FailureAsync($"Waited {timeout.TotalSeconds} s for {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A failure that says what the person's page showed: a screenshot, the cards' text, the processes' output.</summary>
    private async Task<Exception> FailureAsync(string message)
    {
        var screenshot = await ScreenshotAsync($"failure-{User.Id}-{Interlocked.Increment(ref _failures)}");
        var cards = await _page.Locator(CardSelector).AllInnerTextsAsync();
        return new TimeoutException(
            $"{message} in the Playground of {User.Name} ({_open} chat). Screenshot: {screenshot}{Environment.NewLine}" +
            $"Cards shown ({cards.Count}):{Environment.NewLine}{string.Join(Environment.NewLine + "---" + Environment.NewLine, cards)}{Environment.NewLine}" +
            _diagnostics());
    }
}
