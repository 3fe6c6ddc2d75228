namespace HubSpotGen.Testing;

/// <summary>Reads positions out of a spec written in a test, so that expected lines are not counted by hand.</summary>
public static class SpecText
{
    /// <summary>The 1-based line of the <paramref name="occurrence"/>-th line that contains <paramref name="marker"/>.</summary>
    public static int LineOf(string text, string marker, int occurrence = 1)
    {
        var lines = text.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new ArgumentException("'" + marker + "' occurs fewer than " + occurrence + " times.", nameof(marker));
    }

    /// <summary>Normalises a C# raw string literal to "\n" line ends, whatever the checkout did to this file.</summary>
    public static string Lf(string text) => text.Replace("\r\n", "\n");
}
