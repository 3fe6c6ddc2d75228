using HubSpotGen.Generators.Diagnostics;

namespace HubSpotGen.Generators.Model;

/// <summary>What parsing one spec produced: a model to emit (absent when nothing usable was found) and its diagnostics.</summary>
internal sealed record ParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
