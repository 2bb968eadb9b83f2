using Microsoft.Extensions.Time.Testing;
using OfficeBot.Application.Messaging;
using OfficeBot.Testing.Azurite;
using OfficeBot.Web.Hosting;

namespace OfficeBot.Benchmarks.Reminders;

/// <summary>
/// The bot's own storage and application registrations (AddOfficeStorage, AddOfficeApplication) on a fake clock, without
/// the outbox worker: the store is filled and measured exactly as the bot writes and reads it, but nothing is sent.
/// </summary>
internal sealed class StoreHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IAsyncDisposable? _azurite;
    private readonly string? _folder;

    private StoreHost(string backend, IHost host, FakeTimeProvider clock, IAsyncDisposable? azurite, string? folder)
    {
        Backend = backend;
        _host = host;
        Clock = clock;
        _azurite = azurite;
        _folder = folder;
    }

    public string Backend { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A fresh, empty store: a new SQLite file, or a new Azurite on a free port (in memory unless <paramref name="persistedAzurite"/>).</summary>
    public static async Task<StoreHost> StartAsync(string backend, BenchOffice office, DateTimeOffset now, bool persistedAzurite = false)
    {
        IAsyncDisposable? azurite = null;
        string? folder = null;
        Dictionary<string, string> storage;
        switch (backend)
        {
            case "sqlite":
                folder = Path.Combine(Path.GetTempPath(), $"officebot-bench-{Guid.NewGuid():N}");
                Directory.CreateDirectory(folder);
                storage = new() { ["Storage:Sqlite:Path"] = Path.Combine(folder, "officebot.db") };
                break;
            case "azurite":
                var started = await AzuriteProcess.StartAsync(inMemory: !persistedAzurite);
                var connectionString = started.ConnectionString;
                azurite = started;

                storage = new()
                {
                    ["Storage:Tables:ConnectionString"] = connectionString,
                    ["Storage:Tables:TablePrefix"] = $"bench{Guid.NewGuid():N}"[..12],
                };
                break;
            default:
                throw new ArgumentException($"Unknown backend '{backend}': use sqlite or azurite.");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            DisableDefaults = true,
            ContentRootPath = BenchOffice.ContentRoot,
        });
        builder.Configuration.AddInMemoryCollection(office.Settings(storage));
        builder.Logging.ClearProviders();
        builder.AddOfficeStorage();
        builder.AddOfficeApplication();

        // No sending here: the outbox worker would carry out the registrations' follow-ups while the store is filled and
        // measured, and the parser warm-up would spend a core for a second. Both are the host's, not what is measured.
        foreach (var service in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.Name is "OutboxWorker" or "ParserWarmup").ToList())
        {
            builder.Services.Remove(service);
        }

        var clock = new FakeTimeProvider(now);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IMessenger, NoMessenger>();
        var host = builder.Build();
        await host.StartAsync();
        var name = backend == "sqlite" ? "SQLite" : persistedAzurite ? "Azure Tables (Azurite, persisted)" : "Azure Tables (Azurite, in memory)";
        return new StoreHost(name, host, clock, azurite, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
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
                // A file still held open; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private sealed class NoMessenger : IMessenger
    {
        public Task<SendResult> SendToPersonAsync(string tenantId, string objectId, Reply reply, CancellationToken cancellationToken) =>
            Task.FromResult(new SendResult(Delivery.NoAddress));

        public Task<Delivery> UpdateAsync(SentCard card, Reply reply, CancellationToken cancellationToken) => Task.FromResult(Delivery.Gone);

        public Task<SendResult> SendToConversationAsync(string tenantId, string conversationId, Reply reply, CancellationToken cancellationToken) =>
            Task.FromResult(new SendResult(Delivery.NoAddress));
    }
}
