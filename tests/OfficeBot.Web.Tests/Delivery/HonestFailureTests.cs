using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OfficeBot.Testing;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests.Delivery;

/// <summary>When something fails after a change was stored, the person hears the truth; when nothing can be stored, they hear it at once.</summary>
public sealed class HonestFailureTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAllAsync();

    [Fact]
    public async Task Registration_WhoseReplyFails_SaysItWasRegisteredAndItsRedeliveryRegistersNothingNew()
    {
        await _bot.AskAsync(Mei, "help", "en-US");

        // The connector fails the card reply on every try the sender makes (one and three retries); the short note gets through.
        _bot.Connector.FailNext(ConnectorCallKind.Reply, 4, Fault.Answer(502));
        var message = Activities.Personal(Mei, "new Confidential venue plan", "en-US", TenantA, _bot.Connector.ServiceUrl, []);
        message["id"] = "1700000000001";
        var first = await _bot.PostRawAsync(message.ToJsonString());
        var told = Assert.Single(_bot.Connector.Calls, c => c.Kind == ConnectorCallKind.Reply && c.ActivityId == "1700000000001");

        // Teams delivers the same message again (the bot was slow, or the person pressed send twice).
        var second = await _bot.PostRawAsync(message.ToJsonString());
        var replies = _bot.Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Reply && c.ActivityId == "1700000000001").ToList();
        var other = await _bot.AskAsync(Mei, "show #2", "en-US");

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        Assert.Contains("Registered #1", told.Text);
        Assert.DoesNotContain("nothing was changed", told.Text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, replies.Count);
        Assert.Contains("#1", replies[1].CardText);
        Assert.Contains("Confidential venue plan", replies[1].CardText);
        Assert.Contains("no matter #2", other.CardText);
    }

    [Fact]
    public async Task Command_WhileTheDatabaseFileIsLocked_AnswersBusyWithinTwoSecondsAndChangesNothing()
    {
        await _bot.AskAsync(Mei, "help", "en-US");
        using (var holder = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False"))
        {
            holder.Open();
            using var lockFile = holder.CreateCommand();
            lockFile.CommandText = "BEGIN EXCLUSIVE;";
            lockFile.ExecuteNonQuery();

            var watch = Stopwatch.StartNew();
            var reply = await _bot.AskAsync(Mei, "new Registered while locked", "en-US");
            watch.Stop();

            Assert.Contains("busy", reply.Text ?? reply.CardText);
            Assert.Contains("nothing was changed", reply.Text ?? reply.CardText);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {watch.Elapsed.TotalSeconds:F1} s");

            using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            release.ExecuteNonQuery();
        }

        var mine = await _bot.AskAsync(Mei, "my", "en-US");
        var afterwards = await _bot.AskAsync(Mei, "new Registered after the lock", "en-US");

        Assert.DoesNotContain("Registered while locked", mine.CardText);
        Assert.Contains("#1", afterwards.CardText);
    }
}
