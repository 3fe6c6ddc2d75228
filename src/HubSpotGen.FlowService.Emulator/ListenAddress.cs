using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Where the server binds, and the address a client on the same machine dials: a wildcard (<c>0.0.0.0</c>,
/// <c>::</c>) listens everywhere but is not an address to connect to, so clients are pointed at loopback.
/// </summary>
internal sealed record ListenAddress(IPAddress Bind)
{
    /// <summary>The address for an IP literal; null for anything else, host names included, so that a typo cannot bind somewhere unexpected.</summary>
    public static ListenAddress? TryParse(string? host)
    {
        var text = host?.Trim();
        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        // IPAddress.TryParse reads "1" as 0.0.0.1 and "127.1" as 127.0.0.1; an IPv4 address must be written out in full.
        return address.AddressFamily == AddressFamily.InterNetwork && address.ToString() != text ? null : new ListenAddress(address);
    }

    /// <summary>What clients dial: loopback of the same family for a wildcard, else the bound address itself.</summary>
    public IPAddress Connect => Bind.Equals(IPAddress.Any) ? IPAddress.Loopback
        : Bind.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : Bind;

    /// <summary>The server's URL for <paramref name="port"/> on <paramref name="address"/>, brackets around IPv6.</summary>
    public static string Url(IPAddress address, int port)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
        return "http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture);
    }
}
