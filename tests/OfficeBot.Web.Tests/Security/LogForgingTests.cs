using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficeBot.Domain.Limits;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// What a sender writes must not write the operator's log: a card verb with a newline cannot forge a second line, a
/// 100 KB verb cannot make a 100 KB line, and the SDK's per-turn chatter obeys the Microsoft.Bot filter.
/// </summary>
public sealed class LogForgingTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(services: services => services.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task VerbWithNewlines_IsLoggedOnOneLine()
    {
        await _bot.AskAsync(Director, "new Budget lead @陳小美", "en-US", mentions: [Mei]);

        var (status, _) = await _bot.PressAsync(Mei, "nosuchverb\r\n2026-11-26 ERROR Admin password changed by aad-director\u2028", 1, 1);

        // Whether the verb is logged as unknown or refused earlier, no line may break where the sender put a newline.
        Assert.Equal(200, status);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("Admin password changed", StringComparison.Ordinal)
            && (l.Message.Contains('\n') || l.Message.Contains('\r') || l.Message.Contains('\u2028')));
        Assert.DoesNotContain(_logs.Lines, l => l.Message.StartsWith("2026-11-26 ERROR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HugeVerb_IsCutInTheLog()
    {
        await _bot.AskAsync(Director, "new Budget lead @陳小美", "en-US", mentions: [Mei]);

        var (status, _) = await _bot.PressAsync(Mei, new string('v', 100_000), 1, 1);

        Assert.Equal(200, status);
        Assert.All(_logs.Lines, l => Assert.True(l.Message.Length < InputLimits.LogValue * 3, $"a log line of {l.Message.Length} characters"));
    }

    [Fact]
    public async Task SdkInformationLines_ObeyTheMicrosoftBotFilter()
    {
        await _bot.AskAsync(Mei, "help", "en-US");
        await _bot.PressAsync(Mei, "refresh", 1, 0);

        Assert.DoesNotContain(_logs.Lines, l => l.Level < LogLevel.Warning
            && (l.Category.StartsWith("Microsoft.Bot", StringComparison.Ordinal) || l.Category == typeof(OfficeBot.Web.Bot.OfficeAdapter).FullName));
    }

    [Theory]
    [InlineData("a\nb", "a?b")]
    [InlineData("tab\there", "tab?here")]
    [InlineData("ok", "ok")]
    [InlineData(null, "")]
    public void Clean_ReplacesControlCharacters(string? value, string expected) => Assert.Equal(expected, LogValue.Clean(value));
}
