using System.CommandLine;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary><c>dataflows enable ID</c>, <c>dataflows disable ID</c> and <c>dataflows delete ID [--with-connections]</c>.</summary>
internal static class DataflowStateCommands
{
    public static Command Enable(CommandContext context) =>
        Action(context, "enable", "Switch a dataflow on, so that its schedule starts runs.", "Enabled", (dataflows, id, token) => dataflows.EnableAsync(id, token));

    public static Command Disable(CommandContext context) =>
        Action(context, "disable", "Switch a dataflow off, so that it starts no new runs.", "Disabled", (dataflows, id, token) => dataflows.DisableAsync(id, token));

    public static Command Delete(CommandContext context)
    {
        var id = CliSymbols.DataflowId();
        var withConnections = new Option<bool>("--with-connections")
        {
            Description = "Also delete the dataflow's source and target connections; never the base connection, which holds the HubSpot credentials.",
        };
        var command = new Command("delete", "Delete a dataflow, and with --with-connections its source and target connections.") { id, withConnections };
        command.SetAction((parseResult, cancellationToken) => context.CallPlatformAsync(
            parseResult,
            async (_, clients) =>
            {
                var flowId = parseResult.GetValue(id);
                var connectionsToo = parseResult.GetValue(withConnections);
                await clients.Dataflows.DeleteAsync(flowId, connectionsToo, cancellationToken);
                await context.Output.WriteLineAsync(connectionsToo ? $"Deleted dataflow {flowId} and its source and target connections" : $"Deleted dataflow {flowId}");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Action(CommandContext context, string name, string description, string done, Func<HubSpotDataflows, Guid, CancellationToken, Task> act)
    {
        var id = CliSymbols.DataflowId();
        var command = new Command(name, description) { id };
        command.SetAction((parseResult, cancellationToken) => context.CallPlatformAsync(
            parseResult,
            async (_, clients) =>
            {
                var flowId = parseResult.GetValue(id);
                await act(clients.Dataflows, flowId, cancellationToken);
                await context.Output.WriteLineAsync($"{done} dataflow {flowId}");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
