using HubSpotGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Diagnostics;

/// <summary>
/// A diagnostic waiting to be reported. Roslyn's <c>Diagnostic</c> and <c>Location</c> do not compare by
/// value, so the pipeline carries this instead and builds the real one only when it reports. It holds its
/// descriptor itself (which compares by value) rather than an id to look up, so that no report can name
/// a rule the catalog does not have.
/// </summary>
/// <param name="Descriptor">The rule, from <see cref="DiagnosticDescriptors"/>.</param>
/// <param name="Location">Where in the spec it points.</param>
/// <param name="MessageArguments">The values for the message format.</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SpecLocation Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        var location = Microsoft.CodeAnalysis.Location.Create(
            Location.Path,
            new TextSpan(Location.Start, Location.Length),
            new LinePositionSpan(new LinePosition(Location.StartLine, Location.StartColumn), new LinePosition(Location.EndLine, Location.EndColumn)));
        var arguments = new object[MessageArguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = MessageArguments[i];
        }

        return Diagnostic.Create(Descriptor, location, arguments);
    }
}
