using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HubSpotGen.FlowService.Tests.Resilience;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Telemetry;

/// <summary>
/// What an OpenTelemetry SDK would see of the library's calls, through ActivityListener and MeterListener: one
/// client activity per operation with the HTTP semantic tags, the duration histogram, the retry and token counters,
/// and never a secret or an id from the path.
/// </summary>
public sealed class ActivityAndMetricTests : ResilienceFixture
{
    private static readonly Guid ConnectionId = Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129");

    private TelemetryRecorder _recorder = null!;

    private Uri Stub => new(Server.Url!);

    [SetUp]
    public void Listen() => _recorder = new TelemetryRecorder(Stub.Port);

    [TearDown]
    public void StopListening() => _recorder.Dispose();

    [Test]
    public async Task A_create_is_one_client_activity_with_the_http_semantic_tags_and_the_request_id()
    {
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithHeader("x-request-id", "req-create-1").WithBody(Created(ConnectionId)));
        var connections = new HubSpotConnections(Client(FakePlatform.Options(BaseAddress)));

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        var activity = _recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Source.Name, Is.EqualTo("HubSpotGen.FlowService"));
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(activity.DisplayName, Is.EqualTo("POST /connections"));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(Tags(activity), Is.EqualTo(new Dictionary<string, object?>
            {
                ["http.request.method"] = "POST",
                ["url.template"] = "/connections",
                ["server.address"] = Stub.Host,
                ["server.port"] = Stub.Port,
                ["http.response.status_code"] = 201,
                ["http.response.header.x-request-id"] = new[] { "req-create-1" },
            }));
        });
    }

    [Test]
    public async Task An_operation_on_one_connection_names_the_route_template_never_the_id()
    {
        Server.Given(Request.Create().WithPath(ConnectionsPath + "/" + ConnectionId).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
        var connections = new HubSpotConnections(Client(FakePlatform.Options(BaseAddress)));

        await connections.DeleteAsync(ConnectionId);

        var activity = _recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.DisplayName, Is.EqualTo("DELETE /connections/{connectionId}"));
            Assert.That(activity.GetTagItem("url.template"), Is.EqualTo("/connections/{connectionId}"));
            Assert.That(_recorder.AllTexts(), Has.None.Contains(ConnectionId.ToString()), "no tag, name or measurement carries the id");
            Assert.That(_recorder.AllTexts(), Has.None.Contains(FakePlatform.BasePath), "nor the raw path");
        });
    }

    [Test]
    public async Task Retries_stay_inside_one_activity_that_counts_them_and_the_counter_adds_them()
    {
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 3 }"""));
        var connections = new HubSpotConnections(Client(ResilientOptions()));

        await connections.CountAsync();

        var activity = _recorder.Activities.Single();
        var retries = _recorder.Of(FlowServiceTelemetry.RetriesInstrument).Single();
        var duration = _recorder.Of(FlowServiceTelemetry.RequestDurationInstrument).Single();
        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.EqualTo(2));
            Assert.That(activity.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(activity.GetTagItem("error.type"), Is.Null, "the operation succeeded");
            Assert.That(retries.Value, Is.EqualTo(1));
            Assert.That(retries.Unit, Is.EqualTo("{retry}"));
            Assert.That(retries.Tags, Is.EqualTo(new Dictionary<string, object?>
            {
                ["http.request.method"] = "GET",
                ["url.template"] = "/connections",
                ["server.address"] = Stub.Host,
                ["server.port"] = Stub.Port,
            }));
            Assert.That(duration.Unit, Is.EqualTo("s"));
            Assert.That(duration.Value, Is.GreaterThan(0).And.LessThan(20));
            Assert.That(duration.Tags, Is.EqualTo(new Dictionary<string, object?>
            {
                ["http.request.method"] = "GET",
                ["url.template"] = "/connections",
                ["server.address"] = Stub.Host,
                ["server.port"] = Stub.Port,
                ["http.response.status_code"] = 200,
            }));
        });
    }

    [Test]
    public void A_refusal_is_an_error_with_its_status_as_the_error_type()
    {
        Server.Given(Request.Create().WithPath(ConnectionsPath + "/" + ConnectionId).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("x-request-id", "req-missing"));
        var connections = new HubSpotConnections(Client(FakePlatform.Options(BaseAddress)));

        Assert.CatchAsync<ApiException>(() => connections.DeleteAsync(ConnectionId));

        var activity = _recorder.Activities.Single();
        var duration = _recorder.Of(FlowServiceTelemetry.RequestDurationInstrument).Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("404"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(404));
            Assert.That(activity.GetTagItem("http.response.header.x-request-id"), Is.EqualTo(new[] { "req-missing" }));
            Assert.That(duration.Tags["error.type"], Is.EqualTo("404"));
            Assert.That(_recorder.Of(FlowServiceTelemetry.RetriesInstrument), Is.Empty, "a 404 is not retried");
        });
    }

    [Test]
    public void A_connection_that_cannot_be_made_is_an_error_named_by_its_kind()
    {
        var closedPort = ClosedPort();
        using var recorder = new TelemetryRecorder(closedPort);
        var options = FakePlatform.Options(new Uri($"http://127.0.0.1:{closedPort}{FakePlatform.BasePath}"));
        var connections = new HubSpotConnections(Client(options));

        Assert.CatchAsync<HttpRequestException>(() => connections.CountAsync());

        var activity = recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("connection_error"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.Null);
            Assert.That(recorder.Of(FlowServiceTelemetry.RequestDurationInstrument).Single().Tags["error.type"], Is.EqualTo("connection_error"));
        });
    }

    [Test]
    public async Task The_operation_is_a_child_of_the_callers_activity()
    {
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));
        var connections = new HubSpotConnections(Client(FakePlatform.Options(BaseAddress)));
        using var caller = new Activity("the application's own work").Start();

        await connections.CountAsync();

        Assert.That(_recorder.Activities.Single().ParentId, Is.EqualTo(caller.Id));
    }

    [Test]
    public async Task Token_fetches_are_counted_and_no_tag_or_measurement_carries_a_secret()
    {
        AnswerIms(ImsToken1);
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Created(ConnectionId)));
        var connections = new HubSpotConnections(Client(ImsOptions()));

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        var fetch = _recorder.Of(FlowServiceTelemetry.TokenFetchesInstrument).Single();
        Assert.Multiple(() =>
        {
            Assert.That(fetch.Value, Is.EqualTo(1));
            Assert.That(fetch.Unit, Is.EqualTo("{fetch}"));
            Assert.That(fetch.Tags, Is.EqualTo(new Dictionary<string, object?> { ["server.address"] = Stub.Host }));
            Assert.That(_recorder.Activities.Select(activity => activity.DisplayName), Is.EqualTo(new[] { "POST /connections" }), "the token request is not an operation of its own");
            Assert.That(_recorder.AllTexts(), Is.Not.Empty);
            foreach (var secret in AllSecrets.Append(FakePlatform.ApiKey).Append(FakePlatform.ImsOrgId).Append(FakePlatform.SandboxName).Append(ImsClientId))
            {
                Assert.That(_recorder.AllTexts(), Has.None.Contains(secret), "no tag carries " + secret);
            }
        });
    }

    [Test]
    public async Task The_repeat_with_a_renewed_token_after_a_401_is_a_resend_and_a_second_token_fetch()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken1}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken2}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath).WithHeader("Authorization", "Bearer " + ImsToken2)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath)).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error_code":"401013","message":"Oauth token is not valid"}"""));
        var connections = new HubSpotConnections(Client(ImsOptions(resilience: QuickRetries(maxRetries: 0))));

        await connections.CountAsync();

        var activity = _recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(_recorder.Of(FlowServiceTelemetry.RetriesInstrument).Sum(measurement => measurement.Value), Is.EqualTo(1));
            Assert.That(_recorder.Of(FlowServiceTelemetry.TokenFetchesInstrument).Sum(measurement => measurement.Value), Is.EqualTo(2));
            Assert.That(_recorder.AllTexts(), Has.None.Contains(ImsToken1).And.None.Contains(ImsToken2));
        });
    }

    private static Dictionary<string, object?> Tags(Activity activity) => activity.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
