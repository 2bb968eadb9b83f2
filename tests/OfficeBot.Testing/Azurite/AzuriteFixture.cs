using Xunit;

namespace OfficeBot.Testing.Azurite;

/// <summary>
/// One Azurite per test collection. xunit only finds collection definitions in the test assembly itself, so each
/// test project declares <c>[CollectionDefinition(AzuriteFixture.Collection)] class … : ICollectionFixture&lt;AzuriteFixture&gt;</c>
/// and its tests use a unique table prefix (<see cref="UniqueTablePrefix"/>) to stay apart.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Collection = "Azurite";

    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not been started yet.");

    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>A fresh table prefix (letters and digits, starting with a letter) for one test.</summary>
    public static string UniqueTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
