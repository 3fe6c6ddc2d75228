using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections explore ID [--table PATH] [--json]`.</summary>
public sealed class ExploreConnectionCommandTests : LifecycleFixture
{
    [Test]
    public async Task Json_output_is_the_array_of_tables_from_one_root_explore()
    {
        AnswerInTurn((200, ExploreRoot));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/" + ConnectionId + "/explore"));
            Assert.That(request.RawQuery, Is.EqualTo("?objectType=root"));
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
        });
        JsonAssert.AreEquivalent(ExploreRoot, run.Output);
    }

    [Test]
    public async Task Text_output_is_one_line_per_table_starting_with_its_path()
    {
        AnswerInTurn((200, ExploreRoot));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Has.Count.EqualTo(2));
        Assert.That(run.OutputLines[0], Does.StartWith("Hubspot.Contacts").And.Contain("Contacts"));
        Assert.That(run.OutputLines[1], Does.StartWith("Hubspot.Companies"));
    }

    [Test]
    public async Task With_a_table_json_output_is_the_array_of_its_columns()
    {
        AnswerInTurn((200, ExploreContactsTable));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId, "--table", "Hubspot.Contacts", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/" + ConnectionId + "/explore"));
            Assert.That(request.RawQuery, Is.EqualTo("?objectType=table&object=Hubspot.Contacts"));
        });
        JsonAssert.AreEquivalent(ExploreContactsColumns, run.Output);
    }

    [Test]
    public async Task With_a_table_text_output_is_one_line_per_column()
    {
        AnswerInTurn((200, ExploreContactsTable));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId, "--table", "Hubspot.Deals & Tickets");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?objectType=table&object=Hubspot.Deals%20%26%20Tickets"));
        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            "Vid  long  xdm:integer",
            "Email  string  xdm:string",
            "CreatedAt  string  xdm:string(date-time)",
        }));
    }

    [Test]
    public async Task A_blank_table_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId, "--table", "");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--table"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task An_id_that_is_not_a_guid_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", "Hubspot.Contacts");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_service_error_exits_1()
    {
        AnswerInTurn((404, NotFoundAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "explore", ConnectionId, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("404").And.Contain("FLOW-1101-404"));
    }
}
