using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Testing;

/// <summary>Compares JSON by meaning (key order and whitespace do not matter, types and values do).</summary>
public static class JsonAssert
{
    public static void AreEquivalent(string expectedJson, string? actualJson)
    {
        Assert.That(actualJson, Is.Not.Null.And.Not.Empty, "Expected a JSON body, but there was none.");
        var expected = Parse(expectedJson);
        var actual = Parse(actualJson!);
        if (!JToken.DeepEquals(expected, actual))
        {
            Assert.Fail(
                "JSON differs." + Environment.NewLine +
                "Expected:" + Environment.NewLine + expected.ToString(Formatting.Indented) + Environment.NewLine +
                "Actual:" + Environment.NewLine + actual.ToString(Formatting.Indented));
        }
    }

    /// <summary>
    /// Parses without turning date-like strings into dates: an etag or id that happens to look like a date
    /// must be compared as the text it is.
    /// </summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
