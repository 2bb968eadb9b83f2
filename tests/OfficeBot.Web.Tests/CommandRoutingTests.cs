using Microsoft.Extensions.DependencyInjection;
using OfficeBot.Application.Commands.Handlers;
using OfficeBot.Commands;

namespace OfficeBot.Web.Tests;

/// <summary>The route table of chat commands as the host builds it: every command the parser can produce has exactly one handler.</summary>
public sealed class CommandRoutingTests
{
    [Fact]
    public async Task EveryCommandType_HasExactlyOneHandler()
    {
        var bot = await BotHost.StartAsync();
        try
        {
            var commandTypes = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract).OrderBy(t => t.Name).ToList();

            var handled = bot.Services.GetRequiredService<IEnumerable<ICommandHandler>>().Select(h => h.CommandType).OrderBy(t => t.Name).ToList();

            Assert.Equal(commandTypes.Select(t => t.Name), handled.Select(t => t.Name));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }
}
