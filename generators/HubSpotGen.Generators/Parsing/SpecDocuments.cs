using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>One file of a spec: the entry item, or a companion that one of its references names.</summary>
/// <param name="Path">The path diagnostics name, as the compiler was given it.</param>
/// <param name="NormalizedPath">The path relative references are resolved against.</param>
/// <param name="Text">The whole text.</param>
/// <param name="Root">The document as written; null when the text cannot be read (which is reported once).</param>
/// <param name="SharesNodes">Whether a node of the tree is reached from more than one place (YAML aliases).</param>
internal sealed record SpecDocument(string Path, string NormalizedPath, string Text, SpecNode? Root, bool SharesNodes);

/// <summary>Reads a file's text into a tree, adding to <paramref name="problems"/> and returning null when it cannot.</summary>
internal delegate SpecNode? SpecTreeLoader(string path, string text, List<DiagnosticInfo> problems, out bool sharesNodes);

/// <summary>What a <c>$ref</c> reached: the node, or why there is none.</summary>
internal enum ReferenceOutcome
{
    Found,

    /// <summary>The pointer names nothing in its file.</summary>
    PointsNowhere,

    /// <summary>The file is not among the AdditionalFiles (or is a URL, which is never fetched).</summary>
    FileNotListed,

    /// <summary>The file is listed but is not valid YAML or JSON, which is reported in that file.</summary>
    FileUnreadable,
}

/// <summary>
/// The files one spec is made of: its entry item and the companions its references reach, each read at
/// most once, when a reference first names it. A reference is resolved against the file it is written in,
/// so a companion's own <c>#/…</c> and <c>./…</c> references mean what they mean in that file.
/// </summary>
internal sealed class SpecDocuments
{
    private readonly Dictionary<string, CompanionFile> _companions = new(StringComparer.Ordinal);

    /// <summary>The same, for a reference whose case differs from the file's (as Windows file systems allow).</summary>
    private readonly Dictionary<string, CompanionFile> _companionsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, SpecDocument> _loaded = new(StringComparer.Ordinal);

    /// <summary>Which companion each of its nodes belongs to; a node not here is the entry's.</summary>
    private readonly Dictionary<SpecNode, SpecDocument> _owners = new();

    private readonly SpecTreeLoader _load;

    /// <summary>What each pointer names, per file (by its normalized path): the trees do not change once read.</summary>
    private readonly Dictionary<string, Dictionary<string, SpecNode?>> _resolvedPointers = new(StringComparer.Ordinal);

    /// <param name="entry">The entry item.</param>
    /// <param name="entryRoot">The entry document as written.</param>
    /// <param name="entrySharesNodes">Whether a node of the entry's tree is reached from more than one place.</param>
    /// <param name="companions">The AdditionalFiles items a reference may name.</param>
    /// <param name="load">Reads a companion's text into a tree.</param>
    public SpecDocuments(SpecFile entry, SpecMapping entryRoot, bool entrySharesNodes, EquatableArray<CompanionFile> companions, SpecTreeLoader load)
    {
        Entry = new SpecDocument(entry.Path, SpecFilePaths.Normalize(entry.Path), entry.Text, entryRoot, entrySharesNodes);
        _load = load;
        foreach (var companion in companions)
        {
            var path = SpecFilePaths.Normalize(companion.Path);
            if (!_companions.ContainsKey(path))
            {
                _companions[path] = companion;
            }

            if (!_companionsIgnoringCase.ContainsKey(path))
            {
                _companionsIgnoringCase[path] = companion;
            }
        }

        _loaded[Entry.NormalizedPath] = Entry;
        Loaded.Add(Entry);
    }

    public SpecDocument Entry { get; }

    /// <summary>Syntax errors of the companions read so far, each located in its file.</summary>
    public List<DiagnosticInfo> Problems { get; } = new();

    /// <summary>The entry, then each companion in the order references first reached it.</summary>
    public List<SpecDocument> Loaded { get; } = new();

    /// <summary>
    /// The file <paramref name="node"/> was read from. A mapping the Swagger rewrite made (a parameter or an
    /// operation in the OpenAPI 3 shape) holds nodes of the file it stands for, and belongs to that file.
    /// </summary>
    public SpecDocument DocumentOf(SpecNode node)
    {
        if (_owners.Count == 0)
        {
            return Entry;
        }

        var current = node;
        while (true)
        {
            if (_owners.TryGetValue(current, out var document))
            {
                return document;
            }

            if (current is not SpecMapping { Children.Count: > 0 } made)
            {
                return Entry;
            }

            // Its first entry is the first the author wrote (a parameter's name, an operation's first key).
            current = made.Children[0].Value;
        }
    }

    /// <summary>
    /// The node <paramref name="reference"/> (a <c>$ref</c> value written at <paramref name="at"/>) names:
    /// <c>#/pointer</c> in the same file, <c>file.yaml#/pointer</c> or a whole <c>file.yaml</c> relative to it.
    /// </summary>
    /// <param name="at">The reference's node, whose file relative references start from.</param>
    /// <param name="reference">The reference as written.</param>
    /// <param name="target">The node reached, when found.</param>
    /// <param name="missingFile">The file that is not listed, relative to the reference's file, for the report.</param>
    public ReferenceOutcome Resolve(SpecNode at, string reference, out SpecNode? target, out string? missingFile)
    {
        target = null;
        missingFile = null;
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var pointer = hash < 0 ? "#" : reference.Substring(hash);
        var document = DocumentOf(at);
        if (filePart.Length > 0)
        {
            if (SpecFilePaths.IsRemote(filePart))
            {
                missingFile = filePart;
                return ReferenceOutcome.FileNotListed;
            }

            if (Load(SpecFilePaths.Resolve(document.NormalizedPath, filePart)) is not { } companion)
            {
                // Named as the reference names it: the full path would differ on every machine.
                missingFile = SpecFilePaths.Normalize(Uri.UnescapeDataString(filePart));
                return ReferenceOutcome.FileNotListed;
            }

            document = companion;
        }

        if (document.Root is null)
        {
            return ReferenceOutcome.FileUnreadable;
        }

        target = document.Root is SpecMapping root ? ResolvePointer(document, root, pointer) : pointer == "#" ? document.Root : null;
        return target is null ? ReferenceOutcome.PointsNowhere : ReferenceOutcome.Found;
    }

    /// <summary>
    /// Follows <c>$ref</c> chains from <paramref name="node"/> to a node that is not a reference, reporting
    /// nothing: null when a reference is broken or the chain loops, for a reader that leaves reporting to
    /// another step.
    /// </summary>
    public SpecMapping? DereferenceQuietly(SpecMapping node)
    {
        var current = node;
        for (var hops = 0; hops <= 64; hops++)
        {
            if (current.Get("$ref") is not SpecScalar reference)
            {
                return current;
            }

            if (Resolve(reference, reference.Value ?? string.Empty, out var target, out _) != ReferenceOutcome.Found || target is not SpecMapping next)
            {
                return null;
            }

            current = next;
        }

        return null;
    }

    /// <summary>
    /// A large spec names the same few targets from thousands of places (and the parse follows each
    /// reference more than once): each file's pointers are split and unescaped once, then looked up.
    /// </summary>
    private SpecNode? ResolvePointer(SpecDocument document, SpecMapping root, string pointer)
    {
        if (!_resolvedPointers.TryGetValue(document.NormalizedPath, out var resolved))
        {
            resolved = new Dictionary<string, SpecNode?>(StringComparer.Ordinal);
            _resolvedPointers[document.NormalizedPath] = resolved;
        }

        if (!resolved.TryGetValue(pointer, out var target))
        {
            target = SpecPointer.Resolve(root, pointer);
            resolved[pointer] = target;
        }

        return target;
    }

    private SpecDocument? Load(string path)
    {
        if (_loaded.TryGetValue(path, out var known))
        {
            return known;
        }

        if (!_companions.TryGetValue(path, out var companion) && !_companionsIgnoringCase.TryGetValue(path, out companion))
        {
            return null;
        }

        var normalized = SpecFilePaths.Normalize(companion.Path);
        if (_loaded.TryGetValue(normalized, out known))
        {
            _loaded[path] = known;
            return known;
        }

        var root = _load(companion.Path, companion.Text, Problems, out var sharesNodes);
        var document = new SpecDocument(companion.Path, normalized, companion.Text, root, sharesNodes);
        _loaded[path] = document;
        _loaded[normalized] = document;
        Loaded.Add(document);
        if (document.Root is not null)
        {
            RegisterNodes(document.Root, document);
        }

        return document;
    }

    private void RegisterNodes(SpecNode root, SpecDocument document)
    {
        var pending = new Stack<SpecNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (_owners.ContainsKey(node))
            {
                continue;
            }

            _owners[node] = document;
            switch (node)
            {
                case SpecMapping mapping:
                    foreach (var entry in mapping.Children)
                    {
                        _owners[entry.Key] = document;
                        pending.Push(entry.Value);
                    }

                    break;
                case SpecSequence sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}
