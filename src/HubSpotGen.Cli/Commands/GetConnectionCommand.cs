using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary><c>connections get ID [--json]</c></summary>
internal static class GetConnectionCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.ConnectionId();
        var json = CliSymbols.Json("the connection object (auth params other than clientId masked)");
        var command = new Command("get", "Show one connection: its name, state and the etag that update-hubspot needs.") { id, json };
        command.SetAction((parseResult, cancellationToken) => context.CallFlowServiceAsync(
            parseResult,
            HubSpotNeed.None,
            async (settings, client) =>
            {
                var connectionId = parseResult.GetValue(id);
                var connection = await new HubSpotConnections(client).GetAsync(connectionId, cancellationToken);
                if (connection is null)
                {
                    // GetAsync reads a 404 (or an empty envelope) as "no such connection", an ordinary answer
                    // for the library but a failed command here.
                    await context.Error.WriteLineAsync($"error: connection {connectionId} was not found in sandbox {settings.Platform.SandboxName}");
                    return ExitCodes.ServiceError;
                }

                if (parseResult.GetValue(json))
                {
                    await JsonOutput.WriteAsync(context.Output, connection);
                }
                else
                {
                    await ConnectionText.WriteDetailsAsync(context.Output, connection);
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
