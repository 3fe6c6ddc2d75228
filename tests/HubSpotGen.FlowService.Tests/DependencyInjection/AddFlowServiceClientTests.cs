using HubSpotGen.FlowService.Tests.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddFlowServiceClient(...)</c> as an application uses it: resolve <see cref="HubSpotConnections"/>
/// from the container and check what reaches the wire, and that bad options stop start-up before any request.
/// </summary>
public sealed class AddFlowServiceClientTests : StubServerFixture
{
    private readonly ServiceProviders _providers = new();

    [TearDown]
    public void DisposeProviders()
    {
        _providers.Dispose();
    }

    [Test]
    public async Task A_connection_created_through_the_container_carries_the_platform_headers_and_base_path()
    {
        AnswerCreate();
        var connections = Resolve(services => services.AddFlowServiceClient(Configure));

        var created = await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129")));
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo(DocumentedAnswers.ConnectionsPath));
            Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + FakePlatform.BearerToken));
            Assert.That(request.Headers["x-api-key"].Single(), Is.EqualTo(FakePlatform.ApiKey));
            Assert.That(request.Headers["x-gw-ims-org-id"].Single(), Is.EqualTo(FakePlatform.ImsOrgId));
            Assert.That(request.Headers["x-sandbox-name"].Single(), Is.EqualTo(FakePlatform.SandboxName));
            Assert.That(request.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
        });
    }

    [Test]
    public void It_returns_the_builder_of_the_named_flow_service_client()
    {
        var services = new ServiceCollection();

        var builder = services.AddFlowServiceClient(Configure);

        Assert.That(builder.Name, Is.EqualTo(FlowServiceServiceCollectionExtensions.HttpClientName));
    }

    [Test]
    public void Incomplete_options_fail_start_up_naming_every_problem_before_anything_is_sent()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient(options => options.BaseAddress = BaseAddress));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Failures, Has.Some.Contains("AccessToken"));
            Assert.That(failure.Failures, Has.Some.Contains("ApiKey"));
            Assert.That(failure.Failures, Has.Some.Contains("ImsOrgId"));
            Assert.That(failure.Failures, Has.Some.Contains("SandboxName"));
            Assert.That(() => provider.GetRequiredService<HubSpotConnections>(), Throws.TypeOf<OptionsValidationException>());
        });
        AssertNothingWasSent();
    }

    [Test]
    public void Plain_http_to_another_machine_fails_start_up()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient(options =>
        {
            Configure(options);
            options.BaseAddress = new Uri("http://flow.example.test/data/foundation/flowservice");
        }));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(failure.Failures, Has.Some.Contains("BaseAddress"));
    }

    [Test]
    public async Task A_token_provider_registered_in_the_container_supplies_the_bearer_token()
    {
        AnswerCreate();
        var connections = Resolve(services =>
        {
            services.AddSingleton<IAccessTokenProvider>(new StaticAccessTokenProvider("token-from-the-container"));
            services.AddFlowServiceClient(options =>
            {
                Configure(options);
                options.AccessToken = null;
            });
        });

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        Assert.That(SingleRequest().Headers!["Authorization"].Single(), Is.EqualTo("Bearer token-from-the-container"));
    }

    [Test]
    public async Task Retries_are_in_the_pipeline_and_handlers_added_to_the_builder_see_every_attempt()
    {
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingGet())
            .InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 3 }"""));
        var attempts = new AttemptCounter();
        var connections = Resolve(services => services
            .AddFlowServiceClient(options =>
            {
                Configure(options);
                options.Resilience = new FlowServiceResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1) };
            })
            .AddHttpMessageHandler(() => attempts));

        var count = await connections.CountAsync();

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(3));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(2));
            Assert.That(attempts.Seen, Is.EqualTo(new[] { "test-api-key", "test-api-key" }), "the added handler runs inside the header policy, once per attempt");
        });
    }

    [Test]
    public async Task Log_lines_go_to_the_containers_logger_factory_under_the_library_category()
    {
        AnswerCreate();
        var logs = new CapturedLogs();
        var connections = Resolve(services =>
        {
            services.AddSingleton<ILoggerFactory>(logs);
            services.AddFlowServiceClient(Configure);
        });

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        Assert.That(
            logs.Entries.Where(entry => entry.Category == FlowServiceEventIds.Category).Select(entry => entry.EventId.Id),
            Is.EqualTo(new[] { FlowServiceEventIds.RequestSending, FlowServiceEventIds.ResponseReceived }));
    }

    private void Configure(PlatformOptions options)
    {
        options.BaseAddress = BaseAddress;
        options.AccessToken = FakePlatform.BearerToken;
        options.ApiKey = FakePlatform.ApiKey;
        options.ImsOrgId = FakePlatform.ImsOrgId;
        options.SandboxName = FakePlatform.SandboxName;
        options.Resilience = null;
    }

    private void AnswerCreate() =>
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "id": "2fce94c1-9a93-4971-8e94-c19a93097129", "etag": "\"d403848a-0000-0200-0000-5e978f7b0000\"" }"""));

    private HubSpotConnections Resolve(Action<IServiceCollection> register) =>
        _providers.Build(register).GetRequiredService<HubSpotConnections>();

    private sealed class AttemptCounter : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(request.Headers.TryGetValues("x-api-key", out var values) ? values.Single() : "(none)");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
