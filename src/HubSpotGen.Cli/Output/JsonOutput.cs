using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Output;

/// <summary>Writes the <c>--json</c> documents: one JSON value on stdout, always through <see cref="SecretRedaction"/>.</summary>
internal static class JsonOutput
{
    // The generated models carry their own Newtonsoft attributes and converters; these settings only keep
    // strings that look like dates (etags, names) as the text they are.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
    });

    /// <summary>The model as a redacted JSON value.</summary>
    public static JToken ToRedactedJson(object value) => SecretRedaction.Redact(JToken.FromObject(value, Serializer));

    /// <summary>Writes <paramref name="value"/>, redacted and indented, followed by a newline.</summary>
    public static Task WriteAsync(TextWriter output, object value) =>
        output.WriteLineAsync(ToRedactedJson(value).ToString(Formatting.Indented));
}
