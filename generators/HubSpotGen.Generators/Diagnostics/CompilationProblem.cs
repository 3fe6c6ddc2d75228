using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Diagnostics;

/// <summary>
/// A reason the consuming project cannot compile the generated code. It has no spec location: the cause
/// is the project file.
/// </summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Argument">The message argument, if the message has one.</param>
internal sealed record CompilationProblem(string Id, string? Argument)
{
    public Diagnostic ToDiagnostic() => Argument is null
        ? Diagnostic.Create(DiagnosticDescriptors.Find(Id), Location.None)
        : Diagnostic.Create(DiagnosticDescriptors.Find(Id), Location.None, Argument);
}
