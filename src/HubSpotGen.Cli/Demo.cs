using HubSpotGen.FlowService.Models;
using System.Globalization;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;
using HubSpotGen.FlowService.Emulator;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.Cli;

/// <summary>
/// What <c>hubspotgen</c> does with no arguments: it starts the Platform emulator on loopback and walks the whole
/// HubSpot chain with the real clients, header policy and retries, printing each step: a base connection, exploring
/// it, a dataflow from its contacts into the emulator's demo dataset, the dataflow's first run, and deleting it all.
/// </summary>
internal static class Demo
{
    private const string ConnectionName = "HubSpot demo connection";
    private const string ContactsTable = "Hubspot.Contacts";

    /// <summary>Long enough for the embedded emulator's one-second run, short enough to keep the demo under half a minute.</summary>
    private static readonly TimeSpan FirstRunTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A few contact columns into the demo dataset's XDM fields.</summary>
    private static readonly FieldMapping[] ContactMappings =
    [
        new("Vid", "person.id"),
        new("Properties_Firstname_Value", "person.name.firstName"),
        new("Properties_Lastname_Value", "person.name.lastName"),
    ];

    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter output, TextWriter error, ILoggerFactory? logging, CancellationToken cancellationToken)
    {
        using var emulator = await EmulatorStart.TryStartAsync(port: null, error);
        if (emulator is null)
        {
            return ExitCodes.UsageError;
        }

        var settings = CliSettings.ForEmulator(emulator, environment);
        await output.WriteLineAsync($"Started the Flow Service emulator at {emulator.BaseAddress} (sandbox {settings.Platform.SandboxName})");
        var exitCode = await FlowServiceCall.RunOnPlatformAsync(
            settings,
            transport: null,
            error,
            logging,
            clients => WalkThroughAsync(clients, settings.HubSpot!, output, cancellationToken),
            cancellationToken);
        await output.WriteLineAsync(exitCode == ExitCodes.Success
            ? "Done. Set the AEP_* and HUBSPOT_* variables to do this against Adobe: hubspotgen connections create-hubspot --name NAME, then hubspotgen dataflows create-hubspot"
            : "The demo failed.");
        return exitCode;
    }

    private static async Task<int> WalkThroughAsync(PlatformClients clients, HubSpotCredentials credentials, TextWriter output, CancellationToken cancellationToken)
    {
        var connections = clients.Connections;
        var created = await connections.CreateAsync(ConnectionName, credentials, "Created by the hubspotgen demo", cancellationToken);
        await output.WriteLineAsync($"1. create   POST /connections -> created HubSpot connection {created.Id} with etag {created.Etag}");

        var connection = await connections.GetAsync(created.Id, cancellationToken)
            ?? throw new InvalidOperationException("The emulator lost the connection it had just created.");
        await output.WriteLineAsync($"2. get      GET /connections/{created.Id} -> '{connection.Name}', state {connection.State}, auth params:");
        foreach (var (name, value) in connection.Auth?.Params ?? new Dictionary<string, Newtonsoft.Json.Linq.JToken?>())
        {
            await output.WriteLineAsync($"             {name} = {SecretRedaction.Display(name, value)}");
        }

        var listed = new List<Connection>();
        await foreach (var item in connections.ListAsync(cancellationToken: cancellationToken))
        {
            listed.Add(item);
        }

        await output.WriteLineAsync($"3. list     GET /connections?property=connectionSpec.id==… -> {listed.Count} HubSpot connection(s):");
        foreach (var item in listed)
        {
            await output.WriteLineAsync("             " + ConnectionText.Line(item));
        }

        var tables = await connections.ExploreAsync(created.Id, cancellationToken);
        await output.WriteLineAsync($"4. explore  GET /connections/{created.Id}/explore?objectType=root -> {tables.Count} tables: {string.Join(", ", tables.Select(table => table.Path))}");
        var columns = await connections.ExploreTableAsync(created.Id, ContactsTable, cancellationToken);
        await output.WriteLineAsync($"             {ContactsTable}: {string.Join(", ", columns.Select(column => column.Name))}");

        var flow = await clients.Dataflows.CreateAsync(
            new HubSpotDataflowRequest(created.Id, ContactsTable, FlowServiceEmulator.DemoDatasetId, ContactMappings) { Name = "HubSpot demo contacts" },
            cancellationToken);
        await output.WriteLineAsync(
            $"5. dataflow POST /sourceConnections, /targetConnections, /mappingSets, /flows -> created dataflow {flow.FlowId} " +
            $"from {ContactsTable} into dataset {FlowServiceEmulator.DemoDatasetId} ({string.Join(", ", ContactMappings.Select(mapping => mapping.SourceAttribute + "=" + mapping.DestinationXdmPath))})");

        var run = await clients.Dataflows.WaitForFirstRunAsync(flow.FlowId, FirstRunTimeout, pollInterval: PollInterval, cancellationToken: cancellationToken);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"6. run      GET /runs?property=flowId=={flow.FlowId} -> first run {run.Id} {run.Status}: read {run.RecordsRead}, written {run.RecordsWritten}, failed {run.RecordsFailed}"));

        await clients.Dataflows.DeleteAsync(flow.FlowId, deleteConnections: true, cancellationToken);
        var flowGone = await clients.Dataflows.GetAsync(flow.FlowId, cancellationToken) is null;
        await output.WriteLineAsync(
            $"7. delete   DELETE /flows/{flow.FlowId}, /sourceConnections/{flow.SourceConnectionId}, /targetConnections/{flow.TargetConnectionId} -> " +
            $"deleted; reading the dataflow again {(flowGone ? "finds nothing" : "still finds it")}");

        await connections.DeleteAsync(created.Id, cancellationToken);
        var gone = await connections.GetAsync(created.Id, cancellationToken) is null;
        await output.WriteLineAsync($"8. delete   DELETE /connections/{created.Id} -> deleted; reading it again {(gone ? "finds nothing" : "still finds it")}");
        return gone && flowGone && run.Status == "success" ? ExitCodes.Success : ExitCodes.ServiceError;
    }
}
