using OfficeBot.Testing.Azurite;

namespace OfficeBot.LoadTest;

/// <summary>A fresh, empty store for one backend: a SQLite file in a temporary folder, or Azurite with its own table prefix.</summary>
internal sealed class Backend : IAsyncDisposable
{
    private readonly AzuriteProcess? _azurite;
    private readonly string? _folder;

    private Backend(string name, IReadOnlyDictionary<string, string> settings, AzuriteProcess? azurite, string? folder)
    {
        Name = name;
        Settings = settings;
        _azurite = azurite;
        _folder = folder;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<Backend> StartAsync(string name)
    {
        switch (name)
        {
            case "sqlite":
                var folder = Path.Combine(Path.GetTempPath(), $"officebot-load-{Guid.NewGuid():N}");
                Directory.CreateDirectory(folder);
                return new Backend("SQLite", new Dictionary<string, string> { ["Storage:Sqlite:Path"] = Path.Combine(folder, "officebot.db") }, null, folder);
            case "azurite":
                var azurite = await AzuriteProcess.StartAsync();
                return new Backend("Azure Tables (Azurite)", new Dictionary<string, string>
                {
                    ["Storage:Tables:ConnectionString"] = azurite.ConnectionString,
                    ["Storage:Tables:TablePrefix"] = $"load{Guid.NewGuid():N}"[..12],
                }, azurite, null);
            default:
                throw new ArgumentException($"Unknown backend '{name}': use sqlite or azurite.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the host that was just killed; the temp folder is cleaned by the OS eventually.
            }
        }
    }
}
