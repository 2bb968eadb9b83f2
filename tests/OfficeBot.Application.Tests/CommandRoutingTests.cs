using OfficeBot.Commands;

namespace OfficeBot.Application.Tests;

/// <summary>The route table of chat commands: every command the parser can produce has exactly one handler.</summary>
public sealed class CommandRoutingTests
{
    [Fact]
    public async Task EveryCommandType_HasExactlyOneHandler()
    {
        using var office = await SqliteOffice.StartAsync();
        var commandTypes = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract).OrderBy(t => t.Name).ToList();

        var handled = office.Handlers.Select(h => h.CommandType).OrderBy(t => t.Name).ToList();

        Assert.Equal(commandTypes.Select(t => t.Name), handled.Select(t => t.Name));
    }
}
