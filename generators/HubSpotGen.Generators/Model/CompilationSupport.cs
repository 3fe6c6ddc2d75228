namespace HubSpotGen.Generators.Model;

/// <summary>What the consuming compilation offers the generated code, reduced to values that rarely change.</summary>
/// <param name="HasNewtonsoftJson">Whether Newtonsoft.Json is referenced.</param>
/// <param name="LanguageVersion">The effective C# version, as "9.0", "11.0" and so on.</param>
/// <param name="LanguageVersionNumber">The same as a number, for comparisons.</param>
/// <param name="HasArrayPool">Whether System.Buffers.ArrayPool is available (not on plain netstandard2.0).</param>
internal sealed record CompilationSupport(bool HasNewtonsoftJson, string LanguageVersion, int LanguageVersionNumber, bool HasArrayPool);
