using OfficeBot.Testing.Azurite;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;

/// <summary>The same bot with the scale-out backend: Azure Table Storage (Azurite) picked by configuration alone.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AzureTablesPipelineTests(AzuriteFixture azurite)
{
    private Dictionary<string, string?> Tables(string prefix) => new()
    {
        ["Storage:Tables:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Tables:TablePrefix"] = prefix,
    };

    [Fact]
    public async Task Lifecycle_OnAzureTables_RegistersListsAndKeepsMattersAcrossRestart()
    {
        var prefix = AzuriteFixture.UniqueTablePrefix();
        var first = await BotHost.StartAsync(settings: Tables(prefix));
        await first.AskAsync(Director, "new Press release lead @陳小美 due Dec 10", "en-US", mentions: [Mei]);
        var mine = await first.AskAsync(Mei, "my", "en-US");
        await first.DisposeAsync();

        var second = await BotHost.StartAsync(connector: first.Connector, settings: Tables(prefix));
        try
        {
            var shown = await second.AskAsync(Mei, "show #1", "en-US");
            var other = await second.AskAsync(Mei, "show #1", "en-US", tenant: TenantB);

            Assert.Contains("Press release", mine.CardText);
            Assert.Contains("Press release", shown.CardText);
            Assert.Contains("no matter #1", other.CardText);
            Assert.False(File.Exists(first.DatabasePath), "the SQLite file must not be used when Azure Tables is configured");
        }
        finally
        {
            await second.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Meeting_OnAzureTables_RequestDecisionAndSync_KeepTheirRowsInOneBatch()
    {
        var prefix = AzuriteFixture.UniqueTablePrefix();
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>(Tables(prefix)) { ["Office:Meetings:Rooms:0"] = "301" });
        try
        {
            await bot.AskAsync(Director, "help", "en-US");
            var first = await bot.AskAsync(Mei, "meeting Budget review Dec 9 2-4pm leaders @李局長 room 301", "en-US", mentions: [Leader]);
            var (_, approved) = await bot.PressMeetingAsync(Director, Cards.Actions.MeetingVerbs.ApproveAnyway, 1, 1);
            var second = await bot.AskAsync(Wei, "meeting Audit Dec 9 3-5pm leaders @李局長 room 301", "en-US", mentions: [Leader]);
            await bot.AdvanceToAsync(Now.AddMinutes(15), TimeSpan.FromMinutes(5));
            var shown = await bot.AskAsync(Director, "show M2", "en-US");
            var other = await bot.AskAsync(Director, "show M1", "en-US", tenant: TenantB);

            Assert.Contains("M1", first.CardText);
            Assert.Contains("approved", approved.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Budget review", second.CardText);
            Assert.Contains("301", shown.CardText);
            Assert.DoesNotContain("Budget review", other.CardText);
            Assert.False(File.Exists(bot.DatabasePath));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
