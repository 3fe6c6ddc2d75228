using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>IMS is a service of its own: its own failures, the same retries and timeouts, and the factory's named client.</summary>
public sealed class ImsServiceTests : ResilienceFixture
{
    [Test]
    public async Task An_ims_token_request_is_retried_over_a_503_like_any_call()
    {
        Server.Given(Request.Create().WithPath(ImsPath)).InScenario("ims").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        Server.Given(Request.Create().WithPath(ImsPath)).InScenario("ims").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{ImsToken1}}","expires_in":86399}"""));
        AnswerFlow();

        await Client(ImsOptions()).ListConnectionsAsync();

        Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(2));
        Assert.That(Server.LogEntries.Single(entry => entry.RequestMessage.Path == ConnectionsPath).RequestMessage.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + ImsToken1));
    }

    [Test]
    public void An_ims_that_never_answers_is_an_ims_timeout_not_a_flow_service_one()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = ImsOptions(Quick(attempt: TimeSpan.FromMilliseconds(300), total: TimeSpan.FromSeconds(1)));
        options.Ims!.TokenAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/ims/token/v3?probe=1");

        var failure = Assert.ThrowsAsync<ImsTokenException>(() => Client(options).ListConnectionsAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.StartWith("IMS at http://127.0.0.1:").And.EndWith("/ims/token/v3 did not answer in time."));
            Assert.That(failure.StatusCode, Is.Null);
            Assert.That(failure.TokenAddress.Query, Is.Empty);
            Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.Zero);
        });
    }

    [Test]
    public void An_unreachable_ims_is_reported_under_its_own_address()
    {
        var options = ImsOptions();
        options.Ims!.TokenAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/ims/token/v3");

        var failure = Assert.ThrowsAsync<ImsTokenException>(() => Client(options).ListConnectionsAsync())!;

        Assert.That(failure.Message, Does.StartWith("IMS at http://127.0.0.1:").And.Contain("could not be reached"));
        Assert.That(failure.Message, Does.Not.Contain(Server.Url!));
    }

    [TestCase("\"expires_in\":0")]
    [TestCase("\"expires_in\":-5")]
    [TestCase("\"token_type\":\"bearer\"")]
    [TestCase("\"expires_in\":\"soon\"")]
    public async Task An_unusable_lifetime_still_caches_the_token(string lifetime)
    {
        Server.Given(Request.Create().WithPath(ImsPath)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{ImsToken1}}",{{lifetime}}}"""));
        AnswerFlow();
        var client = Client(ImsOptions());

        for (var i = 0; i < 3; i++)
        {
            await client.ListConnectionsAsync();
        }

        Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(1), "every call fetched a new token");
    }

    [TestCase("99999999999999999999999")]
    [TestCase("1e400")]
    [TestCase("9223372036854775807")]
    public async Task A_huge_lifetime_is_capped_not_an_exception(string expiresIn)
    {
        Server.Given(Request.Create().WithPath(ImsPath)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{ImsToken1}}","expires_in":{{expiresIn}}}"""));
        AnswerFlow();

        await Client(ImsOptions()).ListConnectionsAsync();

        Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.EqualTo(1));
    }

    [Test]
    public void Lifetimes_are_bounded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImsAccessTokenProvider.LifetimeOf(null), Is.EqualTo(ImsAccessTokenProvider.AssumedLifetime));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(0), Is.EqualTo(ImsAccessTokenProvider.AssumedLifetime));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(-1), Is.EqualTo(ImsAccessTokenProvider.AssumedLifetime));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(double.NaN), Is.EqualTo(ImsAccessTokenProvider.AssumedLifetime));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(1800), Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(double.PositiveInfinity), Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(ImsAccessTokenProvider.LifetimeOf(1e12), Is.EqualTo(TimeSpan.FromHours(24)));
        });
    }

    [Test]
    public async Task With_dependency_injection_ims_requests_go_through_the_named_client_users_configure()
    {
        AnswerIms(ImsToken1);
        AnswerFlow();
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddFlowServiceClient(options =>
        {
            options.BaseAddress = BaseAddress;
            options.Ims = new ImsCredentials { ClientId = ImsClientId, ClientSecret = ImsClientSecret, TokenAddress = new Uri(Server.Url + ImsPath) };
            options.ApiKey = FakePlatform.ApiKey;
            options.ImsOrgId = FakePlatform.ImsOrgId;
            options.SandboxName = FakePlatform.SandboxName;
        });
        services.AddHttpClient(FlowServiceServiceCollectionExtensions.ImsHttpClientName).AddHttpMessageHandler(() => new Recording(seen));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<HubSpotConnections>().CountAsync();

        Assert.That(seen, Is.EqualTo(new[] { "POST " + ImsPath }));
    }

    [Test]
    public void The_ims_address_shows_without_its_query_in_text()
    {
        var credentials = new ImsCredentials { ClientId = ImsClientId, ClientSecret = ImsClientSecret, TokenAddress = new Uri("https://ims.example/ims/token/v3?client_secret=in-the-query") };
        var options = FakePlatform.Options(new Uri("https://platform.example/data/foundation/flowservice?sig=in-the-query"));
        options.Ims = credentials;

        Assert.That(credentials.ToString(), Does.Contain("TokenAddress = https://ims.example/ims/token/v3 }").And.Not.Contain("in-the-query"));
        Assert.That(options.ToString(), Does.Contain("BaseAddress = https://platform.example/data/foundation/flowservice,").And.Not.Contain("in-the-query"));
    }

    private void AnswerFlow() =>
        Server.Given(Request.Create().WithPath(ConnectionsPath)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody("""{"items":[],"count":0}"""));

    private static FlowServiceResilienceOptions Quick(TimeSpan attempt, TimeSpan total)
    {
        var resilience = QuickRetries(maxRetries: 1);
        resilience.AttemptTimeout = attempt;
        resilience.TotalTimeout = total;
        return resilience;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recording(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Method + " " + request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
