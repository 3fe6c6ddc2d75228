using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Diagnostics;

/// <summary>
/// A diagnostic waiting to be reported. Roslyn's <c>Diagnostic</c> does not compare by value, so the
/// pipeline carries this instead and builds the real one only when it reports.
/// </summary>
/// <param name="Id">The catalog id, e.g. HSG0002.</param>
/// <param name="Location">Where in the spec it points.</param>
/// <param name="MessageArguments">The values for the message format.</param>
internal sealed record DiagnosticInfo(string Id, SpecLocation Location, EquatableArray<string> MessageArguments);
