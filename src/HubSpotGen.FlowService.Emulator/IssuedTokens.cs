using System.Security.Cryptography;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>Bearer tokens the IMS endpoint handed out, accepted by the gateway until they expire on the emulator's clock.</summary>
internal sealed class IssuedTokens(TimeProvider clock)
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
            _expiries[token] = clock.GetUtcNow() + Lifetime;
        }

        return token;
    }

    /// <summary>Every token issued so far lapses now; tokens issued later are unaffected.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _expiries.Clear();
        }
    }

    public bool IsValid(string token)
    {
        lock (_gate)
        {
            return _expiries.TryGetValue(token, out var expiry) && clock.GetUtcNow() < expiry;
        }
    }
}
