using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Storage;
using OfficeBot.Testing;

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

        private sealed class Store(ITableStore inner, Unreachable state) : DelegatingTableStore(inner)
        {
            public override Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
                state.Down ? throw new StoreBusyException("The store is down for this test.") : Inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        }
    }
}
