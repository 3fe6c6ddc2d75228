using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary>
/// <c>connections update-hubspot ID --etag ETAG [--name NAME] [--description TEXT] [--credentials] [--json]</c>: one
/// PATCH of what was asked for. The credentials are replaced only when a HUBSPOT_* variable is set or
/// <c>--credentials</c> is given (then all four are required), so a rename needs no HubSpot values.
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
        var credentials = new Option<bool>("--credentials")
        {
            Description = "Replace the credentials with HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN and HUBSPOT_REFRESH_TOKEN, which must all be set. Without it they are replaced only when one of them is set.",
        };
        var json = CliSymbols.Json("{\"id\": ..., \"etag\": ...} with the new etag");
        var command = new Command(
            "update-hubspot",
            "Change a HubSpot connection's name, description or credentials in one PATCH. The credentials (the HUBSPOT_* variables) are sent only with --credentials or when those variables are set.")
        {
            id,
            etag,
            name,
            description,
            credentials,
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

            var newDescription = parseResult.GetValue(description);
            return await context.CallFlowServiceAsync(
                parseResult,
                parseResult.GetValue(credentials) ? HubSpotNeed.Required : HubSpotNeed.WhenSet,
                async (settings, client) =>
                {
                    if (settings.HubSpot is null && newName is null && newDescription is null)
                    {
                        return await context.UsageErrorAsync("nothing to change: give --name, --description or --credentials (with the HUBSPOT_* variables set)");
                    }

                    var updated = await new HubSpotConnections(client).UpdateAsync(
                        parseResult.GetValue(id), currentEtag, settings.HubSpot, newName, newDescription, cancellationToken);
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
