using HubSpotGen.Generators.Parsing;
using HubSpotGen.Generators.Parsing.Reading;

namespace HubSpotGen.Generators.Tests.Reading;

/// <summary>Specs in JSON: the same tree as YAML would give, and strict JSON errors where the mistake is.</summary>
public sealed class JsonReaderTests
{
    [TestCase("{\"a\": 1, \"b\": [true, null, -2.5e3], \"c\": {}}", "{\"a\": 1, \"b\": [true, null, -2.5e3], \"c\": {}}", TestName = "Objects, arrays and literals")]
    [TestCase("[\"\\u00e9\\n\\t\\\"\\\\\\/\"]", "[\"é\\n\\t\\\"\\\\/\"]", TestName = "String escapes")]
    [TestCase("\uFEFF {\r\n\"a\" :\r\n 1 }\r\n", "{\"a\": 1}", TestName = "BOM, CRLF and spaces")]
    [TestCase("{\"true\": \"1\"}", "{\"true\": \"1\"}", TestName = "Strings are never plain")]
    public void Reads_the_json_into_its_tree(string json, string expected)
    {
        Assert.That(TreeText.Of(JsonReader.Read(json)), Is.EqualTo(expected));
    }

    [Test]
    public void Json_and_the_same_document_in_yaml_give_the_same_tree()
    {
        var json = "{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"OK\"}}}}}, \"x\": [1, false]}";

        Assert.That(TreeText.Of(JsonReader.Read(json)), Is.EqualTo(TreeText.Of(YamlReader.Read(json))));
    }

    [Test]
    public void Nodes_have_their_line_and_column()
    {
        const string text = "{\n  \"a\": {\n    \"b\": [1, \"x\"]\n  }\n}";
        var root = (SpecMapping)JsonReader.Read(text)!;
        var b = (SpecSequence)root.GetMap("a")!.Find("b")!;

        Assert.Multiple(() =>
        {
            Assert.That(TreeText.LineAndColumn(text, root.GetMap("a")!.Start), Is.EqualTo((2, 8)));
            Assert.That(TreeText.LineAndColumn(text, b.Start), Is.EqualTo((3, 10)));
            Assert.That(TreeText.LineAndColumn(text, b.Children[1].Start), Is.EqualTo((3, 14)));
            Assert.That(TreeText.LineAndColumn(text, b.Children[1].End), Is.EqualTo((3, 17)));
            Assert.That(TreeText.LineAndColumn(text, root.End), Is.EqualTo((5, 2)));
        });
    }

    [TestCase("{\"a\": 1 \"b\": 2}", 9, "expected ',' or '}'", TestName = "Missing comma")]
    [TestCase("{\"a\": 1,}", 9, "quoted member name", TestName = "Trailing comma")]
    [TestCase("{a: 1}", 2, "quoted member name", TestName = "Unquoted name")]
    [TestCase("{\"a\" 1}", 6, "':'", TestName = "Missing colon")]
    [TestCase("{\"a\": tru}", 7, "not a JSON value", TestName = "Bad literal")]
    [TestCase("{\"a\": \"x}", 7, "never closed", TestName = "Unclosed string")]
    [TestCase("{\"a\": [1}", 9, "expected ',' or ']'", TestName = "Wrong bracket")]
    [TestCase("{\"a\": 1", 8, "unclosed object", TestName = "Truncated")]
    [TestCase("{\"a\": 1} x", 10, "after the end", TestName = "Text after the document")]
    [TestCase("{\"a\": 1, \"a\": 2}", 10, "duplicate key 'a'", TestName = "Duplicate key")]
    [TestCase("[\"\\q\"]", 3, "escape", TestName = "Bad escape")]
    public void Errors_are_located(string json, int column, string message)
    {
        var exception = Assert.Throws<SpecSyntaxException>(() => JsonReader.Read(json));

        Assert.That(exception!.Offset + 1, Is.EqualTo(column), exception.Message);
        Assert.That(exception.Message, Does.Contain(message));
    }

    [Test]
    public void Deep_nesting_stops_at_the_limit_without_recursion()
    {
        var json = new string('[', 200_000) + new string(']', 200_000);

        var exception = Assert.Throws<SpecSyntaxException>(() => JsonReader.Read(json));

        Assert.That((exception!.Message, exception.Offset), Is.EqualTo((NestingLimit.TooDeepMessage, NestingLimit.MaxDepth)));
    }
}
