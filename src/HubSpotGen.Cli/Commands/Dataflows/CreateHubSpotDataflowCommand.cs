using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary>
/// <c>dataflows create-hubspot --connection ID --table PATH --dataset ID --map SOURCE=XDM_PATH... [--delta-column NAME]
/// [--frequency once|minute|hour|day|week] [--interval N] [--start TIME] [--name NAME] [--json]</c>
/// </summary>
internal static class CreateHubSpotDataflowCommand
{
    public static Command Build(CommandContext context)
    {
        var connection = CliSymbols.ConnectionOption("--connection", "The HubSpot base connection to read through, as 'connections create-hubspot' printed it.");
        var table = new Option<string>("--table") { Description = "The table to read, as 'connections explore' lists it, such as Hubspot.Contacts.", HelpName = "PATH", Required = true };
        var dataSet = new Option<string>("--dataset") { Description = "The Platform dataset records land in; its XDM schema is read from Catalog.", HelpName = "ID", Required = true };
        var map = MappingOption.Build();
        var deltaColumn = new Option<string?>("--delta-column")
        {
            Description = "The column that tells new records from old ones; by default the table's only date-time column (with none or several, the command names the choices).",
            HelpName = "NAME",
        };
        var frequency = ScheduleOptions.Frequency("How often it runs; once when left out.");
        var interval = ScheduleOptions.Interval();
        var start = ScheduleOptions.Start();
        var name = new Option<string?>("--name") { Description = "The dataflow's name (its connections are named after it); by default after the table and dataset.", HelpName = "NAME" };
        var json = CliSymbols.Json("{\"flowId\", \"etag\", \"sourceConnectionId\", \"targetConnectionId\", \"mappingId\"}");
        var command = new Command(
            "create-hubspot",
            "Create a dataflow from a HubSpot table into a Platform dataset: a source connection, a target connection, a mapping set and the dataflow. " +
            "If a step fails, what was made is deleted again.")
        {
            connection,
            table,
            dataSet,
            map,
            deltaColumn,
            frequency,
            interval,
            start,
            name,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            foreach (var (option, value) in new[] { ("--table", parseResult.GetValue(table)), ("--dataset", parseResult.GetValue(dataSet)) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return await context.UsageErrorAsync(option + " must not be blank");
                }
            }

            foreach (var (option, value) in new[] { ("--delta-column", parseResult.GetValue(deltaColumn)), ("--name", parseResult.GetValue(name)) })
            {
                if (value is not null && string.IsNullOrWhiteSpace(value))
                {
                    return await context.UsageErrorAsync(option + " must not be blank");
                }
            }

            var startTime = parseResult.GetValue(start) ?? DateTimeOffset.UtcNow;
            if (!ScheduleOptions.TryBuild(parseResult.GetValue(frequency) ?? DataflowFrequency.Once, parseResult.GetValue(interval), startTime, out var schedule, out var problem))
            {
                return await context.UsageErrorAsync(problem);
            }

            var request = new HubSpotDataflowRequest(parseResult.GetValue(connection), parseResult.GetValue(table)!, parseResult.GetValue(dataSet)!, parseResult.GetValue(map)!)
            {
                DeltaColumn = parseResult.GetValue(deltaColumn),
                Schedule = schedule,
                Name = parseResult.GetValue(name),
            };
            return await context.CallPlatformAsync(
                parseResult,
                async (_, clients) =>
                {
                    var created = await clients.Dataflows.CreateAsync(request, cancellationToken);
                    if (parseResult.GetValue(json))
                    {
                        await JsonOutput.WriteAsync(context.Output, new
                        {
                            flowId = created.FlowId,
                            etag = created.Etag,
                            sourceConnectionId = created.SourceConnectionId,
                            targetConnectionId = created.TargetConnectionId,
                            mappingId = created.MappingId,
                        });
                    }
                    else
                    {
                        await context.Output.WriteLineAsync($"flowId: {created.FlowId}");
                        await context.Output.WriteLineAsync($"etag: {created.Etag}");
                        await context.Output.WriteLineAsync($"sourceConnectionId: {created.SourceConnectionId}");
                        await context.Output.WriteLineAsync($"targetConnectionId: {created.TargetConnectionId}");
                        await context.Output.WriteLineAsync($"mappingId: {created.MappingId}");
                    }

                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }
}
