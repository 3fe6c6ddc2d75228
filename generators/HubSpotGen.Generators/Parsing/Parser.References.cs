using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    /// <summary>
    /// Follows <c>$ref</c> chains from <paramref name="node"/> until a node that is not a reference.
    /// Returns null, after reporting, when a reference is broken or closes a loop.
    /// </summary>
    private static SpecMapping? Dereference(ParseContext context, SpecNode node, string fallbackDescription, out string? lastPointer)
    {
        lastPointer = null;
        var current = node as SpecMapping;
        var seen = new HashSet<SpecMapping>();
        while (current is not null)
        {
            if (current.Get("$ref") is not SpecScalar reference)
            {
                return current;
            }

            seen.Add(current);
            lastPointer = reference.Value ?? string.Empty;
            if (ResolvePointer(context, lastPointer) is not SpecMapping target)
            {
                Report(context, DiagnosticDescriptors.UnresolvedReference, reference, lastPointer, fallbackDescription);
                return null;
            }

            if (seen.Contains(target))
            {
                Report(context, DiagnosticDescriptors.ReferenceLoop, reference, lastPointer, fallbackDescription);
                return null;
            }

            current = target;
        }

        return null;
    }

    /// <summary>
    /// Follows <c>$ref</c> chains like <see cref="Dereference"/> but reports nothing, for a read whose
    /// broken reference another step already reports at the same node.
    /// </summary>
    private static SpecMapping? DereferenceQuietly(ParseContext context, SpecMapping node) => SpecPointer.DereferenceQuietly(context.Written, node);

    /// <summary>
    /// Every <c>$ref</c> in the document as written is checked once, wherever it stands: headers, examples
    /// and links are never read to build the client, but a reference there that points nowhere is still a mistake.
    /// </summary>
    private static void ReportBrokenReferences(ParseContext context)
    {
        var visited = new HashSet<SpecNode>();
        var pending = new Stack<SpecNode>();
        pending.Push(context.Written);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (node is SpecSequence sequence)
            {
                foreach (var child in sequence.Children)
                {
                    pending.Push(child);
                }

                continue;
            }

            if (node is not SpecMapping mapping)
            {
                continue;
            }

            foreach (var entry in mapping.Children)
            {
                if (entry.Key.Value == "$ref" && entry.Value is SpecScalar reference)
                {
                    if (ResolvePointer(context, reference.Value) is null)
                    {
                        Report(context, DiagnosticDescriptors.UnresolvedReference, reference, reference.Value, "what it stands for is left out or kept as any JSON value");
                    }
                }
                else if (entry.Key.Value != "example")
                {
                    // An example value is data, not spec: a "$ref" key inside one is just a key.
                    pending.Push(entry.Value);
                }
            }
        }
    }

    /// <summary>
    /// Resolves a local JSON pointer in the document as written: a Swagger 2.0 <c>#/definitions/</c> pointer
    /// reaches the same node as the <c>components/schemas</c> entry it became.
    /// </summary>
    private static SpecNode? ResolvePointer(ParseContext context, string pointer) => SpecPointer.Resolve(context.Written, pointer);
}
