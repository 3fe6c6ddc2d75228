using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Diagnostics;

/// <summary>Turns the pipeline's equatable diagnostics into Roslyn diagnostics at report time.</summary>
internal static class DiagnosticReporting
{
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
    {
        var where = info.Location;
        var location = Location.Create(
            where.Path,
            new TextSpan(where.Start, where.Length),
            new LinePositionSpan(new LinePosition(where.StartLine, where.StartColumn), new LinePosition(where.EndLine, where.EndColumn)));
        var arguments = new object[info.MessageArguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.MessageArguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.Find(info.Id), location, arguments);
    }
}
