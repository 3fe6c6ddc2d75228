using HubSpotGen.Generators.Parsing;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Lines are worked out from offsets only when a diagnostic needs one, so they must be counted as the readers
/// count them: "\n", "\r\n" (one break) and a lone "\r", with a byte order mark outside the first line.
/// </summary>
public sealed class SpecLinesTests
{
    [TestCase("a\nb\nc", 4, 2, 0, TestName = "LF")]
    [TestCase("a\r\nb\r\nc", 6, 2, 0, TestName = "CRLF is one break")]
    [TestCase("a\rb\rc", 4, 2, 0, TestName = "Lone CR")]
    [TestCase("a\r\rb", 3, 2, 0, TestName = "Two CRs are two breaks")]
    [TestCase("ab\r\ncd", 2, 0, 2, TestName = "The CR of a CRLF ends its line")]
    [TestCase("ab\r\ncd", 3, 0, 3, TestName = "So does its LF")]
    [TestCase("ab\ncd", 4, 1, 1, TestName = "Mid line")]
    [TestCase("ab\ncd", 5, 1, 2, TestName = "At the end of the text")]
    [TestCase("ab\n", 3, 1, 0, TestName = "After a final break")]
    [TestCase("\uFEFFab", 1, 0, 0, TestName = "A byte order mark is before the first column")]
    [TestCase("\uFEFFa\nb", 3, 1, 0, TestName = "And does not shift later lines")]
    [TestCase("", 0, 0, 0, TestName = "Empty text")]
    public void Offsets_become_lines_and_columns(string text, int index, int line, int column)
    {
        var lines = new SpecLines(text);

        Assert.That((lines.LineOf(index), lines.ColumnOf(index)), Is.EqualTo((line, column)));
    }
}
