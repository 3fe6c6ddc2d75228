using System;
using System.Collections.Generic;
using System.Threading;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Everything one parse of one spec reads and builds up, handed to each step of <see cref="Parser"/>
/// explicitly: the spec in both shapes, what has been reported, and the types and operations declared so
/// far with the caches that keep one schema node one type.
/// </summary>
internal sealed class ParseContext
{
    public ParseContext(SpecFile file, SpecDocuments documents, SpecMapping document, CancellationToken cancellationToken)
    {
        File = file;
        Documents = documents;
        Document = document;
        CancellationToken = cancellationToken;
        Filter = OperationFilter.Create(file.IncludePaths, file.IncludeTags);
    }

    /// <summary>The AdditionalFiles item: path, text and metadata.</summary>
    public SpecFile File { get; }

    /// <summary>The document in the OpenAPI 3 shape, which is all the parser reads.</summary>
    public SpecMapping Document { get; }

    /// <summary>The entry file as written and the companions its references reach, which <c>$ref</c>s are resolved in.</summary>
    public SpecDocuments Documents { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The operations the project asked for, or null for all of them.</summary>
    public OperationFilter? Filter { get; }

    /// <summary>What the spec was reported for, in report order.</summary>
    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>Which rule has been reported at which node of which file, so that a node read several times is reported once.</summary>
    public HashSet<(string Id, string Path, int Start)> Reported { get; } = new();

    /// <summary>Each file's line starts (by path), found when a diagnostic in that file first needs a line.</summary>
    public Dictionary<string, SpecLines> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>The client's methods, in spec order.</summary>
    public List<OperationModel> Operations { get; } = new();

    /// <summary>Method names taken, before "Async" is appended.</summary>
    public HashSet<string> OperationBaseNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Object schemas, each in the place it was declared (before the types of its properties).</summary>
    public Declarations<ObjectTypeModel> Objects { get; } = new();

    public List<EnumTypeModel> Enums { get; } = new();

    /// <summary>Union schemas, each in the place it was declared (before the types of its variants).</summary>
    public Declarations<UnionTypeModel> Unions { get; } = new();

    /// <summary>C# type names taken in the namespace.</summary>
    public HashSet<string> TypeNames { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Types of schemas reached through a <c>$ref</c> or declared by name, keyed by the node itself: two
    /// spellings of one pointer, or a Swagger <c>#/definitions/</c> pointer and the components entry it
    /// became, are one type.
    /// </summary>
    public Dictionary<SpecNode, TypeRef> NamedTypes { get; } = new();

    public HashSet<SpecNode> NamedSchemasInProgress { get; } = new();

    /// <summary>The key of each <c>components/schemas</c> entry, which names its type wherever it is referenced.</summary>
    public Dictionary<SpecNode, string> ComponentSchemaNames { get; } = new();

    public HashSet<SpecNode> InlineSchemasInProgress { get; } = new();

    /// <summary>Arrays and maps being typed again because a reference came back to them from inside.</summary>
    public HashSet<SpecNode> RecursiveContainersInProgress { get; } = new();

    /// <summary>One type per inline schema node, however many aliases or allOf merges reach it.</summary>
    public Dictionary<SpecNode, TypeRef> TypesByInlineNode { get; } = new();
}

/// <summary>
/// Types in declaration order. A class takes its place when it is declared, before its members are read
/// (they may declare more types, or refer back to it), and is filled in once they are.
/// </summary>
/// <typeparam name="T">The type model.</typeparam>
internal sealed class Declarations<T>
    where T : class, IEquatable<T>
{
    private readonly List<T?> _items = new();

    /// <summary>Takes the next place, to be filled by <see cref="Fill"/>.</summary>
    public int Reserve()
    {
        _items.Add(null);
        return _items.Count - 1;
    }

    public void Fill(int place, T item) => _items[place] = item;

    public void Add(T item) => _items.Add(item);

    /// <summary>The declared types; a place never filled (a parse cut short) is left out.</summary>
    public EquatableArray<T> ToEquatableArray()
    {
        var items = new List<T>(_items.Count);
        foreach (var item in _items)
        {
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }
}
