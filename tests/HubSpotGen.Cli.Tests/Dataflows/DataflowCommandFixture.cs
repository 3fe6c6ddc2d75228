using WireMock;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>
/// The <c>hubspotgen dataflows</c> commands run in process against one stub server that plays Flow Service, Catalog
/// and Data Prep at their base paths, configured as a user would: only <c>AEP_FLOW_SERVICE_URL</c>, from which the
/// other two services' addresses are derived.
/// </summary>
public abstract class DataflowCommandFixture : DataflowsFixture
{
    protected static readonly string FlowPath = FlowServicePath + "/flows/" + FlowId;
    protected static readonly string ExplorePath = FlowServicePath + "/connections/" + BaseConnectionId + "/explore";
    protected static readonly string[] PatchHeaders = [.. BodyHeaders, "If-Match"];
    protected static readonly string[] DeleteHeaders = ["Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name"];

    /// <summary>A change's answer: the flow's id and <see cref="DataflowAnswers.NewEtag"/>.</summary>
    protected static readonly string Updated = "{ \"id\": \"" + FlowId + "\", \"etag\": \"" + NewEtag.Replace("\"", "\\\"") + "\" }";

    /// <summary>The arguments of a valid create: the documented Contacts table, two mappings, once at <see cref="DataflowAnswers.StartTime"/>.</summary>
    protected static string[] CreateArguments(params string[] more) =>
    [
        "dataflows", "create-hubspot",
        "--connection", BaseConnectionId.ToString(),
        "--table", "Hubspot.Contacts",
        "--dataset", DataSetId,
        "--map", "Properties_Firstname_Value=person.name.firstName",
        "--map", "Properties_Lastname_Value=person.name.lastName",
        "--name", "HubSpot contacts",
        .. more,
    ];

    private protected Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), args);

    /// <summary>The one request with this method and path; fails when there is none or several.</summary>
    protected IRequestMessage RequestTo(string method, string path)
    {
        var matching = Requests().Where(request => request.Method == method && request.AbsolutePath == path).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), $"requests {method} {path}");
        return matching[0];
    }

    /// <summary>The <c>scheduleParams</c> of the dataflow create that was sent.</summary>
    protected string ScheduleSent() =>
        JsonAssert.Parse(RequestTo("POST", FlowServicePath + "/flows").Body!)["scheduleParams"]!.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>Asserts a usage error: exit 2, one line on stderr that contains <paramref name="mentions"/>, nothing on stdout, nothing sent.</summary>
    private protected void AssertUsageError(CliRun run, params string[] mentions)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            foreach (var text in mentions)
            {
                Assert.That(run.Error, Does.Contain(text));
            }

            Assert.That(run.Output, Is.Empty);
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
        });
        AssertNothingWasSent();
    }

    /// <summary>Asserts a service error: exit 1, exactly one line on stderr that starts with <paramref name="start"/>, nothing on stdout.</summary>
    private protected static void AssertServiceError(CliRun run, string start)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith(start));
            Assert.That(run.Output, Is.Empty);
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
        });
    }
}
