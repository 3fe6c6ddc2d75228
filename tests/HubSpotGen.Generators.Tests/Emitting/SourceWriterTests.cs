using HubSpotGen.Generators.Emitting;

namespace HubSpotGen.Generators.Tests.Emitting;

/// <summary>
/// The writer every generated file goes through. It writes templates, doc comments and lines of pieces
/// straight into the chunks that become the file's text, so what each of those writes is pinned here exactly.
/// </summary>
public sealed class SourceWriterTests
{
    [Test]
    public void A_multi_line_doc_keeps_its_lines_without_trailing_space_and_an_empty_one_as_three_slashes()
    {
        var writer = new SourceWriter().Open("class C");

        writer.Doc("remarks", "  first line   \n\n  indented <b> & more\t\r\nlast\u2028after  \n", " cref=\"X\"");

        Assert.That(writer.Finish().ToString(), Is.EqualTo(
            "class C\n{\n"
            + "    /// <remarks cref=\"X\">\n"
            + "    /// first line\n"
            + "    ///\n"
            + "    ///   indented &lt;b&gt; &amp; more\n"
            + "    /// last\n"
            + "    /// after\n"
            + "    /// </remarks>\n"));
    }

    [Test]
    public void A_one_line_doc_is_one_line_and_blank_text_writes_nothing()
    {
        var writer = new SourceWriter().Indent();

        writer.Doc("summary", "  one <line>  ").Doc("remarks", " \n\t ").Doc("value", null);

        Assert.That(writer.Finish().ToString(), Is.EqualTo("    /// <summary>one &lt;line&gt;</summary>\n"));
    }

    [Test]
    public void A_block_is_indented_line_by_line_with_crlf_as_newline_and_blank_lines_left_empty()
    {
        var writer = new SourceWriter().Indent();

        writer.Block("a\r\n\r\n  b\rc\nd");

        Assert.That(writer.Finish().ToString(), Is.EqualTo("    a\n\n      b\rc\n    d\n"));
    }

    [Test]
    public void A_line_of_pieces_is_the_pieces_joined_and_empty_pieces_make_an_empty_line()
    {
        var writer = new SourceWriter().Indent();

        writer.Line("public ", "int", " ", "Count", " { get; set; }").Line("", "").Line("x", "y");

        Assert.That(writer.Finish().ToString(), Is.EqualTo("    public int Count { get; set; }\n\n    xy\n"));
    }

    [Test]
    public void A_writer_after_a_finished_one_starts_empty_at_no_indentation()
    {
        var first = new SourceWriter().Open("namespace A");
        first.Line("class First {}");
        first.Finish();

        var second = new SourceWriter();
        second.Line("class Second {}");

        Assert.That(second.Finish().ToString(), Is.EqualTo("class Second {}\n"));
    }

    [Test]
    public void A_file_of_many_chunks_keeps_every_character_and_its_lines()
    {
        // 20,000 lines of up to 7 characters: many chunks, with lines across their boundaries.
        var writer = new SourceWriter();
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            writer.Line("l" + i);
            expected.Append('l').Append(i).Append('\n');
        }

        var text = writer.Finish();

        Assert.That(text.Length, Is.EqualTo(expected.Length));
        Assert.That(text.ToString(), Is.EqualTo(expected.ToString()));
        Assert.That(text.Encoding, Is.EqualTo(System.Text.Encoding.UTF8));
        Assert.That(text.Lines[19_999].ToString(), Is.EqualTo("l19999"));
    }
}
