namespace OfficeBot.Web.Hosting;

/// <summary>
/// Which backend stores the office's data. No Azure Tables setting → an embedded SQLite file; a connection string or an
/// endpoint (with managed identity) → Azure Table Storage, for many instances behind Azure Bot Service.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public SqliteSettings Sqlite { get; set; } = new();

    public TablesSettings Tables { get; set; } = new();

    public bool UsesAzureTables => !string.IsNullOrWhiteSpace(Tables.ConnectionString) || !string.IsNullOrWhiteSpace(Tables.Endpoint);

    public sealed class SqliteSettings
    {
        /// <summary>The database file; default <c>data/officebot.db</c> under the app's content root.</summary>
        public string? Path { get; set; }
    }

    public sealed class TablesSettings
    {
        public string? ConnectionString { get; set; }

        /// <summary>e.g. https://account.table.core.windows.net — authenticated with managed identity (DefaultAzureCredential).</summary>
        public string? Endpoint { get; set; }

        /// <summary>Prepended to every table name, so several deployments (or test runs) can share one account.</summary>
        public string? TablePrefix { get; set; }
    }
}
