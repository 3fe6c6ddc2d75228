using System.Net;
using System.Net.Sockets;
using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>
/// Every failure of the command is one line on stderr and its documented exit code, never a stack trace: 1 for
/// what the service or the network did, 2 for configuration and arguments, naming the variable.
/// </summary>
public sealed class OneLineFailureTests : StubServerFixture
{
    private const string Path = ConnectionsPath;

    [Test]
    public async Task A_create_the_server_never_answers_exits_1_with_one_line_when_the_attempt_times_out()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        var environment = CliRun.FullEnvironment(new Uri(server.Url, FakePlatform.BasePath));
        environment["AEP_ATTEMPT_TIMEOUT"] = "1";
        environment["AEP_TOTAL_TIMEOUT"] = "2";

        var run = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "X");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"error: Flow Service at {server.Url}data/foundation/flowservice did not answer in time: POST {Path} did not finish within 00:00:01.",
            }));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
            Assert.That(run.Output, Is.Empty);
            Assert.That(server.Received, Has.Count.EqualTo(1), "a create that may have been acted on is not repeated");
        });
    }

    [Test]
    public async Task A_list_the_server_never_answers_exits_1_with_one_line_when_the_total_budget_runs_out()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        var environment = CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath));
        environment["AEP_ATTEMPT_TIMEOUT"] = "1";
        environment["AEP_TOTAL_TIMEOUT"] = "2";

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.ErrorLines[0], Does.StartWith($"error: Flow Service at {server.Url}data/foundation/flowservice did not answer in time: GET {Path} did not finish within "));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
        });
    }

    [TestCase("http://example.invalid/x")]
    [TestCase("HTTP://example.invalid/data/foundation/flowservice?token=abc")]
    public async Task A_plain_http_flow_service_url_to_another_host_exits_2_naming_the_variable(string url)
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_FLOW_SERVICE_URL"] = url;

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                "error: missing or invalid configuration: AEP_FLOW_SERVICE_URL (plain http to example.invalid would send credentials in clear text; use https, plain http is allowed only to a loopback address)",
            }));
            Assert.That(run.Error, Does.Not.Contain("token=abc"));
        });
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_plain_http_ims_url_to_another_host_exits_2_naming_the_variable_and_sends_nothing()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment["AEP_CLIENT_ID"] = "test-ims-client-id";
        environment["AEP_CLIENT_SECRET"] = "test-ims-client-secret-value";
        environment["AEP_IMS_URL"] = "http://ims.example.invalid/ims/token/v3";

        var run = await CliRun.RunAsync(environment, "specs", "get");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "error: missing or invalid configuration: AEP_IMS_URL (plain http to ims.example.invalid would send credentials in clear text; use https, plain http is allowed only to a loopback address)",
        }));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Plain_http_to_localhost_is_allowed()
    {
        AnswerEveryRequest(200, Page(null));
        var environment = CliRun.PlatformEnvironment(new Uri(BaseAddress.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [TestCase("AEP_ATTEMPT_TIMEOUT", "0")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "-1")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "soon")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "1,5")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "1e3")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "NaN")]
    [TestCase("AEP_ATTEMPT_TIMEOUT", "0.001")]
    [TestCase("AEP_TOTAL_TIMEOUT", "0")]
    [TestCase("AEP_TOTAL_TIMEOUT", "Infinity")]
    [TestCase("AEP_TOTAL_TIMEOUT", "86401")]
    [TestCase("AEP_TOTAL_TIMEOUT", "30s")]
    public async Task A_timeout_that_is_not_a_positive_number_of_seconds_exits_2_naming_the_variable(string variable, string value)
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment[variable] = value;

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: missing or invalid configuration: {variable} (seconds between 0.01 and 86400, such as 30 or 2.5)",
        }));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Both_timeouts_wrong_are_named_in_one_line()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_ATTEMPT_TIMEOUT"] = "x";
        environment["AEP_TOTAL_TIMEOUT"] = "y";

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("AEP_ATTEMPT_TIMEOUT (").And.Contain("AEP_TOTAL_TIMEOUT ("));
    }

    [TestCase("2.5")]
    [TestCase(" 30 ")]
    [TestCase("0.01")]
    [TestCase("86400")]
    public async Task Timeouts_in_seconds_with_decimals_are_accepted(string value)
    {
        AnswerEveryRequest(200, Page(null));
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_ATTEMPT_TIMEOUT"] = value;
        environment["AEP_TOTAL_TIMEOUT"] = value;

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [Test]
    public async Task The_emulator_on_a_taken_port_exits_2_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.ErrorLines[0], Does.StartWith($"error: the Flow Service emulator could not listen on 127.0.0.1:{port}: ")
                .And.EndWith("; choose another --port, or leave it out for a free one"));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public async Task A_network_failure_is_one_line_naming_flow_service_without_the_query_of_its_address()
    {
        using var transport = new ThrowingTransport(new HttpRequestException("Connection reset by peer"));
        var environment = CliRun.FullEnvironment(new Uri(BaseAddress + "?routing=hidden-value"));

        var run = await CliRun.RunOverAsync(transport, environment, "connections", "create-hubspot", "--name", "X");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: Flow Service at {BaseAddress} could not be reached: Connection reset by peer" }));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
        });
    }

    [Test]
    public async Task An_unexpected_failure_is_one_line_and_exit_1()
    {
        using var transport = new ThrowingTransport(new InvalidOperationException("the transport broke\nin two lines"));

        var run = await CliRun.RunOverAsync(transport, CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: the transport broke in two lines (InvalidOperationException)" }));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
        });
    }

    [Test]
    public async Task Ctrl_c_during_a_call_is_one_quiet_line_and_exit_130()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = await CliRun.RunUntilAsync(ctrlC.Token, CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(130));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "cancelled" }));
    }

    private sealed class ThrowingTransport(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => throw exception;
    }
}
