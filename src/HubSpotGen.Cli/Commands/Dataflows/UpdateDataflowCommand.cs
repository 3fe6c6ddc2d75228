using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary>
/// <c>dataflows update ID --etag ETAG [--frequency F] [--interval N] [--name NAME] [--json]</c>: a schedule change
/// (one PATCH), then a rename (another, with the etag the first returned), and prints the last etag.
/// </summary>
internal static class UpdateDataflowCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.DataflowId();
        var etag = new Option<string>("--etag")
        {
            Description = "The dataflow's current etag exactly as 'dataflows get' or 'create-hubspot' printed it, quotes included (sent as If-Match).",
            HelpName = "ETAG",
            Required = true,
        };
        var frequency = ScheduleOptions.Frequency("A new frequency. A recurring one without --interval gets 15 for minute and 1 otherwise.");
        var interval = ScheduleOptions.Interval();
        var name = new Option<string?>("--name") { Description = "A new name.", HelpName = "NAME" };
        var json = CliSymbols.Json("{\"id\": ..., \"etag\": ...} with the new etag");
        var command = new Command(
            "update",
            "Change a dataflow's schedule (--frequency, --interval; --interval alone keeps the frequency it has) and its name; at least one of them.")
        {
            id,
            etag,
            frequency,
            interval,
            name,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var currentEtag = parseResult.GetValue(etag);
            if (string.IsNullOrWhiteSpace(currentEtag) || currentEtag.Any(char.IsControl))
            {
                return await context.UsageErrorAsync("--etag must be the etag as 'dataflows get' prints it, on one line");
            }

            var newFrequency = parseResult.GetValue(frequency);
            var newInterval = parseResult.GetValue(interval);
            var newName = parseResult.GetValue(name);
            if (newFrequency is null && newInterval is null && newName is null)
            {
                return await context.UsageErrorAsync("give at least one of --frequency, --interval and --name");
            }

            if (newName is not null && string.IsNullOrWhiteSpace(newName))
            {
                return await context.UsageErrorAsync("--name must not be blank");
            }

            // The start time of a schedule change is only checked by the library, never sent (a start time that has
            // passed does not change), so now stands in for it.
            DataflowSchedule? schedule = null;
            if (newFrequency is { } unit)
            {
                if (!ScheduleOptions.TryBuild(unit, newInterval, DateTimeOffset.UtcNow, out var built, out var problem))
                {
                    return await context.UsageErrorAsync(problem);
                }

                schedule = built;
            }

            var flowId = parseResult.GetValue(id);
            return await context.CallPlatformAsync(
                parseResult,
                async (settings, clients) =>
                {
                    if (schedule is null && newInterval is { } units)
                    {
                        // --interval alone: the rules depend on the frequency the dataflow already has.
                        var flow = await clients.Dataflows.GetAsync(flowId, cancellationToken);
                        if (flow is null)
                        {
                            await context.Error.WriteLineAsync($"error: dataflow {flowId} was not found in sandbox {settings.Platform.SandboxName}");
                            return ExitCodes.ServiceError;
                        }

                        if (flow.Schedule is not { } current)
                        {
                            return await context.UsageErrorAsync($"dataflow {flowId} has no schedule this command knows; give --frequency with --interval");
                        }

                        if (!ScheduleOptions.TryBuild(current.Frequency, units, DateTimeOffset.UtcNow, out var built, out var problem))
                        {
                            return await context.UsageErrorAsync(problem + $" (dataflow {flowId} runs {ScheduleOptions.Name(current.Frequency)})");
                        }

                        schedule = built;
                    }

                    var latest = currentEtag;
                    if (schedule is not null)
                    {
                        latest = (await clients.Dataflows.UpdateScheduleAsync(flowId, latest, schedule, cancellationToken)).Etag;
                    }

                    if (newName is not null)
                    {
                        latest = (await clients.Dataflows.RenameAsync(flowId, latest, newName, cancellationToken: cancellationToken)).Etag;
                    }

                    if (parseResult.GetValue(json))
                    {
                        await JsonOutput.WriteAsync(context.Output, new { id = flowId, etag = latest });
                    }
                    else
                    {
                        await context.Output.WriteLineAsync($"Updated dataflow {flowId}");
                        await context.Output.WriteLineAsync($"etag: {latest}");
                    }

                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }
}
