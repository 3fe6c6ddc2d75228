using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary>
/// <c>connections update-hubspot ID --etag ETAG [--name NAME] [--description TEXT] [--json]</c>: one PATCH that
/// always replaces the credentials (from the HUBSPOT_* variables) and, when given, the name and description.
/// </summary>
internal static class UpdateHubSpotCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.ConnectionId();
        var etag = new Option<string>("--etag")
        {
            Description = "The connection's current etag exactly as 'connections get' prints it, quotes included (sent as If-Match).",
            HelpName = "ETAG",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "A new name.", HelpName = "NAME" };
        var description = new Option<string?>("--description") { Description = "A new description; an empty string clears it.", HelpName = "TEXT" };
        var json = CliSymbols.Json("{\"id\": ..., \"etag\": ...} with the new etag");
        var command = new Command(
            "update-hubspot",
            "Replace a HubSpot connection's credentials with HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN and HUBSPOT_REFRESH_TOKEN, and optionally its name and description.")
        {
            id,
            etag,
            name,
            description,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // The etag goes out untouched, so it is checked only for what cannot be a header value at all.
            var currentEtag = parseResult.GetValue(etag);
            if (string.IsNullOrWhiteSpace(currentEtag) || currentEtag.Any(char.IsControl))
            {
                return await context.UsageErrorAsync("--etag must be the etag as 'connections get' prints it, on one line");
            }

            var newName = parseResult.GetValue(name);
            if (newName is not null && string.IsNullOrWhiteSpace(newName))
            {
                return await context.UsageErrorAsync("--name must not be blank");
            }

            return await context.CallFlowServiceAsync(
                parseResult,
                needsHubSpot: true,
                async (settings, client) =>
                {
                    var updated = await new HubSpotConnections(client).UpdateAsync(
                        parseResult.GetValue(id), currentEtag, settings.HubSpot, newName, parseResult.GetValue(description), cancellationToken);
                    if (parseResult.GetValue(json))
                    {
                        await JsonOutput.WriteAsync(context.Output, new { id = updated.Id, etag = updated.Etag });
                    }
                    else
                    {
                        await context.Output.WriteLineAsync($"Updated HubSpot connection {updated.Id}");
                        await context.Output.WriteLineAsync($"etag: {updated.Etag}");
                    }

                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }
}
