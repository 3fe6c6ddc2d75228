using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>Reads request bodies strictly: one JSON value, no duplicate keys, and strings kept as sent.</summary>
internal static class JsonBody
{
    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    public static bool IsEmpty(byte[] body) => body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    /// <summary>The parsed value, or null when the body is not exactly one JSON value.</summary>
    public static JToken? TryParse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body)))
            {
                // Newtonsoft would otherwise turn date-like strings (names, descriptions) into DateTime and re-render them.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader, LoadSettings);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
