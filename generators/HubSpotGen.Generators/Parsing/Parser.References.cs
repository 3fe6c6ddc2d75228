using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    /// <summary>Maps whose keys are names the author chose, where "example" or "x-…" is a name like any other.</summary>
    private static readonly string[] NameMaps = { "properties", "patternProperties", "schemas", "definitions", "parameters", "responses", "headers", "paths", "callbacks", "securitySchemes", "requestBodies", "links", "webhooks" };

    /// <summary>
    /// Follows <c>$ref</c> chains from <paramref name="node"/> until a node that is not a reference.
    /// Returns null, after reporting, when a reference is broken or closes a loop.
    /// </summary>
    private static SpecMapping? Dereference(ParseContext context, SpecNode node, string fallbackDescription, out string? lastPointer)
    {
        lastPointer = null;
        var current = node as SpecMapping;

        // Most nodes are no reference or one: the set of nodes passed is only made for a longer chain.
        SpecMapping? first = null;
        HashSet<SpecMapping>? seen = null;
        while (current is not null)
        {
            if (current.Get("$ref") is not SpecScalar reference)
            {
                return current;
            }

            if (first is null)
            {
                first = current;
            }
            else
            {
                (seen ??= new HashSet<SpecMapping> { first }).Add(current);
            }

            lastPointer = reference.Value ?? string.Empty;
            if (ResolveReference(context, reference, fallbackDescription) is not SpecMapping target)
            {
                return null;
            }

            if (target == first || (seen is not null && seen.Contains(target)))
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
    private static SpecMapping? DereferenceQuietly(ParseContext context, SpecMapping node) => context.Documents.DereferenceQuietly(node);

    /// <summary>
    /// The node a <c>$ref</c> names, in its own file or another; null after reporting why there is none
    /// (HSG0004 for a pointer into nothing, HSG0012 for a file that is not listed).
    /// </summary>
    private static SpecNode? ResolveReference(ParseContext context, SpecScalar reference, string fallbackDescription)
    {
        var pointer = reference.Value ?? string.Empty;
        switch (context.Documents.Resolve(reference, pointer, out var target, out var missingFile))
        {
            case ReferenceOutcome.Found:
                return target;
            case ReferenceOutcome.FileNotListed:
                Report(context, DiagnosticDescriptors.ReferencedFileNotListed, reference, pointer, missingFile ?? pointer, fallbackDescription);
                return null;
            case ReferenceOutcome.FileUnreadable:
                return null;
            default:
                Report(context, DiagnosticDescriptors.UnresolvedReference, reference, pointer, fallbackDescription);
                return null;
        }
    }

    /// <summary>
    /// Every <c>$ref</c> of the spec's files as written is checked once, wherever it stands: headers and
    /// links are never read to build the client, but a reference there that points nowhere is still a
    /// mistake. Example values and vendor extensions are data, not spec: a "$ref" inside them (Azure's
    /// <c>x-ms-examples</c> name example files so) is just a key.
    /// </summary>
    private static readonly SpecNode NamesFollow = new SpecSequence(default);

    private static void ReportBrokenReferences(ParseContext context)
    {
        // Only containers are visited (a scalar holds no reference but as the value of a "$ref" key, checked
        // at its mapping). Where YAML aliases share a node between places, each is seen once; a tree without
        // them needs no record of what was seen, which for a big spec was a set of a hundred thousand nodes.
        var visited = new HashSet<SpecNode>();
        // A node whose keys are names is pushed with NamesFollow above it: a stack of tuples is generic code that
        // every new compiler process compiles afresh, a stack of nodes is compiled once with the runtime.
        var pending = new Stack<SpecNode>();

        // Following references reads more companions, which are checked in turn.
        for (var checkedFiles = 0; checkedFiles < context.Documents.Loaded.Count; checkedFiles++)
        {
            var document = context.Documents.Loaded[checkedFiles];
            if (document.Root is { } root)
            {
                pending.Push(root);
            }

            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var keysAreNames = node == NamesFollow;
                if (keysAreNames)
                {
                    node = pending.Pop();
                }

                if (document.SharesNodes && !visited.Add(node))
                {
                    continue;
                }

                if (node is SpecSequence sequence)
                {
                    foreach (var child in sequence.Children)
                    {
                        if (child is not SpecScalar)
                        {
                            pending.Push(child);
                        }
                    }

                    continue;
                }

                if (node is not SpecMapping mapping)
                {
                    continue;
                }

                foreach (var entry in mapping.Children)
                {
                    var key = entry.Key.Value;
                    if (!keysAreNames && key == "$ref" && entry.Value is SpecScalar reference)
                    {
                        ResolveReference(context, reference, "what it stands for is left out or kept as any JSON value");
                    }
                    else if (entry.Value is not SpecScalar && (keysAreNames || !IsData(key)))
                    {
                        pending.Push(entry.Value);
                        if (!keysAreNames && Array.IndexOf(NameMaps, key) >= 0)
                        {
                            pending.Push(NamesFollow);
                        }
                    }
                }
            }
        }
    }

    private static bool IsData(string key) => key is "example" or "examples" || key.StartsWith("x-", StringComparison.Ordinal);
}
