using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Passes YAML events through and stops at <see cref="NestingLimit.MaxDepth"/>.</summary>
internal sealed class DepthLimitedParser : IParser
{
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
                if (++_depth > NestingLimit.MaxDepth)
                {
                    throw new SpecSyntaxException((int)_inner.Current.Start.Index, NestingLimit.TooDeepMessage);
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

