using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Storage;

namespace OfficeBot.Web.Tests;

/// <summary>/healthz says the process is alive; /readyz says the instance can serve, which is what App Service's health check asks (infra/azure).</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WhenTheStoreAnswers_NotReadyWhenItDoesNot_AliveEitherWay()
    {
        var store = new Unreachable();
        var bot = await BotHost.StartAsync(services: collection =>
        {
            var real = collection.Last(d => d.ServiceType == typeof(ITableStore));
            collection.Remove(real);
            collection.AddSingleton<ITableStore>(provider => store.Wrap((ITableStore)real.ImplementationFactory!(provider)));
        });
        try
        {
            var ready = await bot.GetAsync("/readyz");
            store.Down = true;
            var notReady = await bot.GetAsync("/readyz");
            var alive = await bot.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("Unhealthy", await notReady.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    /// <summary>The real store, except that its reads fail while <see cref="Down"/> (as a locked file or an unreachable account would).</summary>
    private sealed class Unreachable
    {
        public bool Down { get; set; }

        public ITableStore Wrap(ITableStore inner) => new Store(inner, this);

        private sealed class Store(ITableStore inner, Unreachable state) : ITableStore
        {
            public Task EnsureTableAsync(string table, CancellationToken cancellationToken = default) => inner.EnsureTableAsync(table, cancellationToken);

            public Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
                state.Down ? throw new StoreBusyException("The store is down for this test.") : inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

            public Task<string> InsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default) => inner.InsertAsync(table, row, cancellationToken);

            public Task<string> ReplaceAsync(string table, StoredRow row, string etag, CancellationToken cancellationToken = default) =>
                inner.ReplaceAsync(table, row, etag, cancellationToken);

            public Task<string> UpsertAsync(string table, StoredRow row, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, row, cancellationToken);

            public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken = default) =>
                inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);

            public IAsyncEnumerable<StoredRow> QueryAsync(string table, string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int? take = null,
                CancellationToken cancellationToken = default) => inner.QueryAsync(table, partitionKey, rowKeyFrom, rowKeyTo, take, cancellationToken);

            public Task<IReadOnlyList<string>> SubmitBatchAsync(string table, IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) =>
                inner.SubmitBatchAsync(table, operations, cancellationToken);
        }
    }
}
