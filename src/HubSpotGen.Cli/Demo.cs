using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>
/// What <c>hubspotgen</c> does with no arguments: it starts the Flow Service emulator on loopback and walks one
/// HubSpot connection through its life with the real client, header policy and retries, printing each step.
/// </summary>
internal static class Demo
{
    private const string ConnectionName = "HubSpot demo connection";

    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var emulator = await EmulatorStart.TryStartAsync(port: null, error);
        if (emulator is null)
        {
            return ExitCodes.UsageError;
        }

        var settings = CliSettings.ForEmulator(emulator, environment);
        await output.WriteLineAsync($"Started the Flow Service emulator at {emulator.BaseAddress} (sandbox {settings.Platform.SandboxName})");
        var exitCode = await FlowServiceCall.RunAsync(
            settings,
            transport: null,
            error,
            client => WalkThroughAsync(new HubSpotConnections(client), settings.HubSpot!, output, cancellationToken),
            cancellationToken);
        await output.WriteLineAsync(exitCode == ExitCodes.Success
            ? "Done. Set the AEP_* and HUBSPOT_* variables to do this against Adobe: hubspotgen connections create-hubspot --name NAME"
            : "The demo failed.");
        return exitCode;
    }

    private static async Task<int> WalkThroughAsync(HubSpotConnections connections, HubSpotCredentials credentials, TextWriter output, CancellationToken cancellationToken)
    {
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
        if (tables.Count > 0)
        {
            var columns = await connections.ExploreTableAsync(created.Id, tables[0].Path, cancellationToken);
            await output.WriteLineAsync($"             {tables[0].Path}: {string.Join(", ", columns.Select(column => column.Name))}");
        }

        await connections.DeleteAsync(created.Id, cancellationToken);
        var gone = await connections.GetAsync(created.Id, cancellationToken) is null;
        await output.WriteLineAsync($"5. delete   DELETE /connections/{created.Id} -> deleted; reading it again {(gone ? "finds nothing" : "still finds it")}");
        return gone ? ExitCodes.Success : ExitCodes.ServiceError;
    }
}
