namespace HubSpotGen.Generators;

/// <summary>Names of the pipeline steps, so that tests can assert which ones were reused from cache.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string CompanionFiles = nameof(CompanionFiles);
    public const string ParseResults = nameof(ParseResults);
    public const string ApiModels = nameof(ApiModels);
    public const string SpecDiagnostics = nameof(SpecDiagnostics);
    public const string CompilationSupport = nameof(CompilationSupport);
    public const string UnsupportedCompilation = nameof(UnsupportedCompilation);
    public const string Clients = nameof(Clients);
    public const string SourceFiles = nameof(SourceFiles);
}
