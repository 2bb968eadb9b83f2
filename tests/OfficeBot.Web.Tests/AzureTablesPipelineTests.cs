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
}
