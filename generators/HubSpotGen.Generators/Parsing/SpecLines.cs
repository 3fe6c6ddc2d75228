using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Where each line of a spec's text starts, to turn an offset into a line and column as the readers count lines: a break is <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, and a byte order mark is not part of the first line.
/// </summary>
internal sealed class SpecLines
{
    private readonly int[] _starts;

    public SpecLines(string text)
    {
        var starts = new List<int> { text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _starts = starts.ToArray();
    }

    /// <summary>The zero-based line of <paramref name="index"/>.</summary>
    public int LineOf(int index)
    {
        var found = Array.BinarySearch(_starts, index);
        return found >= 0 ? found : Math.Max(0, ~found - 1);
    }

    /// <summary>The zero-based column of <paramref name="index"/>, in characters from its line's start.</summary>
    public int ColumnOf(int index) => Math.Max(0, index - _starts[LineOf(index)]);
}
