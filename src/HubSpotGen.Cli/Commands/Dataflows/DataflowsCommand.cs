using System.CommandLine;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary>The <c>dataflows</c> group: HubSpot tables flowing into Platform datasets, and their runs.</summary>
internal static class DataflowsCommand
{
    public static Command Build(CommandContext context) => new(
        "dataflows",
        "Dataflows from a HubSpot table into a Platform dataset, over Flow Service, Catalog and Data Prep (at AEP_PLATFORM_URL).")
    {
        CreateHubSpotDataflowCommand.Build(context),
        GetDataflowCommand.Build(context),
        ListDataflowsCommand.Build(context),
        DataflowRunsCommand.Build(context),
        UpdateDataflowCommand.Build(context),
        DataflowStateCommands.Enable(context),
        DataflowStateCommands.Disable(context),
        DataflowStateCommands.Delete(context),
    };
}
