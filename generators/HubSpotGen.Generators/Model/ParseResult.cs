using HubSpotGen.Generators.Diagnostics;

namespace HubSpotGen.Generators.Model;

/// <summary>What parsing one spec produced: a model to emit (absent when nothing usable was found) and its diagnostics.</summary>
/// <param name="SpecPath">The AdditionalFiles item's path, where problems of the item as a whole are reported.</param>
/// <param name="Model">The model, or null when nothing usable was found.</param>
/// <param name="Diagnostics">What the spec was reported for.</param>
internal sealed record ParseResult(string SpecPath, ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
