using System.Security.Cryptography;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>Bearer tokens the IMS endpoint handed out, accepted by the gateway until they expire.</summary>
internal sealed class IssuedTokens
{
    /// <summary>The lifetime IMS v3 reports for a server-to-server token.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(86399);

    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue()
    {
        var token = "emulator-ims-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _expiries[token] = DateTimeOffset.UtcNow + Lifetime;
        }

        return token;
    }

    public bool IsValid(string token)
    {
        lock (_gate)
        {
            return _expiries.TryGetValue(token, out var expiry) && DateTimeOffset.UtcNow < expiry;
        }
    }
}
