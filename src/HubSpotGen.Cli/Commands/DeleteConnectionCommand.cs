using System.CommandLine;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary><c>connections delete ID</c></summary>
internal static class DeleteConnectionCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.ConnectionId();
        var command = new Command("delete", "Delete a connection. Flow Service refuses while flows still use it.") { id };
        command.SetAction((parseResult, cancellationToken) => context.CallFlowServiceAsync(
            parseResult,
            HubSpotNeed.None,
            async (_, client) =>
            {
                var connectionId = parseResult.GetValue(id);
                await new HubSpotConnections(client).DeleteAsync(connectionId, cancellationToken);
                await context.Output.WriteLineAsync($"Deleted connection {connectionId}");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
