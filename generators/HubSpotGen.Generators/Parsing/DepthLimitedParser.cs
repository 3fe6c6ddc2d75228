using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Passes YAML events through and stops at nesting no real spec has. Loading the document and reading
/// schemas both recurse once per level, and a stack overflow would take the whole compiler down.
/// </summary>
internal sealed class DepthLimitedParser : IParser
{
    public const int MaxDepth = 1000;

    private readonly IParser _inner;
    private int _depth;

    public DepthLimitedParser(IParser inner) => _inner = inner;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > MaxDepth)
                {
                    throw new SpecSyntaxException((int)_inner.Current.Start.Index, "the document nests deeper than " + MaxDepth + " levels");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

