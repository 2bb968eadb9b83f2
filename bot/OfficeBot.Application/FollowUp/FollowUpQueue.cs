using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OfficeBot.Domain.Matters;

namespace OfficeBot.Application.FollowUp;

/// <summary>
/// Work that follows a change — notifications, in-place card updates — queued so the person who acted gets their answer
/// first. One reader drains it in order (so the updates of one matter never overtake each other).
/// </summary>
public sealed partial class FollowUpQueue(MatterFollowUp followUp, ILogger<FollowUpQueue> logger)
{
    private readonly Channel<Item> _items = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    public void Enqueue(Matter matter, IReadOnlyList<HistoryEntry> appended, Actor actor)
    {
        if (appended.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _pending);
        _items.Writer.TryWrite(new Item(matter, appended, actor));
    }

    /// <summary>Drains the queue until cancelled; a failing item is logged and the next one goes on.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await followUp.RunAsync(item.Matter, item.Appended, item.Actor, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, item.Matter.State.TenantId, item.Matter.Number);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    /// <summary>For tests and shutdown: waits until everything queued so far has been followed up.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(10, cancel.Token);
        }
    }

    private sealed record Item(Matter Matter, IReadOnlyList<HistoryEntry> Appended, Actor Actor);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up of {TenantId}#{MatterNumber} failed")]
    private partial void LogFailed(Exception exception, string tenantId, int matterNumber);
}
