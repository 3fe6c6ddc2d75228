using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary><c>connections create-hubspot --name NAME [--description TEXT] [--json]</c></summary>
internal static class CreateHubSpotCommand
{
    public static Command Build(CommandContext context)
    {
        var name = new Option<string>("--name") { Description = "The connection's name.", HelpName = "NAME", Required = true };
        var description = new Option<string?>("--description") { Description = "An optional description.", HelpName = "TEXT" };
        var json = CliSymbols.Json("{\"id\": ..., \"etag\": ...}");
        var command = new Command(
            "create-hubspot",
            "Create a HubSpot base connection from HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN and HUBSPOT_REFRESH_TOKEN.")
        {
            name,
            description,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionName = parseResult.GetValue(name);
            if (string.IsNullOrWhiteSpace(connectionName))
            {
                return await context.UsageErrorAsync("--name must not be blank");
            }

            return await context.CallFlowServiceAsync(
                parseResult,
                HubSpotNeed.Required,
                (settings, client) => CreateAsync(client, settings.HubSpot!, connectionName, parseResult.GetValue(description), parseResult.GetValue(json), context.Output, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    /// <summary>Creates the connection and prints it; the demo runs the same code against its stub.</summary>
    public static async Task<int> CreateAsync(FlowServiceClient client, HubSpotCredentials credentials, string name, string? description, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var created = await new HubSpotConnections(client).CreateAsync(name, credentials, description, cancellationToken);
        if (json)
        {
            await JsonOutput.WriteAsync(output, new { id = created.Id, etag = created.Etag });
        }
        else
        {
            await output.WriteLineAsync($"Created HubSpot connection {created.Id}");
            await output.WriteLineAsync($"etag: {created.Etag}");
        }

        return ExitCodes.Success;
    }
}
