using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OfficeBot.Testing;

namespace OfficeBot.Application.Tests.Meetings.Calendars;

/// <summary>A calendar server on loopback whose answers each test writes, recording every request it gets.</summary>
internal sealed class IcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> _requests = new();

    private IcsServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public Func<HttpContext, Task> Answer { get; set; } = context => Task.CompletedTask;

    public IReadOnlyList<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> Requests => _requests.ToArray();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<IcsServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new IcsServer(app, port);
        app.Run(async context =>
        {
            await server.Answer(context);
            server._requests.Enqueue((context.Request.Path, context.Request.Headers.IfNoneMatch.FirstOrDefault(),
                context.Request.Headers.IfModifiedSince.FirstOrDefault(), context.Response.StatusCode));
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
