using System.CommandLine;
using System.CommandLine.Help;

namespace HubSpotGen.Cli;

/// <summary>
/// The <c>hubspotgen</c> command tree. The environment, the output streams and the network are passed in,
/// so that tests run the real command in process.
/// </summary>
internal sealed class CliApplication(Func<string, string?> environment, TextWriter output, TextWriter error, HttpMessageHandler? transport = null)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            return await Demo.RunAsync(output, error, cancellationToken);
        }

        var parseResult = BuildRootCommand().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Create and manage Adobe Experience Platform Flow Service connections to HubSpot. Run with no arguments for a demo against a local stub.");
        var connections = new Command("connections", "Flow Service base connections.");
        connections.Subcommands.Add(BuildCreateHubSpot());
        root.Subcommands.Add(connections);
        return root;
    }

    private Command BuildCreateHubSpot()
    {
        var name = new Option<string>("--name") { Description = "The connection's name.", Required = true };
        var description = new Option<string?>("--description") { Description = "An optional description." };
        var json = new Option<bool>("--json") { Description = "Print {\"id\": ..., \"etag\": ...} as JSON." };
        var command = new Command(
            "create-hubspot",
            "Create a HubSpot base connection from HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN and HUBSPOT_REFRESH_TOKEN.")
        {
            name,
            description,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = CliSettings.Read(environment, needsHubSpot: true, out var problems);
            if (settings is null)
            {
                await error.WriteLineAsync("error: missing or invalid configuration: " + string.Join(", ", problems));
                return ExitCodes.UsageError;
            }

            var connectionName = parseResult.GetValue(name);
            if (string.IsNullOrWhiteSpace(connectionName))
            {
                await error.WriteLineAsync("error: --name must not be blank");
                return ExitCodes.UsageError;
            }

            return await CreateHubSpotConnection.RunAsync(
                settings, connectionName, parseResult.GetValue(description), parseResult.GetValue(json), output, error, transport, cancellationToken);
        });
        return command;
    }
}
