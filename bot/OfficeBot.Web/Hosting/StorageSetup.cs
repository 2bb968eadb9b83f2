using Azure.Identity;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Storage;
using OfficeBot.Storage.AzureTables;
using OfficeBot.Storage.Sqlite;

namespace OfficeBot.Web.Hosting;

public static partial class StorageSetup
{
    /// <summary>Every table the application uses; created once at start-up.</summary>
    public static readonly string[] Tables = [MatterRepository.TableName, ConversationStore.Table, PeopleStore.Table, SentCardStore.Table, OutboxStore.WakeTable];

    public static IHostApplicationBuilder AddOfficeStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Validate<IConfiguration>((options, configuration) => !UsesSqliteByDefaultOnAppService(options, configuration), AppServiceNeedsTables)
            .ValidateOnStart();
        builder.Services.AddSingleton<ITableStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OfficeBot.Storage");
            if (!string.IsNullOrWhiteSpace(options.Tables.ConnectionString))
            {
                LogBackend(logger, "Azure Table Storage (connection string)");
                return AzureTableStore.FromConnectionString(options.Tables.ConnectionString, options.Tables.TablePrefix);
            }

            if (!string.IsNullOrWhiteSpace(options.Tables.Endpoint))
            {
                LogBackend(logger, $"Azure Table Storage at {options.Tables.Endpoint} (managed identity)");
                return AzureTableStore.FromEndpoint(new Uri(options.Tables.Endpoint), new DefaultAzureCredential(), options.Tables.TablePrefix);
            }

            var environment = services.GetRequiredService<IHostEnvironment>();
            var path = options.Sqlite.Path is { Length: > 0 } configured
                ? Path.GetFullPath(configured, environment.ContentRootPath)
                : Path.Combine(environment.ContentRootPath, "data", "officebot.db");
            LogBackend(logger, $"SQLite file {path}");
            return new SqliteTableStore(path);
        });
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private const string AppServiceNeedsTables =
        "On App Service the bot keeps its state in Azure Tables: set Storage:Tables:Endpoint (managed identity; the Bicep in " +
        "infra/azure does) or Storage:Tables:ConnectionString. The default SQLite file would sit in one instance's local " +
        "folder, unseen by the others and lost when App Service moves the app; give Storage:Sqlite:Path to use SQLite anyway.";

    // App Service sets WEBSITE_SITE_NAME in every app it runs; there the SQLite default is a mistake, not a choice.
    private static bool UsesSqliteByDefaultOnAppService(StorageOptions options, IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["WEBSITE_SITE_NAME"]) && !options.UsesAzureTables && string.IsNullOrWhiteSpace(options.Sqlite.Path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Backend}")]
    private static partial void LogBackend(ILogger logger, string backend);

    /// <summary>Creates the tables before the first message is handled, never on a hot path.</summary>
    private sealed class StorageInitializer(ITableStore store) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var table in Tables)
            {
                await store.EnsureTableAsync(table, cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
