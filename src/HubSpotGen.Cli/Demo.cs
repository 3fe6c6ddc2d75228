using HubSpotGen.Cli.Commands;
using HubSpotGen.FlowService;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HubSpotGen.Cli;

/// <summary>
/// What <c>hubspotgen</c> does with no arguments: it starts a Flow Service stub on loopback and creates a
/// HubSpot connection through the real client and header policy, showing what went over the wire.
/// </summary>
internal static class Demo
{
    private const string BasePath = "/data/foundation/flowservice";
    private const string DemoConnectionId = "2fce94c1-9a93-4971-8e94-c19a93097129";
    private const string DemoEtag = "\"d403848a-0000-0200-0000-5e978f7b0000\"";

    public static async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var stub = WireMockServer.Start();
        stub.Given(Request.Create().WithPath(BasePath + "/connections").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(201)
                .WithHeader("Content-Type", "application/json")
                .WithHeader("Location", BasePath + "/connections/" + DemoConnectionId)
                .WithBody($$"""{"id":"{{DemoConnectionId}}","etag":{{Newtonsoft.Json.JsonConvert.ToString(DemoEtag)}}}"""));

        var settings = new CliSettings(
            new PlatformOptions
            {
                BaseAddress = new Uri(stub.Url + BasePath),
                AccessToken = "demo-access-token",
                ApiKey = "demo-api-key",
                ImsOrgId = "DEMO0000000000000000000@AdobeOrg",
                SandboxName = "prod",
            },
            new HubSpotCredentials("demo-client-id", "demo-client-secret", "demo-hubspot-access-token", "demo-hubspot-refresh-token"));

        await output.WriteLineAsync($"1. Started a local Flow Service stub at {settings.Platform.BaseAddress}");
        await output.WriteLineAsync("2. Creating a HubSpot base connection named 'HubSpot demo connection'");
        var exitCode = await FlowServiceCall.RunAsync(
            settings,
            transport: null,
            error,
            client => CreateHubSpotCommand.CreateAsync(client, settings.HubSpot!, "HubSpot demo connection", "Created by the hubspotgen demo", json: false, output, cancellationToken),
            cancellationToken);

        foreach (var entry in stub.LogEntries)
        {
            var request = entry.RequestMessage;
            await output.WriteLineAsync($"3. The stub received {request.Method} {request.Path}");
            foreach (var header in new[] { "Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Content-Type" })
            {
                var value = request.Headers is { } headers && headers.TryGetValue(header, out var values) ? string.Join(",", values) : "(missing)";
                await output.WriteLineAsync($"   {header}: {(header == "Authorization" ? "Bearer ***" : value)}");
            }
        }

        await output.WriteLineAsync(exitCode == ExitCodes.Success
            ? "Done. Point AEP_FLOW_SERVICE_URL and the AEP_* and HUBSPOT_* variables at a real account to do it for real: hubspotgen connections create-hubspot --name NAME"
            : "The demo failed.");
        return exitCode;
    }
}
