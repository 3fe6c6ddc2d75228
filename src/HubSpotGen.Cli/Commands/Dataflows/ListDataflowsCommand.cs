using System.CommandLine;
using HubSpotGen.Cli.Output;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary><c>dataflows list [--json]</c>: the HubSpot dataflows of the sandbox, following every page.</summary>
internal static class ListDataflowsCommand
{
    public static Command Build(CommandContext context)
    {
        var json = CliSymbols.Json("a JSON array of the dataflows");
        var command = new Command("list", "List HubSpot dataflows, one line each (id, state, etag, schedule, name), following every page.") { json };
        command.SetAction((parseResult, cancellationToken) => context.CallPlatformAsync(
            parseResult,
            async (_, clients) =>
            {
                // As for connections: JSON once everything is in, so a failure half-way leaves no half array.
                var collected = parseResult.GetValue(json) ? new JArray() : null;
                var count = 0;
                await foreach (var flow in clients.Dataflows.ListAsync(cancellationToken: cancellationToken))
                {
                    count++;
                    if (collected is not null)
                    {
                        collected.Add(DataflowJson.Of(flow));
                    }
                    else
                    {
                        await context.Output.WriteLineAsync(DataflowText.Line(flow));
                    }
                }

                if (collected is not null)
                {
                    await DataflowJson.WriteAsync(context.Output, collected);
                }
                else if (count == 0)
                {
                    await context.Error.WriteLineAsync("No dataflows found.");
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
