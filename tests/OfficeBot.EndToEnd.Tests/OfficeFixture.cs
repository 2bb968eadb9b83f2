using System.Reflection;
using System.Text;
using Microsoft.Playwright;
using OfficeBot.Testing;
using OfficeBot.Testing.EndToEnd;

namespace OfficeBot.EndToEnd.Tests;

[CollectionDefinition(OfficeFixture.Collection)]
public sealed class OfficeCollection : ICollectionFixture<OfficeFixture>;

/// <summary>
/// The office of issue 3 in real clients: the built bot as a process on a fresh SQLite file, one Microsoft 365 Agents
/// Playground per person (same tenant, group chat and team; each its own current user and connector), and one page per
/// person in a single headless system Chromium. A person's Playground greets the bot when the page loads, so the bot
/// keeps that person's conversation reference and its notifications land in that person's page. The leader's calendar
/// is an iCalendar file written here before the bot starts (<see cref="Office.LeaderIcs"/>).
/// Everything started is stopped on dispose, and also when starting fails half-way.
/// </summary>
public sealed class OfficeFixture : IAsyncLifetime
{
    public const string Collection = "Office in the Agents Playground";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly List<AgentsPlaygroundProcess> _playgrounds = [];
    private readonly Dictionary<PlaygroundUser, PlaygroundPage> _pages = [];
    private readonly string _leaderIcs = Path.Combine(Path.GetTempPath(), $"officebot-e2e-leader-{Guid.NewGuid():N}.ics");
    private BotProcess? _bot;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Screenshots go here: <c>artifacts/e2e</c> under the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "e2e");

    public PlaygroundPage this[PlaygroundUser person] =>
        _pages.TryGetValue(person, out var page) ? page : throw new ArgumentException($"{person.Name} has no Playground in this office.", nameof(person));

    public async Task InitializeAsync()
    {
        try
        {
            var chromium = Prerequisites.Chromium();
            await File.WriteAllTextAsync(_leaderIcs, Office.LeaderIcs());
            _bot = await BotProcess.StartAsync(BotAssembly(), Office.BotSettings(_leaderIcs));

            var starting = Office.Staffed.Select(person => AgentsPlaygroundProcess.StartAsync(Office.Tenant, person, _bot.MessagesEndpoint)).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                _playgrounds.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            }

            // Microsoft.Playwright runs its bundled driver (node + playwright) and never downloads a browser for a given executable.
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArguments });
            var pages = await Task.WhenAll(_playgrounds.Select(p => PlaygroundPage.OpenAsync(_browser, p, ArtifactsFolder, Diagnostics)));
            foreach (var page in pages)
            {
                _pages[page.User] = page;
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        foreach (var playground in _playgrounds)
        {
            await playground.DisposeAsync();
        }

        _playgrounds.Clear();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            _bot = null;
        }

        File.Delete(_leaderIcs);
    }

    /// <summary>Types <paramref name="text"/> in the person's personal chat with the bot and sends it.</summary>
    public Task SayAsync(PlaygroundUser person, string text) => this[person].SayAsync(text);

    /// <summary>Types <paramref name="text"/> in the office's group chat; "@OfficeBot" and "@名字" become mentions.</summary>
    public Task SayInGroupAsync(PlaygroundUser person, string text) => this[person].SayAsync(text, Chat.Group);

    public Task<ILocator> WaitForCardAsync(PlaygroundUser person, string containing, TimeSpan? timeout = null, Chat chat = Chat.Personal) =>
        this[person].WaitForCardAsync(containing, chat, timeout);

    public Task ClickAsync(PlaygroundUser person, string cardContaining, string buttonTitle, Chat chat = Chat.Personal) =>
        this[person].ClickAsync(cardContaining, buttonTitle, chat);

    public Task FillAsync(PlaygroundUser person, string inputLabelOrPlaceholder, string text, Chat chat = Chat.Personal) =>
        this[person].FillAsync(inputLabelOrPlaceholder, text, chat);

    public Task<string> ScreenshotAsync(PlaygroundUser person, string name, ILocator? element = null) => this[person].ScreenshotAsync(name, element);

    /// <summary>The tail of the bot's and the Playgrounds' output, for failure messages.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder();
        text.AppendLine("Bot output:").AppendLine(_bot?.Output() ?? "(not started)");
        foreach (var playground in _playgrounds)
        {
            text.AppendLine($"Playground of {playground.User.Name} (port {playground.Port}) output:").AppendLine(playground.Output());
        }

        return text.ToString();
    }

    /// <summary>Copies screenshots into the repository's docs/cards gallery when OFFICEBOT_UPDATE_CARD_GALLERY=1 (never in CI by default).</summary>
    public static void PublishToGallery(IEnumerable<string> screenshots)
    {
        if (Environment.GetEnvironmentVariable("OFFICEBOT_UPDATE_CARD_GALLERY") != "1")
        {
            return;
        }

        var gallery = Path.Combine(RepositoryRoot.Find(), "docs", "cards");
        Directory.CreateDirectory(gallery);
        foreach (var screenshot in screenshots)
        {
            File.Copy(screenshot, Path.Combine(gallery, Path.GetFileName(screenshot)), overwrite: true);
        }
    }

    private static string BotAssembly() =>
        typeof(OfficeFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OfficeBot.Web").Value
        ?? throw new InvalidOperationException("The test assembly does not record where OfficeBot.Web.dll was built.");
}
