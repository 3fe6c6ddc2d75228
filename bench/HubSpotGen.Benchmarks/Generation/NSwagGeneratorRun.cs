using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace HubSpotGen.Benchmarks.Generation;

/// <summary>
/// NSwag in process, with the settings of the repository's nswag.json: one client class named from the
/// operationIds, DTOs included, Newtonsoft.Json, a BaseUrl property. Reading the YAML is part of the run,
/// as it is part of ours.
/// </summary>
internal static class NSwagGeneratorRun
{
    public static async Task<string> RunAsync(string yaml)
    {
        var document = await OpenApiYamlDocument.FromYamlAsync(yaml).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "FlowServiceNSwagClient",
            GenerateClientClasses = true,
            GenerateDtoTypes = true,
            UseBaseUrl = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "HubSpotGen.NSwagReference";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.NewtonsoftJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
