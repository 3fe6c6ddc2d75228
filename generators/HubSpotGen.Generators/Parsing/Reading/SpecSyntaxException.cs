using System;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>The spec is not valid JSON or YAML; <see cref="Offset"/> is where the problem is.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}
