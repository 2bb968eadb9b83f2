using System.Net;
using System.Net.Sockets;

namespace OfficeBot.Testing;

public static class FreePort
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it; another process may still take it first).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
