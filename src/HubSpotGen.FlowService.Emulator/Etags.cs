using System.Security.Cryptography;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>Etags in the service's own shape, and the If-Match comparison every entity shares.</summary>
internal static class Etags
{
    /// <summary>
    /// <c>"\"&lt;8 hex&gt;-0000-0200-0000-&lt;8 hex epoch seconds&gt;0000\""</c>, double quotes included;
    /// never the one it replaces, so every change is visible to If-Match.
    /// </summary>
    public static string New(DateTimeOffset now, string? previous = null)
    {
        while (true)
        {
            var seconds = (uint)now.ToUnixTimeSeconds();
            var etag = $"\"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-0000-0200-0000-{seconds:x8}0000\"";
            if (etag != previous)
            {
                return etag;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="ifMatch"/> names <paramref name="current"/>, with or without the etag's own
    /// double quotes: Adobe's connection example sends it bare and its dataflow examples quoted, and the
    /// service does not say which it wants. <c>*</c> is not honoured, so a client cannot skip the check.
    /// </summary>
    public static bool Matches(string ifMatch, string current) =>
        string.Equals(Bare(ifMatch.Trim()), Bare(current), StringComparison.Ordinal);

    private static string Bare(string etag) =>
        etag.Length >= 2 && etag[0] == '"' && etag[^1] == '"' ? etag[1..^1] : etag;
}
