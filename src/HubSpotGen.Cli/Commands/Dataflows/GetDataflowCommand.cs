using System.CommandLine;
using HubSpotGen.Cli.Output;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary><c>dataflows get ID [--json]</c></summary>
internal static class GetDataflowCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.DataflowId();
        var json = CliSymbols.Json("the dataflow");
        var command = new Command("get", "Show one dataflow on one line: id, state, the etag that update needs, schedule and name.") { id, json };
        command.SetAction((parseResult, cancellationToken) => context.CallPlatformAsync(
            parseResult,
            async (settings, clients) =>
            {
                var flowId = parseResult.GetValue(id);
                var flow = await clients.Dataflows.GetAsync(flowId, cancellationToken);
                if (flow is null)
                {
                    // An ordinary answer for the library, a failed command here, as for connections.
                    await context.Error.WriteLineAsync($"error: dataflow {flowId} was not found in sandbox {settings.Platform.SandboxName}");
                    return ExitCodes.ServiceError;
                }

                if (parseResult.GetValue(json))
                {
                    await DataflowJson.WriteAsync(context.Output, DataflowJson.Of(flow));
                }
                else
                {
                    await context.Output.WriteLineAsync(DataflowText.Line(flow));
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
