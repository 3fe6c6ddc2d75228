using System;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Local JSON pointers (<c>#/components/schemas/Connection</c>) over the spec tree.</summary>
internal static class SpecPointer
{
    /// <summary>The node <paramref name="pointer"/> names in <paramref name="root"/>, or null when it names nothing there.</summary>
    public static SpecNode? Resolve(SpecMapping root, string pointer)
    {
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        SpecNode current = root;
        foreach (var rawSegment in pointer.Substring(1).Split('/'))
        {
            if (rawSegment.Length == 0)
            {
                continue;
            }

            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case SpecMapping map when map.Get(segment) is { } child:
                    current = child;
                    break;
                case SpecSequence sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}
