using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace OfficeBot.Storage.Sqlite;

/// <summary>
/// The embedded backend: every logical table is one SQL table in a single SQLite file (WAL mode).
/// Writes are serialised through one long-lived connection, so writers in this process never contend
/// for the file lock; reads run in parallel on a small set of reader connections. Each connection keeps
/// its prepared commands, so a hot path pays for parsing SQL once.
/// <para>
/// The write-ahead log is copied back into the database by a background checkpointer (every quarter second, passive: it
/// never waits for or blocks a writer), not by whichever write happens to cross SQLite's 1,000-page mark, which paid for
/// the copy and its fsync inside that turn. A page written many times between two checkpoints is copied once. The log
/// file is not cut back after a checkpoint: it is reused from its start, so writers overwrite blocks instead of growing
/// the file, which costs a file-system journal commit each time (measured in docs/benchmarks.md: a 'new' turn's 99th
/// percentile was 44–62 ms with the file cut back, 25–36 ms without). It stays about as large as a quarter second of
/// writes at the busiest, and the writer still checkpoints by itself past <see cref="BackstopCheckpointPages"/>, should
/// the background one ever fall behind.
/// </para>
/// </summary>
public sealed class SqliteTableStore : ITableStore, IDisposable
{
    private const int MaxIdleReaders = 16;
    // Another process holding the file (a backup, a second instance) must not stall a turn beyond what Teams waits for:
    // SQLite's own busy wait and Microsoft.Data.Sqlite's retry loop (bounded by the command timeout) together stay under
    // two seconds, after which the caller hears "busy" (StoreBusyException) and answers the person.
    private const int BusyTimeoutMilliseconds = 250;
    private const int CommandTimeoutSeconds = 1;
    private static readonly TimeSpan WriteQueueTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The writer's own automatic checkpoint, only a backstop behind the background checkpointer (80 MB of log at 4 KiB pages).</summary>
    internal const int BackstopCheckpointPages = 20_000;

    private readonly string _connectionString;
    private readonly string? _tablePrefix;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PreparedConnection _writer;
    private readonly Stack<PreparedConnection> _idleReaders = new();
    private readonly ConcurrentDictionary<string, TableSql> _tables = new(StringComparer.Ordinal);
    private readonly Checkpointer _checkpointer;
    private bool _disposed;

    /// <summary>Opens (or creates, with its folder) the database file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="tablePrefix">Prepended to every table name, so tests and benchmark runs can share a file without meeting.</param>
    public SqliteTableStore(string path, string? tablePrefix = null)
        : this(path, tablePrefix, TimeSpan.FromMilliseconds(250))
    {
    }

    /// <summary>Opens the file with the background checkpoint run every <paramref name="checkpointInterval"/> (tests shorten it).</summary>
    internal SqliteTableStore(string path, string? tablePrefix, TimeSpan checkpointInterval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        if (!string.IsNullOrEmpty(tablePrefix))
        {
            // Fails early on a bad prefix rather than on the first table.
            TableNames.Qualify(tablePrefix, "Probe");
        }

        _tablePrefix = tablePrefix;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The store keeps its own connections; the ADO.NET pool would hold the file open after Dispose.
            Pooling = false,
            DefaultTimeout = CommandTimeoutSeconds,
        }.ToString();

        _writer = Open();
        using var wal = _writer.Connection.CreateCommand();
        wal.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = {BackstopCheckpointPages};";
        wal.ExecuteNonQuery();
        _checkpointer = new Checkpointer(this, checkpointInterval);
    }

    /// <summary>How many background checkpoints have run; of the last, the pages in the log and how many of them are in the database.</summary>
    internal (long Runs, int LogPages, int CopiedPages) Checkpoints => _checkpointer.Done;

    public async Task EnsureTableAsync(string table, CancellationToken cancellationToken = default)
    {
        var sql = Sql(table);
        await WriteAsync(
            writer =>
            {
                using var create = writer.Connection.CreateCommand();
                create.CommandText = sql.Create;
                create.ExecuteNonQuery();
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var sql = Sql(table);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(sql, reader =>
        {
            var command = reader.Command(sql.Get, null);
            Bind(command, partitionKey, rowKey);
            using var result = command.ExecuteReader();
            return result.Read() ? new StoredRow(partitionKey, rowKey, result.GetString(0), result.GetString(1)) : null;
        }));
    }

    public Task<string> InsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        EntitySize.Check(table, row);
        var sql = Sql(table);
        return WriteAsync(writer => Apply(writer, null, sql, BatchOperation.Insert(row)), cancellationToken);
    }

    public Task<string> ReplaceAsync(string table, StoredRow row, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        EntitySize.Check(table, row);
        var sql = Sql(table);
        return WriteAsync(writer => Apply(writer, null, sql, BatchOperation.Replace(row, etag)), cancellationToken);
    }

    public Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        EntitySize.Check(table, row);
        var sql = Sql(table);
        return WriteAsync(writer => Apply(writer, null, sql, BatchOperation.Upsert(row)), cancellationToken);
    }

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var sql = Sql(table);
        return WriteAsync(writer => Apply(writer, null, sql, BatchOperation.Delete(partitionKey, rowKey, etag)), cancellationToken);
    }

    public async IAsyncEnumerable<StoredRow> QueryAsync(
        string table,
        string partitionKey,
        string? rowKeyFrom = null,
        string? rowKeyTo = null,
        int? take = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take ?? 0, nameof(take));
        var sql = Sql(table);
        cancellationToken.ThrowIfCancellationRequested();

        // Rows are read in full before the first is yielded, so no read transaction or connection stays
        // open while the caller does its own (possibly writing) work between rows.
        var rows = Read(sql, reader =>
        {
            var command = reader.Command(sql.Query(rowKeyFrom is not null, rowKeyTo is not null, take is not null), null);
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$pk", partitionKey);
            if (rowKeyFrom is not null)
            {
                command.Parameters.AddWithValue("$from", rowKeyFrom);
            }

            if (rowKeyTo is not null)
            {
                command.Parameters.AddWithValue("$to", rowKeyTo);
            }

            if (take is not null)
            {
                command.Parameters.AddWithValue("$take", take.Value);
            }

            var found = new List<StoredRow>();
            using var result = command.ExecuteReader();
            while (result.Read())
            {
                found.Add(new StoredRow(partitionKey, result.GetString(0), result.GetString(1), result.GetString(2)));
            }

            return found;
        });

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        TableBatch.Validate(table, operations);
        var sql = Sql(table);
        return WriteAsync<IReadOnlyList<string>>(
            writer =>
            {
                // BEGIN IMMEDIATE: the write lock is taken up front, so another process cannot sneak in between our statements.
                using var transaction = writer.Connection.BeginTransaction(deferred: false);
                var etags = new string[operations.Count];
                for (var i = 0; i < operations.Count; i++)
                {
                    // A throw here disposes the transaction uncommitted, which rolls every earlier operation back.
                    etags[i] = Apply(writer, transaction, sql, operations[i]);
                }

                transaction.Commit();
                return etags;
            },
            cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        // No checkpoint starts after this, and one in progress is waited for, so its connection closes before the others.
        _checkpointer.Dispose();

        // Let a write in progress finish; later calls see _disposed and throw.
        _writeLock.Wait();
        try
        {
            _disposed = true;
            _writer.Dispose();
            lock (_idleReaders)
            {
                while (_idleReaders.TryPop(out var reader))
                {
                    reader.Dispose();
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string Apply(PreparedConnection writer, SqliteTransaction? transaction, TableSql sql, BatchOperation operation)
    {
        var row = operation.Row;
        var etag = NewETag();
        int changed;
        switch (operation.Kind)
        {
            case BatchOperationKind.Insert:
                changed = Execute(writer.Command(sql.Insert, transaction), row.PartitionKey, row.RowKey, row.Data, etag, null);
                if (changed == 0)
                {
                    throw new EntityExistsException($"Row '{row.PartitionKey}'/'{row.RowKey}' already exists in table '{sql.Name}'.");
                }

                return etag;

            case BatchOperationKind.Replace:
                changed = Execute(writer.Command(sql.Replace, transaction), row.PartitionKey, row.RowKey, row.Data, etag, operation.ETag);
                if (changed == 0)
                {
                    throw new ConcurrencyException($"Row '{row.PartitionKey}'/'{row.RowKey}' in table '{sql.Name}' was changed or removed since it was read.");
                }

                return etag;

            case BatchOperationKind.Upsert:
                Execute(writer.Command(sql.Upsert, transaction), row.PartitionKey, row.RowKey, row.Data, etag, null);
                return etag;

            case BatchOperationKind.Delete:
                changed = Execute(writer.Command(sql.Delete, transaction), row.PartitionKey, row.RowKey, null, null, operation.ETag);
                if (changed == 0)
                {
                    throw new ConcurrencyException($"Row '{row.PartitionKey}'/'{row.RowKey}' in table '{sql.Name}' was changed or removed since it was read.");
                }

                return string.Empty;

            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown batch operation kind.");
        }
    }

    private static int Execute(SqliteCommand command, string partitionKey, string rowKey, string? data, string? newETag, string? expectedETag)
    {
        Bind(command, partitionKey, rowKey);
        if (data is not null)
        {
            command.Parameters.AddWithValue("$data", data);
        }

        if (newETag is not null)
        {
            command.Parameters.AddWithValue("$etag", newETag);
        }

        if (expectedETag is not null)
        {
            command.Parameters.AddWithValue("$expected", expectedETag);
        }

        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
    }

    // Version 7 GUIDs are unique and rise with time, which makes ETags easy to follow in a dump.
    private static string NewETag() => Guid.CreateVersion7().ToString("N");

    private TableSql Sql(string table) =>
        _tables.GetOrAdd(table, static (name, prefix) => new TableSql(TableNames.Qualify(prefix, name)), _tablePrefix);

    private async Task<T> WriteAsync<T>(Func<PreparedConnection, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Writers queue here without holding a thread; if the one ahead is stuck on a locked file, the queue answers busy.
        if (!await _writeLock.WaitAsync(WriteQueueTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new StoreBusyException($"The database file is busy; no write could start within {WriteQueueTimeout.TotalSeconds:F0} s.");
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return TranslateMissingTable(work, _writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private T Read<T>(TableSql sql, Func<PreparedConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PreparedConnection? reader;
        lock (_idleReaders)
        {
            _idleReaders.TryPop(out reader);
        }

        reader ??= Open();
        try
        {
            return TranslateMissingTable(work, reader);
        }
        finally
        {
            lock (_idleReaders)
            {
                if (_disposed || _idleReaders.Count >= MaxIdleReaders)
                {
                    reader.Dispose();
                }
                else
                {
                    _idleReaders.Push(reader);
                }
            }
        }
    }

    private static T TranslateMissingTable<T>(Func<PreparedConnection, T> work, PreparedConnection connection)
    {
        try
        {
            return work(connection);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1 && exception.Message.Contains("no such table", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{exception.Message}. Tables are created at start-up with EnsureTableAsync.", exception);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SQLiteBusy or SQLiteLocked)
        {
            throw new StoreBusyException("The database file is locked by another connection.", exception);
        }
    }

    private const int SQLiteBusy = 5;
    private const int SQLiteLocked = 6;

    private PreparedConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commits.
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
            return new PreparedConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the log back into the database in the background: <c>wal_checkpoint(PASSIVE)</c> on a connection of its
    /// own, one run at a time, the next armed only when the last has finished. A passive checkpoint copies what no reader
    /// still needs and gives up on a busy lock instead of waiting, so a failure here is only tried again on the next tick.
    /// </summary>
    private sealed class Checkpointer : IDisposable
    {
        private readonly SqliteTableStore _store;
        private readonly TimeSpan _interval;
        private readonly Timer _timer;
        private readonly Lock _running = new();
        private SqliteConnection? _connection;
        private SqliteCommand? _command;
        private (long Runs, int LogPages, int CopiedPages) _done;
        private bool _stopped;

        public Checkpointer(SqliteTableStore store, TimeSpan interval)
        {
            _store = store;
            _interval = interval;
            _timer = new Timer(static state => ((Checkpointer)state!).Run(), this, interval, Timeout.InfiniteTimeSpan);
        }

        public (long Runs, int LogPages, int CopiedPages) Done
        {
            get
            {
                lock (_running)
                {
                    return _done;
                }
            }
        }

        public void Dispose()
        {
            lock (_running)
            {
                _stopped = true;
                _timer.Dispose();
                _command?.Dispose();
                _connection?.Dispose();
            }
        }

        private void Run()
        {
            lock (_running)
            {
                if (_stopped)
                {
                    return;
                }

                try
                {
                    if (_command is null)
                    {
                        // A connection of its own, with the store's pragmas; it keeps its one command itself.
                        _connection = _store.Open().Connection;
                        _command = _connection.CreateCommand();
                        _command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    }

                    // One row: busy (1 when a lock was not had), the pages in the log, and how many of them are now in the database.
                    using var result = _command.ExecuteReader();
                    if (result.Read())
                    {
                        _done = (_done.Runs + 1, result.GetInt32(1), result.GetInt32(2));
                    }
                }
                catch (Exception e) when (e is SqliteException or InvalidOperationException)
                {
                    // Busy, or the file is gone from under us: the writer's backstop still bounds the log; try again later.
                    // (A timer callback must not throw: that would end the process.)
                }
                finally
                {
                    if (!_stopped)
                    {
                        _timer.Change(_interval, Timeout.InfiniteTimeSpan);
                    }
                }
            }
        }
    }

    /// <summary>A connection used by one caller at a time, with its commands kept prepared by SQL text.</summary>
    private sealed class PreparedConnection(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteConnection Connection => connection;

        public SqliteCommand Command(string sql, SqliteTransaction? transaction)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                _commands.Add(sql, command);
            }

            command.Transaction = transaction;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }

    /// <summary>The statements of one table. The name is safe to splice: <see cref="TableNames"/> allows letters and digits only.</summary>
    private sealed class TableSql(string name)
    {
        public string Name { get; } = name;

        public string Create { get; } =
            $"CREATE TABLE IF NOT EXISTS \"{name}\" (pk TEXT NOT NULL, rk TEXT NOT NULL, data TEXT NOT NULL, etag TEXT NOT NULL, PRIMARY KEY (pk, rk)) WITHOUT ROWID;";

        public string Get { get; } = $"SELECT data, etag FROM \"{name}\" WHERE pk = $pk AND rk = $rk;";

        public string Insert { get; } =
            $"INSERT INTO \"{name}\" (pk, rk, data, etag) VALUES ($pk, $rk, $data, $etag) ON CONFLICT (pk, rk) DO NOTHING;";

        public string Replace { get; } = $"UPDATE \"{name}\" SET data = $data, etag = $etag WHERE pk = $pk AND rk = $rk AND (etag = $expected OR $expected = '*');";

        public string Upsert { get; } =
            $"INSERT INTO \"{name}\" (pk, rk, data, etag) VALUES ($pk, $rk, $data, $etag) ON CONFLICT (pk, rk) DO UPDATE SET data = excluded.data, etag = excluded.etag;";

        public string Delete { get; } = $"DELETE FROM \"{name}\" WHERE pk = $pk AND rk = $rk AND (etag = $expected OR $expected = '*');";

        private readonly string[] _queries = BuildQueries(name);

        public string Query(bool from, bool to, bool take) => _queries[(from ? 4 : 0) + (to ? 2 : 0) + (take ? 1 : 0)];

        private static string[] BuildQueries(string name)
        {
            var queries = new string[8];
            for (var i = 0; i < queries.Length; i++)
            {
                queries[i] = $"SELECT rk, data, etag FROM \"{name}\" WHERE pk = $pk"
                    + ((i & 4) != 0 ? " AND rk >= $from" : string.Empty)
                    + ((i & 2) != 0 ? " AND rk < $to" : string.Empty)
                    + " ORDER BY rk"
                    + ((i & 1) != 0 ? " LIMIT $take" : string.Empty)
                    + ";";
            }

            return queries;
        }
    }
}
