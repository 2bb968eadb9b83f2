using OfficeBot.Application.Messaging;
using OfficeBot.Commands;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>Answers one kind of chat command; the dispatcher routes each parsed command to the handler of its type.</summary>
public interface ICommandHandler
{
    Type CommandType { get; }

    Task<Reply> HandleAsync(Command command, Turn turn, CancellationToken cancellationToken);
}

/// <summary>A handler of the command type <typeparamref name="T"/>.</summary>
public abstract class CommandHandler<T> : ICommandHandler
    where T : Command
{
    public Type CommandType => typeof(T);

    public Task<Reply> HandleAsync(Command command, Turn turn, CancellationToken cancellationToken) => HandleAsync((T)command, turn, cancellationToken);

    protected abstract Task<Reply> HandleAsync(T command, Turn turn, CancellationToken cancellationToken);
}
