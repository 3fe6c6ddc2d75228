using System.Text;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// Compares what the generator wrote with the golden files, byte for byte, and describes every
/// difference so that a failing test shows the change in generated code rather than "not equal".
/// </summary>
internal static class SnapshotComparer
{
    /// <summary>How many diff lines a file's report shows before the rest is left out.</summary>
    private const int ShownLines = 160;

    /// <summary>How many unchanged lines frame a changed region.</summary>
    private const int ContextLines = 3;

    /// <summary>One entry per missing, extra or different file; empty when everything matches.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<StoredSnapshotFile> expected, IReadOnlyList<SnapshotFile> actual)
    {
        var differences = new List<string>();
        var stored = expected.ToDictionary(file => file.Name, StringComparer.Ordinal);
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in actual)
        {
            produced.Add(file.Name);
            if (!stored.TryGetValue(file.Name, out var golden))
            {
                differences.Add(file.Name + ": generated, but there is no golden file.");
                continue;
            }

            var bytes = SnapshotFolder.Bytes(file.Text);
            if (!bytes.AsSpan().SequenceEqual(golden.Bytes))
            {
                differences.Add(file.Name + ":\n" + Diff(SnapshotFolder.Text(golden.Bytes), file.Text));
            }
        }

        foreach (var golden in expected)
        {
            if (!produced.Contains(golden.Name))
            {
                differences.Add(golden.Name + ": has a golden file, but was not generated.");
            }
        }

        return differences;
    }

    /// <summary>
    /// A line diff in hunks: "-" lines are the golden file's, "+" lines the generated file's, each with its
    /// 1-based line number, framed by unchanged lines. Carriage returns, tabs and trailing spaces are made
    /// visible, as they are often the whole difference.
    /// </summary>
    public static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var edits = Edits(before, after);
        if (edits.TrueForAll(edit => edit.Kind == ' '))
        {
            return "  (the texts are equal line by line; the bytes differ in encoding)";
        }

        var builder = new StringBuilder();
        var shown = 0;
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: the run of changes from here, joined with the next run when few unchanged lines part them.
            var from = Math.Max(0, i - ContextLines);
            var to = i;
            while (to < edits.Count)
            {
                var next = to;
                while (next < edits.Count && edits[next].Kind != ' ')
                {
                    next++;
                }

                var gap = next;
                while (gap < edits.Count && edits[gap].Kind == ' ')
                {
                    gap++;
                }

                to = next;
                if (gap == edits.Count || gap - next > 2 * ContextLines)
                {
                    break;
                }

                to = gap;
            }

            var end = Math.Min(edits.Count, to + ContextLines);
            builder.Append("  @@ golden line ").Append(edits[from].BeforeLine + 1).Append(", generated line ").Append(edits[from].AfterLine + 1).Append(" @@\n");
            for (var k = from; k < end; k++)
            {
                if (shown++ == ShownLines)
                {
                    builder.Append("  … further differences left out\n");
                    return builder.ToString().TrimEnd('\n');
                }

                var edit = edits[k];
                AppendLine(builder, edit.Kind, edit.Kind == '+' ? edit.AfterLine : edit.BeforeLine, edit.Kind == '+' ? after[edit.AfterLine] : before[edit.BeforeLine]);
            }

            i = end;
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The shortest edit script by longest common subsequence, over the lines between the common prefix and
    /// suffix (a generated file changes in a few places, so that middle is small).
    /// </summary>
    private static List<(char Kind, int BeforeLine, int AfterLine)> Edits(string[] before, string[] after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<(char Kind, int BeforeLine, int AfterLine)>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add((' ', k, k));
        }

        var n = before.Length - prefix - suffix;
        var m = after.Length - prefix - suffix;
        if ((long)n * m > 16_000_000)
        {
            // Too large to align line by line: the whole middle as removed, then added.
            for (var k = 0; k < n; k++)
            {
                edits.Add(('-', prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                edits.Add(('+', prefix + n, prefix + k));
            }
        }
        else
        {
            var lengths = new int[n + 1, m + 1];
            for (var a = n - 1; a >= 0; a--)
            {
                for (var b = m - 1; b >= 0; b--)
                {
                    lengths[a, b] = before[prefix + a] == after[prefix + b]
                        ? lengths[a + 1, b + 1] + 1
                        : Math.Max(lengths[a + 1, b], lengths[a, b + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && before[prefix + x] == after[prefix + y])
                {
                    edits.Add((' ', prefix + x++, prefix + y++));
                }
                else if (x < n && (y == m || lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    edits.Add(('-', prefix + x++, prefix + y));
                }
                else
                {
                    edits.Add(('+', prefix + x, prefix + y++));
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add((' ', before.Length - suffix + k, after.Length - suffix + k));
        }

        return edits;
    }

    private static void AppendLine(StringBuilder builder, char marker, int index, string line)
    {
        var shown = line.Replace("\r", "\\r").Replace("\t", "\\t");
        if (shown.Length > 0 && shown[^1] == ' ')
        {
            shown += "·";
        }

        builder.Append("  ").Append(marker).Append(' ').Append((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)).Append(" | ").Append(shown).Append('\n');
    }
}
