using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>A redirect is an error that names where it pointed; nothing, least of all a secret, is sent there.</summary>
public sealed class RedirectTests : ResilienceFixture
{
    private WireMockServer _elsewhere = null!;

    [OneTimeSetUp]
    public void StartElsewhere() => _elsewhere = WireMockServer.Start();

    [OneTimeTearDown]
    public void StopElsewhere() => _elsewhere.Dispose();

    [SetUp]
    public void ResetElsewhere() => _elsewhere.Reset();

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public void A_redirected_create_is_an_api_exception_naming_the_status_and_host_and_nothing_reaches_the_target(int status)
    {
        RedirectEverything(status);

        var failure = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions()).CreateConnectionAsync(NewConnection("redirected")))!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.StatusCode, Is.EqualTo(status));
            Assert.That(failure.Message, Does.StartWith($"POST {FakePlatform.BasePath}/connections answered {status} "));
            Assert.That(failure.Message, Does.Contain("a redirect to host localhost").And.Contain("nothing was sent there"));
            Assert.That(_elsewhere.LogEntries, Is.Empty, "the redirect target received a request");
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1), "a redirect is not retried");
        });
        SecretAssert.ExceptionContainsNoSecret(failure);
    }

    [Test]
    public void A_redirect_through_the_dependency_injection_client_is_refused_too()
    {
        RedirectEverything(307);
        var services = new ServiceCollection();
        services.AddFlowServiceClient(options =>
        {
            options.BaseAddress = BaseAddress;
            options.AccessToken = FakePlatform.BearerToken;
            options.ApiKey = FakePlatform.ApiKey;
            options.ImsOrgId = FakePlatform.ImsOrgId;
            options.SandboxName = FakePlatform.SandboxName;
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.CatchAsync<ApiException>(() => provider.GetRequiredService<HubSpotConnections>().CreateAsync("redirected", FakePlatform.Credentials()))!;

        Assert.That(failure.StatusCode, Is.EqualTo(307));
        Assert.That(_elsewhere.LogEntries, Is.Empty);
    }

    [Test]
    public void The_transport_the_library_creates_follows_no_redirects_keeps_no_cookies_and_renews_connections()
    {
        using var transport = PlatformTransport.Create();

        var sockets = (SocketsHttpHandler)transport;
        Assert.Multiple(() =>
        {
            Assert.That(sockets.AllowAutoRedirect, Is.False);
            Assert.That(sockets.UseCookies, Is.False);
            Assert.That(sockets.PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)));
        });
    }

    [Test]
    public void A_per_call_address_over_plain_http_to_another_host_is_refused_before_anything_is_sent()
    {
        var http = PlatformHttpClient.Create(ResilientOptions());
        var client = new FlowServiceClient(http, "http://example.invalid/data/foundation/flowservice");

        var failure = Assert.CatchAsync<InvalidOperationException>(() => client.ListConnectionsAsync())!;

        Assert.That(failure.Message, Does.Contain("http://example.invalid/data/foundation/flowservice/connections"));
        http.Dispose();
    }

    private void RedirectEverything(int status) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status)
            .WithHeader("Location", _elsewhere.Url!.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/collect"));
}
