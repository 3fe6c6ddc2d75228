using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Output;

/// <summary>
/// Masks credentials in what the command prints. Flow Service may hand a connection's auth params back in
/// clear (or an emulator may), so every document is redacted on its way to the terminal, human or JSON.
/// </summary>
internal static partial class SecretRedaction
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The only auth param that is an identifier rather than a credential, and helps to tell connections apart.</summary>
    public const string ShownAuthParam = "clientId";

    /// <summary>
    /// Names that hold a credential wherever they appear, as a second line of defence for documents that carry
    /// credentials outside <c>auth.params</c>. Only plain values are masked under these names: in a connection
    /// spec, <c>properties.clientSecret</c> is the schema of the param (an object), not a secret.
    /// </summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "clientSecret", "accessToken", "refreshToken", "password",
    };

    /// <summary>Whether the auth param <paramref name="name"/> may be shown in clear.</summary>
    public static bool IsShown(string name) => string.Equals(name, ShownAuthParam, StringComparison.Ordinal);

    /// <summary>The value of auth param <paramref name="name"/> as it may be printed.</summary>
    public static string Display(string name, JToken? value) =>
        value is null || value.Type == JTokenType.Null ? "(none)"
        : IsShown(name) && value.Type == JTokenType.String ? value.Value<string>()!
        : Mask;

    /// <summary>
    /// A copy of <paramref name="document"/> in which every value of every <c>auth.params</c> object except
    /// <c>clientId</c>, and every plain value under a credential name anywhere, is <see cref="Mask"/>.
    /// The input is left untouched. A null param stays null: it hides nothing.
    /// </summary>
    public static JToken Redact(JToken document)
    {
        var copy = document.DeepClone();
        RedactInPlace(copy);
        return copy;
    }

    /// <summary>
    /// <paramref name="line"/> with every one of <paramref name="secrets"/> in it replaced by <see cref="Mask"/>, and
    /// any bearer token after the word Bearer: a service may quote in its error what it was sent.
    /// </summary>
    public static string Scrub(string line, IEnumerable<string> secrets)
    {
        // The longest first, so that a secret containing another is masked whole.
        foreach (var secret in secrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length))
        {
            line = line.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return BearerToken().Replace(line, "Bearer " + Mask);
    }

    [GeneratedRegex(@"Bearer\s+[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    private static void RedactInPlace(JToken token)
    {
        switch (token)
        {
            case JObject item:
                foreach (var property in item.Properties().ToList())
                {
                    if (property.Name == "auth" && property.Value is JObject auth && auth["params"] is JObject parameters)
                    {
                        MaskAuthParams(parameters);
                    }

                    if (SecretNames.Contains(property.Name) && property.Value is JValue { Type: not JTokenType.Null })
                    {
                        property.Value = Mask;
                    }
                    else
                    {
                        RedactInPlace(property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var element in array)
                {
                    RedactInPlace(element);
                }

                break;
        }
    }

    private static void MaskAuthParams(JObject parameters)
    {
        foreach (var parameter in parameters.Properties().ToList())
        {
            // An object or array value (a nested credential) is masked whole; clientId only when it is plain text.
            var shown = IsShown(parameter.Name) && parameter.Value.Type == JTokenType.String;
            if (!shown && parameter.Value.Type != JTokenType.Null)
            {
                parameter.Value = Mask;
            }
        }
    }
}
