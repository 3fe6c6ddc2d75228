using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections list [--limit N] [--property EXPR]... [--orderby EXPR] [--json]`, following every page.</summary>
public sealed class ListConnectionsCommandTests : LifecycleFixture
{
    [Test]
    public async Task Json_output_is_one_array_of_every_page_and_each_page_repeats_the_query()
    {
        AnswerInTurn(
            (200, Page("/connections?continuationToken=p%2B2%2F%3D%3D", ConnectionWithSecrets(ConnectionId, "first"))),
            (200, Page(null, ConnectionWithSecrets(SecondId, "second"))));

        var run = await CliRun.RunAsync(
            CliRun.PlatformEnvironment(BaseAddress),
            "connections", "list", "--limit", "1", "--property", "state==enabled", "--property", "name==HubSpot base connection", "--orderby", "-name", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var requests = Requests();
        const string Query = "?" + HubSpotPropertyOnWire + "&property=state%3D%3Denabled&property=name%3D%3DHubSpot%20base%20connection&limit=1&orderby=-name";
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(requests.Select(request => request.Method), Is.All.EqualTo("GET"));
            Assert.That(requests.Select(request => request.AbsolutePath), Is.All.EqualTo(ConnectionsPath));
            Assert.That(requests[0].RawQuery, Is.EqualTo(Query));
            Assert.That(requests[1].RawQuery, Is.EqualTo(Query + "&continuationToken=p%2B2%2F%3D%3D"));
            foreach (var request in requests)
            {
                request.AssertPlatformHeaders();
                request.AssertOnlyHeaders(ReadHeaders);
            }
        });
        JsonAssert.AreEquivalent(
            "[" + RedactedConnection(ConnectionId, "first") + "," + RedactedConnection(SecondId, "second") + "]",
            run.Output);
    }

    [Test]
    public async Task Text_output_is_one_line_per_connection_with_id_state_etag_and_name()
    {
        AnswerInTurn(
            (200, Page("/connections?continuationToken=page-2", ConnectionWithSecrets(ConnectionId, "first"))),
            (200, Page(null, ConnectionWithSecrets(SecondId, "second one"))));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Has.Count.EqualTo(2));
        Assert.That(run.OutputLines[0], Does.StartWith(ConnectionId).And.Contain("enabled").And.Contain(Etag).And.EndWith("first"));
        Assert.That(run.OutputLines[1], Does.StartWith(SecondId).And.EndWith("second one"));
        Assert.That(run.Error, Is.Empty, "no progress when stderr is not a terminal");
    }

    [Test]
    public async Task By_default_only_the_hubspot_filter_is_sent()
    {
        AnswerInTurn((200, Page(null)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire));
        JsonAssert.AreEquivalent("[]", run.Output);
    }

    [Test]
    public async Task An_empty_list_prints_nothing_on_stdout_and_says_so_on_stderr()
    {
        AnswerInTurn((200, Page(null)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.Contain("No connections"));
    }

    [Test]
    public async Task A_descending_sort_can_be_given_as_its_own_token()
    {
        AnswerInTurn((200, Page(null)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--orderby", "-name");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire + "&orderby=-name"));
    }

    [Test]
    public async Task Progress_goes_to_stderr_when_it_is_a_terminal()
    {
        AnswerInTurn(
            (200, Page("/connections?continuationToken=page-2", ConnectionWithSecrets(ConnectionId, "first"))),
            (200, Page(null, ConnectionWithSecrets(SecondId, "second"))));

        var run = await CliRun.RunWithProgressAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "page 1: 1 connection(s) so far", "page 2: 2 connection(s) so far" }));
        Assert.That(JsonAssert.Parse(run.Output), Has.Count.EqualTo(2), "stdout stays pure JSON");
    }

    [Test]
    public async Task A_failure_on_a_later_page_exits_1_and_leaves_no_partial_json()
    {
        AnswerInTurn(
            (200, Page("/connections?continuationToken=page-2", ConnectionWithSecrets(ConnectionId, "first"))),
            (500, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1102-500","title":"Internal server error","status":500}"""));

        // 500 rather than 503: a 503 is retried now, and this test is about what a lasting failure leaves behind.
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("500").And.Contain("FLOW-1102-500").And.Contain("Internal server error"));
    }

    [Test]
    public async Task A_page_with_a_connection_without_auth_and_one_whose_spec_has_no_version_lists_both()
    {
        AnswerInTurn((200, Page(null, WithoutAuth, WithoutSpecVersion)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Is.Empty);
        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            $"{ConnectionId}  enabled       {Etag}  Data Lake",
            $"{SecondId}  enabled       {Etag}  no spec version",
        }));
    }

    [Test]
    public async Task A_page_with_a_connection_without_auth_and_one_whose_spec_has_no_version_is_one_json_array()
    {
        AnswerInTurn((200, Page(null, WithoutAuth, WithoutSpecVersion)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var listed = (Newtonsoft.Json.Linq.JArray)JsonAssert.Parse(run.Output)!;
        Assert.That(listed, Has.Count.EqualTo(2));
        Assert.That(listed[0]["auth"], Is.Null);
        Assert.That(listed[1]["connectionSpec"]?["version"], Is.Null);
        Assert.That((string?)listed[1]["connectionSpec"]?["id"], Is.EqualTo("cc6a4487-9e91-433e-a3a3-9cf6626c1806"));
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("many")]
    public async Task A_limit_that_is_not_a_positive_number_exits_2_and_sends_nothing(string limit)
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--limit", limit);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--limit").Or.Contain(limit));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_blank_property_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list", "--property", " ");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--property"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_missing_platform_variable_exits_2_and_sends_nothing()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_IMS_ORG");

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_IMS_ORG"));
        AssertNothingWasSent();
    }
}
