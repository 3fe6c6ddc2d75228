using System.CommandLine;
using HubSpotGen.Cli.Output;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary><c>dataflows runs ID [--json]</c>: every run of one dataflow, following every page.</summary>
internal static class DataflowRunsCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.DataflowId();
        var json = CliSymbols.Json("a JSON array of the runs");
        var command = new Command("runs", "List a dataflow's runs, one line each: id, status, start, duration, and records read, written and failed.") { id, json };
        command.SetAction((parseResult, cancellationToken) => context.CallPlatformAsync(
            parseResult,
            async (_, clients) =>
            {
                var collected = parseResult.GetValue(json) ? new JArray() : null;
                var count = 0;
                await foreach (var run in clients.Dataflows.RunsAsync(parseResult.GetValue(id), cancellationToken))
                {
                    count++;
                    if (collected is not null)
                    {
                        collected.Add(DataflowJson.Of(run));
                    }
                    else
                    {
                        await context.Output.WriteLineAsync(DataflowText.Line(run));
                    }
                }

                if (collected is not null)
                {
                    await DataflowJson.WriteAsync(context.Output, collected);
                }
                else if (count == 0)
                {
                    await context.Error.WriteLineAsync("No runs yet.");
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
