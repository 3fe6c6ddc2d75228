using HubSpotGen.FlowService;
using Newtonsoft.Json;

namespace HubSpotGen.Cli;

/// <summary>Runs <c>connections create-hubspot</c> once the settings are known; shared by the command and the demo.</summary>
internal static class CreateHubSpotConnection
{
    public static async Task<int> RunAsync(CliSettings settings, string name, string? description, bool json, TextWriter output, TextWriter error, HttpMessageHandler? transport, CancellationToken cancellationToken)
    {
        using var http = PlatformHttpClient.Create(settings.Platform, transport);
        var connections = new HubSpotConnections(new FlowServiceClient(http));
        EntityReference created;
        try
        {
            created = await connections.CreateAsync(name, settings.HubSpot!, description, cancellationToken);
        }
        catch (ApiException exception)
        {
            await error.WriteLineAsync(ServiceErrorReport.Describe(exception));
            return ExitCodes.ServiceError;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"error: Flow Service at {settings.Platform.BaseAddress} could not be reached: {exception.Message}");
            return ExitCodes.ServiceError;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonConvert.SerializeObject(new { id = created.Id, etag = created.Etag }));
        }
        else
        {
            await output.WriteLineAsync($"Created HubSpot connection {created.Id}");
            await output.WriteLineAsync($"etag: {created.Etag}");
        }

        return ExitCodes.Success;
    }
}
