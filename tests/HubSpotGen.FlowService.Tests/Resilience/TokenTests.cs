using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>Static and IMS tokens: caching, one fetch for many callers, and one refresh on 401.</summary>
public sealed class TokenTests : ResilienceFixture
{
    [Test]
    public async Task The_ims_token_is_fetched_with_client_credentials_and_sent_as_bearer()
    {
        AnswerIms(ImsToken1);
        AnswerEveryFlowRequest();

        await Client(ImsOptions()).ListConnectionsAsync();

        var ims = Server.LogEntries.Single(entry => entry.RequestMessage.Path == ImsPath).RequestMessage;
        var flow = Server.LogEntries.Single(entry => entry.RequestMessage.Path != ImsPath).RequestMessage;
        Assert.Multiple(() =>
        {
            Assert.That(ims.Method, Is.EqualTo("POST"));
            Assert.That(ims.Headers!["Content-Type"].Single(), Does.StartWith("application/x-www-form-urlencoded"));
            var form = System.Web.HttpUtility.ParseQueryString(ims.Body!);
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_id"], Is.EqualTo(ImsClientId));
            Assert.That(form["client_secret"], Is.EqualTo(ImsClientSecret));
            Assert.That(form["scope"], Is.EqualTo(ImsCredentials.PlatformScopes));
            Assert.That(flow.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + ImsToken1));
        });
    }

    [Test]
    public async Task The_ims_token_is_cached_until_shortly_before_it_expires()
    {
        AnswerIms(ImsToken1, expiresIn: 86399);
        AnswerEveryFlowRequest();
        var client = Client(ImsOptions());

        for (var i = 0; i < 5; i++)
        {
            await client.ListConnectionsAsync();
        }

        Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_expiring_ims_token_is_replaced_by_the_clock_not_by_a_timer()
    {
        AnswerIms(ImsToken1, expiresIn: 3600);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var provider = new ImsAccessTokenProvider(
            new ImsCredentials { ClientId = ImsClientId, ClientSecret = ImsClientSecret, TokenAddress = new Uri(Server.Url + ImsPath), RefreshMargin = TimeSpan.FromMinutes(5) },
            timeProvider: clock);

        await provider.GetAccessTokenAsync(default);
        clock.Now += TimeSpan.FromMinutes(54);
        await provider.GetAccessTokenAsync(default);
        Assert.That(provider.FetchCount, Is.EqualTo(1), "still fresh 6 minutes before expiry");
        clock.Now += TimeSpan.FromMinutes(2);
        await provider.GetAccessTokenAsync(default);
        Assert.That(provider.FetchCount, Is.EqualTo(2), "replaced within the 5-minute margin");
    }

    [Test]
    public async Task A_401_refreshes_the_ims_token_once_and_repeats_the_request()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken1}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken2}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath).WithHeader("Authorization", "Bearer " + ImsToken2, MatchBehaviour.AcceptOnMatch))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath)).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error_code":"401013","message":"Oauth token is not valid"}"""));

        var answer = await Client(ImsOptions()).ListConnectionsAsync();

        Assert.That(answer.Items, Is.Empty);
        Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(2));
        Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.EqualTo(2));
    }

    [Test]
    public void A_401_that_persists_after_the_refresh_fails_without_looping()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken1}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{ImsToken2}}","expires_in":86399}"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath)).RespondWith(Response.Create().WithStatusCode(401));

        var exception = Assert.CatchAsync<ApiException>(() => Client(ImsOptions()).ListConnectionsAsync())!;

        Assert.That(exception.ToFlowServiceError().Kind, Is.EqualTo(FlowServiceErrorKind.Unauthorized));
        Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.EqualTo(2));
        Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(2));
    }

    [Test]
    public void A_401_with_a_static_token_is_not_repeated()
    {
        AnswerEveryRequest(401);

        Assert.CatchAsync<ApiException>(() => Client(ResilientOptions()).ListConnectionsAsync());

        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public void An_ims_refusal_is_an_ims_exception_with_its_error_and_without_the_secret()
    {
        Server.Given(Request.Create().WithPath(ImsPath)).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody($$"""{"error":"invalid_client","error_description":"bad secret {{ImsClientSecret}}"}"""));

        var exception = Assert.ThrowsAsync<ImsTokenException>(() => Client(ImsOptions()).ListConnectionsAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.Error, Is.EqualTo("invalid_client"));
            Assert.That(exception.ErrorDescription, Is.EqualTo("bad secret ***"));
            Assert.That(exception.IsCredentialRefusal, Is.True);
            Assert.That(exception.TokenAddress, Is.EqualTo(new Uri(Server.Url + ImsPath)));
            Assert.That(exception.Message, Is.EqualTo($"IMS refused the client credentials: invalid_client (bad secret ***); it answered 400 at {Server.Url}{ImsPath}."));
        });
        Assert.That(SecretHits([exception.ToString(), exception.ErrorDescription ?? ""]), Is.Zero);
        Assert.That(RequestsTo(ConnectionsPath, "GET"), Is.Zero);
    }

    [Test]
    public async Task A_thousand_creates_across_ten_sandboxes_share_one_token_and_keep_their_sandbox()
    {
        AnswerIms(ImsToken1);
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Created(Guid.NewGuid())));
        var client = Client(ImsOptions());
        var sandboxes = Enumerable.Range(0, 10).Select(i => "sandbox-" + i).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
        {
            var sandbox = sandboxes[i % sandboxes.Length];
            return client.CreateConnectionAsync(NewConnection($"conn {sandbox} {i}"), sandboxName: sandbox);
        }));

        var posts = Server.LogEntries.Where(entry => entry.RequestMessage.Method == "POST" && entry.RequestMessage.Path == ConnectionsPath).ToList();
        var mismatched = posts.Count(entry =>
        {
            var sandbox = entry.RequestMessage.Headers!["x-sandbox-name"].Single();
            var name = Newtonsoft.Json.Linq.JObject.Parse(entry.RequestMessage.Body!)["name"]!.ToString();
            return !name.StartsWith("conn " + sandbox + " ", StringComparison.Ordinal);
        });
        TestContext.Out.WriteLine($"concurrency: {answers.Length} creates, {posts.Count} POSTs, {mismatched} sandbox mismatches, {RequestsTo(ImsPath, "POST")} token fetch(es)");
        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.Length.EqualTo(1000).And.All.Not.Null);
            Assert.That(posts, Has.Count.EqualTo(1000));
            Assert.That(mismatched, Is.Zero, "each request carries its own sandbox");
            Assert.That(posts.GroupBy(entry => entry.RequestMessage.Headers!["x-sandbox-name"].Single()).Select(group => group.Count()), Is.All.EqualTo(100));
            Assert.That(RequestsTo(ImsPath, "POST"), Is.EqualTo(1), "the token is fetched once");
        });
    }

    private void AnswerEveryFlowRequest() =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(FakePlatform.BasePath + "/*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
