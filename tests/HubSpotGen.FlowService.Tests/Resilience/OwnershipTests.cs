using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>Whoever creates a thing disposes it, and options are taken once, at Create.</summary>
public sealed class OwnershipTests : ResilienceFixture
{
    [Test]
    public async Task Disposing_the_client_leaves_the_callers_transport_usable()
    {
        AnswerEveryFlowRequest();
        using var transport = new DisposeCountingHandler();

        var http = PlatformHttpClient.Create(ResilientOptions(), transport);
        await new FlowServiceClient(http).ListConnectionsAsync();
        http.Dispose();

        Assert.That(transport.Disposals, Is.Zero);
        using var again = PlatformHttpClient.Create(ResilientOptions(), transport);
        Assert.That((await new FlowServiceClient(again).ListConnectionsAsync()).Items, Is.Empty, "the transport still works");
    }

    [Test]
    public async Task Changing_the_options_after_create_changes_nothing_that_is_sent()
    {
        AnswerEveryFlowRequest();
        var options = ResilientOptions();
        var client = Client(options);

        options.ApiKey = "changed-api-key";
        options.SandboxName = "changed-sandbox";
        options.AccessToken = "changed-token";
        options.BaseAddress = new Uri("http://127.0.0.1:1/elsewhere");
        await client.ListConnectionsAsync();

        var headers = Server.LogEntries.Single().RequestMessage.Headers!;
        Assert.Multiple(() =>
        {
            Assert.That(headers["x-api-key"].Single(), Is.EqualTo(FakePlatform.ApiKey));
            Assert.That(headers["x-sandbox-name"].Single(), Is.EqualTo(FakePlatform.SandboxName));
            Assert.That(headers["Authorization"].Single(), Is.EqualTo("Bearer " + FakePlatform.BearerToken));
        });
    }

    [Test]
    public void The_public_header_handler_creates_no_ims_token_provider_and_says_what_to_pass()
    {
        var options = ImsOptions();

        var failure = Assert.Throws<ArgumentException>(() => new PlatformHeadersHandler(options))!;

        Assert.That(failure.Message, Does.Contain("creates no IMS token provider"));
    }

    [Test]
    public async Task The_public_header_handler_uses_the_token_provider_it_is_given()
    {
        AnswerIms(ImsToken1);
        AnswerEveryFlowRequest();
        var options = ImsOptions();
        using var tokens = new ImsAccessTokenProvider(options.Ims!);
        using var http = new HttpClient(new PlatformHeadersHandler(options, tokens) { InnerHandler = new SocketsHttpHandler() });

        await new FlowServiceClient(http, BaseAddress.ToString()).ListConnectionsAsync();

        Assert.That(Server.LogEntries.Single(entry => entry.RequestMessage.Path == ConnectionsPath).RequestMessage.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + ImsToken1));
    }

    private void AnswerEveryFlowRequest() =>
        Server.Given(Request.Create().WithPath(ConnectionsPath)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));

    private sealed class DisposeCountingHandler : DelegatingHandler
    {
        public DisposeCountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Disposals { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposals++;
            base.Dispose(disposing);
        }
    }
}
