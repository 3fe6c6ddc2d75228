using HubSpotGen.Generators.Emitting;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Tests.Emitting;

/// <summary>
/// The chunks a file is written into are the text Roslyn reads, without a copy: it must read exactly as the same
/// string would, wherever a read starts and ends against the chunk boundaries.
/// </summary>
public sealed class ChunkedTextTests
{
    private const int Chunk = ChunkedText.ChunkLength;

    [TestCase(0, TestName = "Empty")]
    [TestCase(1, TestName = "One character")]
    [TestCase(Chunk - 1, TestName = "One short of a chunk")]
    [TestCase(Chunk, TestName = "Exactly one chunk")]
    [TestCase(Chunk + 1, TestName = "One past a chunk")]
    [TestCase((3 * Chunk) + 17, TestName = "Several chunks")]
    public void Reads_as_the_same_string_would(int length)
    {
        var (chunked, expected) = Write(length);

        var text = chunked.ToSourceText();
        var reference = SourceText.From(expected, System.Text.Encoding.UTF8);

        Assert.That(text.Length, Is.EqualTo(expected.Length));
        Assert.That(text.ToString(), Is.EqualTo(expected));
        Assert.That(text.GetChecksum(), Is.EqualTo(reference.GetChecksum()), "the checksum a PDB records");
        Assert.That(text.ContentEquals(reference), Is.True);
        Assert.That(text.Lines.Select(line => line.ToString()), Is.EqualTo(reference.Lines.Select(line => line.ToString())));
        for (var i = 0; i < length; i += Math.Max(1, length / 50))
        {
            Assert.That(text[i], Is.EqualTo(expected[i]), "at " + i);
        }
    }

    [TestCase(0, 0)]
    [TestCase(Chunk - 3, 6)]
    [TestCase(Chunk, Chunk)]
    [TestCase(5, (2 * Chunk) + 5)]
    [TestCase((3 * Chunk) + 16, 1)]
    public void Copies_any_span_across_chunk_boundaries(int start, int count)
    {
        var (chunked, expected) = Write((3 * Chunk) + 17);
        var text = chunked.ToSourceText();
        var destination = new char[count + 4];

        text.CopyTo(start, destination, 2, count);

        Assert.That(new string(destination, 2, count), Is.EqualTo(expected.Substring(start, count)));
        Assert.That(destination[0] + destination[1] + destination[count + 2] + destination[count + 3], Is.Zero, "nothing written outside the span");
    }

    [Test]
    public void Reads_outside_the_text_are_refused()
    {
        var text = Write(Chunk + 1).Chunked.ToSourceText();

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = text[Chunk + 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = text[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(Chunk, new char[10], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(-1, new char[10], 0, 1));
    }

    [Test]
    public void Repeated_characters_and_substrings_fill_across_boundaries()
    {
        var chunked = new ChunkedText().Append('x', Chunk - 2).Append(' ', 5).Append("abcdef", 1, 4).Append('\n');

        var expected = new string('x', Chunk - 2) + "     bcde\n";

        Assert.That(chunked.ToString(), Is.EqualTo(expected));
        Assert.That(chunked.ToSourceText().ToString(), Is.EqualTo(expected));
    }

    /// <summary>Pieces of changing length, so that appends start and end at every offset of a chunk.</summary>
    private static (ChunkedText Chunked, string Expected) Write(int length)
    {
        var chunked = new ChunkedText();
        var expected = new System.Text.StringBuilder();
        var piece = 0;
        while (expected.Length < length)
        {
            var text = (piece % 7 == 0 ? "line " + piece + "\n" : new string((char)('a' + (piece % 26)), (piece % 13) + 1));
            text = text.Substring(0, Math.Min(text.Length, length - expected.Length));
            chunked.Append(text);
            expected.Append(text);
            piece++;
        }

        return (chunked, expected.ToString());
    }
}
