using HubSpotGen.Generators.Parsing;
using HubSpotGen.Generators.Parsing.Reading;

namespace HubSpotGen.Generators.Tests.Reading;

/// <summary>
/// Each YAML construct real specs use, read into the tree it must give. Plain scalars are written bare and
/// every other scalar as a JSON string (see <see cref="TreeText"/>): a quoted <c>"true"</c> stays a string.
/// </summary>
public sealed class YamlReaderTests
{
    [TestCase("a: 1\nb: x y\n", "{a: 1, b: x y}", TestName = "Block mapping")]
    [TestCase("- a\n- b\n", "[a, b]", TestName = "Block sequence")]
    [TestCase("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", "{a: {b: {c: 1}, d: 2}, e: 3}", TestName = "Nested block mappings")]
    [TestCase("a:\n- 1\n- 2\nb: 3\n", "{a: [1, 2], b: 3}", TestName = "Sequence at its key's indentation")]
    [TestCase("- a: 1\n  b: 2\n- - x\n  - y\n", "[{a: 1, b: 2}, [x, y]]", TestName = "Compact collections in sequence entries")]
    [TestCase("a:\nb: ~\nc: null\n", "{a: , b: ~, c: null}", TestName = "Empty values stay plain")]
    [TestCase("-\n- \n", "[, ]", TestName = "Empty sequence entries")]
    [TestCase("a: [1, 'two', \"three\", [x], {k: v}]\n", "{a: [1, \"two\", \"three\", [x], {k: v}]}", TestName = "Flow sequence")]
    [TestCase("a: {b: 1, c: [2, 3], d, 'e': f}\n", "{a: {b: 1, c: [2, 3], d: , \"e\": f}}", TestName = "Flow mapping, with a key without a value")]
    [TestCase("a: [b: 1, c]\n", "{a: [{b: 1}, c]}", TestName = "Single pair inside a flow sequence")]
    [TestCase("a: {\"b\":1, 'c':[2]}\n", "{a: {\"b\": 1, \"c\": [2]}}", TestName = "JSON-like keys with no space after the colon")]
    [TestCase("a: [\n  1,\n  2,\n]\n", "{a: [1, 2]}", TestName = "Flow over several lines, trailing comma")]
    [TestCase("a: [1, # one\n  2] # done\n", "{a: [1, 2]}", TestName = "Comments inside a flow collection")]
    [TestCase("url: http://x/y?a=b#c\nk: a:b\n", "{url: http://x/y?a=b#c, k: a:b}", TestName = "Colons and hashes inside plain scalars")]
    [TestCase("a: b # comment\n# whole line\nc: d#e\n", "{a: b, c: d#e}", TestName = "Comments")]
    [TestCase("a: one\n  two\n\n  three\nb: 1\n", "{a: one two\nthree, b: 1}", TestName = "Multi-line plain scalar")]
    [TestCase("a: 'it''s'\nb: 'one\n  two'\n", "{a: \"it's\", b: \"one two\"}", TestName = "Single-quoted scalars")]
    [TestCase("a: \"\\t\\n\\\\\\\"\\u00e9\\x41\\U0001F600\\/\\_\\ \"\n", "{a: \"\\t\\n\\\\\\\"éA😀/\u00a0 \"}", TestName = "Double-quoted escapes")]
    [TestCase("a: \"one \\\n  two\"\nb: \"x\n\n  y\"\n", "{a: \"one two\", b: \"x\\ny\"}", TestName = "Double-quoted line breaks: escaped and folded")]
    [TestCase("a: |\n  line 1\n  line 2\nb: 1\n", "{a: \"line 1\\nline 2\\n\", b: 1}", TestName = "Literal block scalar")]
    [TestCase("a: |-\n  x\n\nb: |+\n  y\n\nc: 1\n", "{a: \"x\", b: \"y\\n\\n\", c: 1}", TestName = "Chomping: strip and keep")]
    [TestCase("a: >\n  one\n  two\n\n  three\n    more\n  four\n", "{a: \"one two\\nthree\\n  more\\nfour\\n\"}", TestName = "Folded block scalar")]
    [TestCase("a: |2\n    indented\n  base\n", "{a: \"  indented\\nbase\\n\"}", TestName = "Explicit indentation indicator")]
    [TestCase("a: >-\n  x\n  y\n", "{a: \"x y\"}", TestName = "Folded and stripped")]
    [TestCase("a: |\n\n  after a blank line\n", "{a: \"\\nafter a blank line\\n\"}", TestName = "Leading blank line in a block scalar")]
    [TestCase("a: |\n  x\n# a comment after it\nb: 1\n", "{a: \"x\\n\", b: 1}", TestName = "Comment line after a block scalar")]
    [TestCase("a: |\nb: 1\n", "{a: \"\", b: 1}", TestName = "Empty block scalar")]
    [TestCase("x: &a {k: v}\ny: *a\n", "{x: {k: v}, y: {k: v}}", TestName = "Anchor and alias")]
    [TestCase("x: &a\n  k: v\ny: *a\n", "{x: {k: v}, y: {k: v}}", TestName = "Anchor on a block mapping")]
    [TestCase("&s x: &v 1\ny: *s\nz: *v\n", "{x: 1, y: x, z: 1}", TestName = "Anchors on a key and on its value")]
    [TestCase("b: &b {k: 1, l: 2}\nm:\n  <<: *b\n  k: 3\n", "{b: {k: 1, l: 2}, m: {k: 3, l: 2}}", TestName = "Merge key: own keys win")]
    [TestCase("a: !!str true\nb: !!int \"1\"\nc: !custom x\n", "{a: \"true\", b: \"1\", c: x}", TestName = "Tags: !!str makes a string, others are ignored")]
    [TestCase("? complex\n: value\nnext: 1\n", "{complex: value, next: 1}", TestName = "Explicit key")]
    [TestCase("%YAML 1.2\n---\na: 1\n...\n", "{a: 1}", TestName = "Directive and document markers")]
    [TestCase("a: 1\n---\nb: 2\n", "{a: 1}", TestName = "Only the first document")]
    [TestCase("--- |\n  text\n", "\"text\\n\"", TestName = "Content on the document start line")]
    [TestCase("\uFEFFa: 1\r\nb:\r\n  - x\r\n", "{a: 1, b: [x]}", TestName = "BOM and CRLF")]
    [TestCase("a:\t1\nb: [x,\ty]\n", "{a: 1, b: [x, y]}", TestName = "Tabs as separation")]
    [TestCase("'200': {description: OK}\n\"x-y\": 1\n", "{\"200\": {description: OK}, \"x-y\": 1}", TestName = "Quoted keys")]
    [TestCase("", "(none)", TestName = "Empty document")]
    [TestCase("just text\n", "just text", TestName = "Scalar document")]
    public void Reads_the_construct_into_its_tree(string yaml, string expected)
    {
        Assert.That(TreeText.Of(YamlReader.Read(yaml)), Is.EqualTo(expected));
    }

    [Test]
    public void A_multi_line_plain_scalar_folds_line_breaks()
    {
        var root = (SpecMapping)YamlReader.Read("a: one\n  two\n\n  three\nb: 1\n")!;

        Assert.That(((SpecScalar)root.Find("a")!).Value, Is.EqualTo("one two\nthree"));
        Assert.That(((SpecScalar)root.Find("b")!).Value, Is.EqualTo("1"));
    }

    /// <summary>The case that made us write our own reader: keep chomping, one blank line longer than the next key's indentation.</summary>
    [Test]
    public void A_keep_block_scalar_whose_only_line_is_a_long_blank_line_is_one_line_feed()
    {
        var yaml = "components:\n  schemas:\n    Stop:\n      type: string\n      example: |+\n" + new string(' ', 12) + "\n      nullable: true\n";

        var stop = (SpecMapping)((SpecMapping)((SpecMapping)YamlReader.Read(yaml)!).Find("components")!).GetMap("schemas")!.Find("Stop")!;

        Assert.That(TreeText.Of(stop), Is.EqualTo("{type: string, example: \"\\n\", nullable: true}"));
    }

    [TestCase("a: |\n\n", "\"\"", TestName = "Clip with only a blank line is empty")]
    [TestCase("a: |+\n\n\n", "\"\\n\\n\"", TestName = "Keep with only blank lines keeps each")]
    [TestCase("a: |-\n      \n", "\"\"", TestName = "Strip with only a long blank line is empty")]
    [TestCase("a: >+\n    \n  \nb: 1\n", "\"\\n\\n\"", TestName = "Folded keep with blank lines of several lengths")]
    public void Block_scalars_of_blank_lines_follow_their_chomping(string yaml, string expected)
    {
        Assert.That(TreeText.Of(((SpecMapping)YamlReader.Read(yaml)!).Find("a")), Is.EqualTo(expected));
    }

    [Test]
    public void A_leading_blank_line_longer_than_the_first_text_line_is_an_error_at_that_line()
    {
        var exception = Assert.Throws<SpecSyntaxException>(() => YamlReader.Read("a: |\n      \n  text\n"));

        Assert.That(LineOf("a: |\n      \n  text\n", exception!.Offset), Is.EqualTo(2));
    }

    [Test]
    public void Every_node_has_its_one_based_line_and_column()
    {
        const string text = "openapi: 3.0.3\ninfo:\n  title: 'T'\n  tags: [a, {b: c}]\n";
        var root = (SpecMapping)YamlReader.Read(text)!;
        var info = root.GetMap("info")!;
        var title = (SpecScalar)info.Find("title")!;
        var tags = (SpecSequence)info.Find("tags")!;

        Assert.Multiple(() =>
        {
            Assert.That(TreeText.LineAndColumn(text, root.Start), Is.EqualTo((1, 1)));
            Assert.That(TreeText.LineAndColumn(text, info.Start), Is.EqualTo((3, 3)));
            Assert.That(TreeText.LineAndColumn(text, info.GetKeyNode("title")!.Start), Is.EqualTo((3, 3)));
            Assert.That(TreeText.LineAndColumn(text, title.Start), Is.EqualTo((3, 10)));
            Assert.That(title.Start.Index, Is.EqualTo(30));
            Assert.That(TreeText.LineAndColumn(text, title.End), Is.EqualTo((3, 13)));
            Assert.That(TreeText.LineAndColumn(text, tags.Start), Is.EqualTo((4, 9)));
            Assert.That(TreeText.LineAndColumn(text, tags.Children[1].Start), Is.EqualTo((4, 13)));
            Assert.That(TreeText.LineAndColumn(text, tags.End), Is.EqualTo((4, 20)));
        });
    }

    [Test]
    public void Nodes_hash_by_where_they_start_and_equal_only_themselves()
    {
        var root = (SpecMapping)YamlReader.Read("a:\n  b: 1\n")!;
        var inner = root.GetMap("a")!;
        var key = inner.GetKeyNode("b")!;

        Assert.Multiple(() =>
        {
            Assert.That(inner.GetHashCode(), Is.EqualTo(inner.Start.Index));
            Assert.That(key.GetHashCode(), Is.EqualTo(inner.GetHashCode()), "a mapping and its first key start at one offset");
            Assert.That(key, Is.Not.EqualTo(inner));
            Assert.That(new HashSet<SpecNode> { inner, key, inner }, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Lines_are_counted_across_multi_line_scalars_and_CRLF()
    {
        var text = "a: |\r\n  x\r\n  y\r\nb: \"one\r\n  two\"\r\nc: 1\r\n";
        var root = (SpecMapping)YamlReader.Read(text)!;
        var c = (SpecScalar)root.Find("c")!;

        Assert.That((TreeText.LineAndColumn(text, c.Start), text[c.Start.Index]), Is.EqualTo(((6, 4), '1')));
    }

    [TestCase("a: 1\na: 2\n", 2, 1, "duplicate key 'a'", TestName = "Duplicate key")]
    [TestCase("a: *missing\n", 1, 4, "names no anchor", TestName = "Unknown alias")]
    [TestCase("a:\n  b: 1\n c: 2\n", 3, 2, "indented", TestName = "Bad indentation")]
    [TestCase("a:\n\tb: 1\n", 2, 1, "tab", TestName = "Tab indentation")]
    [TestCase("a: b: c\n", 1, 5, "mapping values are not allowed", TestName = "Mapping value after a value")]
    [TestCase("a: 'b': c\n", 1, 7, "mapping values are not allowed", TestName = "Mapping value after a quoted value")]
    [TestCase("a: x\n  y: z\n", 2, 4, "mapping values are not allowed", TestName = "Mapping value in a continuation line")]
    [TestCase("a: [1, 2\nb: 3\n", 1, 4, "'[' opened here is not closed", TestName = "Unclosed flow sequence")]
    [TestCase("a: {b: 1\n", 1, 4, "'{' opened here is not closed", TestName = "Unclosed flow mapping at the end")]
    [TestCase("a: [1, 2}\n", 1, 9, "expected ','", TestName = "Wrong closing bracket")]
    [TestCase("a: \"open\n", 1, 4, "never closed", TestName = "Unclosed quotes")]
    [TestCase("[a]: 1\n", 1, 1, "complex mapping keys", TestName = "Complex key")]
    [TestCase("a: 1\n- b\n", 2, 1, "sequence entry", TestName = "Sequence entry inside a mapping")]
    [TestCase("a: \"\\q\"\n", 1, 5, "escape", TestName = "Unknown escape")]
    [TestCase("a: |x\n", 1, 5, "block scalar", TestName = "Text after a block scalar indicator")]
    public void Errors_are_located(string yaml, int line, int column, string message)
    {
        var exception = Assert.Throws<SpecSyntaxException>(() => YamlReader.Read(yaml));

        Assert.That((LineOf(yaml, exception!.Offset), ColumnOf(yaml, exception.Offset)), Is.EqualTo((line, column)), exception.Message);
        Assert.That(exception.Message, Does.Contain(message));
    }

    [TestCase("x: &a {k: v}\ny: *a\n", true, TestName = "Shares nodes: an alias")]
    [TestCase("x: &a {k: v}\ny:\n  <<: *a\n", true, TestName = "Shares nodes: a merge of an alias")]
    [TestCase("x: &a {k: v}\ny: '*a'\nz: a * b\n", false, TestName = "Shares nodes: an anchor alone, and stars in scalars")]
    [TestCase("{\"x\": {\"k\": \"*v\"}}", false, TestName = "Shares nodes: JSON")]
    public void The_reader_says_whether_an_alias_shares_a_node(string text, bool expected)
    {
        SpecReader.Read(text, out var sharesNodes);

        Assert.That(sharesNodes, Is.EqualTo(expected));
    }

    [Test]
    public void An_alias_cannot_reach_the_collection_it_is_inside()
    {
        Assert.Throws<SpecSyntaxException>(() => YamlReader.Read("a: &x\n  b: *x\n"));
    }

    [Test]
    public void Deep_flow_nesting_stops_at_the_limit_without_recursion()
    {
        var yaml = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var exception = Assert.Throws<SpecSyntaxException>(() => YamlReader.Read(yaml));

        Assert.That(exception!.Message, Is.EqualTo(NestingLimit.TooDeepMessage));
    }

    [Test]
    public void Block_nesting_to_the_limit_is_read()
    {
        var yaml = new System.Text.StringBuilder();
        for (var i = 0; i < NestingLimit.MaxDepth - 1; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        yaml.Append(' ', NestingLimit.MaxDepth - 1).Append("k: leaf\n");
        SpecNode? node = YamlReader.Read(yaml.ToString());
        var depth = 0;
        while (node is SpecMapping mapping)
        {
            depth++;
            node = mapping.Find("k");
        }

        Assert.That((depth, TreeText.Of(node)), Is.EqualTo((NestingLimit.MaxDepth, "leaf")));
    }

    private static int LineOf(string text, int offset) => text.Substring(0, offset).Count(c => c == '\n') + 1;

    private static int ColumnOf(string text, int offset) => offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1) + 1;
}
