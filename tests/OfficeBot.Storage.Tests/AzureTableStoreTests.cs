using OfficeBot.Storage.AzureTables;
using OfficeBot.Testing.Azurite;

namespace OfficeBot.Storage.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;

/// <summary>The contract against Azurite; every test gets its own table prefix, so tests never see each other's rows.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AzureTableStoreTests(AzuriteFixture azurite) : TableStoreContractTests
{
    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(AzureTableStore.FromConnectionString(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix()));
}
