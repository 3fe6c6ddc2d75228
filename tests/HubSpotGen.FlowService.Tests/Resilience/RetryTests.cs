using HubSpotGen.FlowService.Models;
using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>What is retried, what is not, and that a retry never creates a second connection.</summary>
public sealed class RetryTests : ResilienceFixture
{
    private static int _faultsTried;
    private static int _retriesSeen;
    private static int _duplicates;
    private static int _secretHits;

    // Running totals, printed after every test so the last line holds the suite's figures.
    [TearDown]
    public void CountAndScan()
    {
        Interlocked.Add(ref _retriesSeen, Logs.RetriesSeen);
        var hits = SecretHits([]);
        Interlocked.Add(ref _secretHits, hits);
        TestContext.Out.WriteLine($"retry figures so far: faults tried {_faultsTried}, retries seen {_retriesSeen}, duplicate connections {_duplicates}, secret hits {_secretHits} ({Logs.Lines.Count} log lines scanned)");
        Assert.That(hits, Is.Zero, "a log line carries a secret");
    }

    [TestCase(429)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task A_get_is_retried_on_a_transient_status_then_succeeds(int status)
    {
        Server.Given(Request.Create().UsingGet()).InScenario("s").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Retry-After", "0"));
        Server.Given(Request.Create().UsingGet()).InScenario("s").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));

        var answer = await Client(ResilientOptions()).ListConnectionsAsync();

        Assert.That(answer.Items, Is.Empty);
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(2));
        Assert.That(Logs.RetriesSeen, Is.EqualTo(1));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(404)]
    [TestCase(500)]
    public void A_get_is_not_retried_on_a_lasting_status(int status)
    {
        AnswerEveryRequest(status);

        var exception = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions()).ListConnectionsAsync())!;

        Assert.That(exception.StatusCode, Is.EqualTo(status));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public void A_get_that_keeps_failing_stops_after_the_configured_retries()
    {
        AnswerEveryRequest(503);

        var exception = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions(QuickRetries(maxRetries: 2))).ListConnectionsAsync())!;

        Assert.That(exception.StatusCode, Is.EqualTo(503));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(3));
    }

    // WireMock.Net 1.25's faults keep the connection: EMPTY_RESPONSE is a 200 with no body, and
    // MALFORMED_RESPONSE_CHUNK a 200 with garbled bytes. Either must be the client's own clear exception.
    [TestCase(FaultType.EMPTY_RESPONSE)]
    [TestCase(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public void A_get_answered_with_a_faulty_body_is_an_api_exception(FaultType fault)
    {
        Interlocked.Increment(ref _faultsTried);
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[{"id":"x","name":"a long enough body to be cut"}]}""").WithFault(fault));

        var exception = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions()).ListConnectionsAsync())!;

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("GET /connections"));
        SecretAssert.ExceptionContainsNoSecret(exception);
    }

    [Test]
    public async Task A_patch_with_if_match_is_retried_on_503()
    {
        var id = Guid.NewGuid();
        Server.Given(Request.Create().UsingPatch()).InScenario("p").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().UsingPatch()).InScenario("p").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Created(id)));

        var answer = await new HubSpotConnections(Client(ResilientOptions())).RenameAsync(id, "\"e0\"", "renamed");

        Assert.That(answer.Id, Is.EqualTo(id));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(2));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public void A_create_is_not_retried_when_the_service_may_have_acted(int status)
    {
        AnswerEveryRequest(status);

        var exception = Assert.CatchAsync<ApiException>(() => Create(Client(ResilientOptions())))!;

        Assert.That(exception.StatusCode, Is.EqualTo(status));
        AssertCreates(expectedPosts: 1);
    }

    [Test]
    public async Task A_create_is_retried_on_429_and_makes_one_connection()
    {
        var id = Guid.NewGuid();
        Server.Given(Request.Create().UsingPost()).InScenario("c").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody("""{"error_code":"429050","message":"Too many requests"}"""));
        Server.Given(Request.Create().UsingPost()).InScenario("c").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Created(id)));

        var answer = await Create(Client(ResilientOptions()));

        Assert.That(answer.Id, Is.EqualTo(id));
        Assert.That(Server.LogEntries.Count(entry => entry.ResponseMessage.StatusCode is 201), Is.EqualTo(1), "one connection created");
        Assert.That(RequestsTo(ConnectionsPath, "POST"), Is.EqualTo(2));
    }

    [TestCase(FaultType.EMPTY_RESPONSE)]
    [TestCase(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public void A_create_that_faults_after_sending_is_not_repeated(FaultType fault)
    {
        Interlocked.Increment(ref _faultsTried);
        Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Created(Guid.NewGuid())).WithFault(fault));

        var exception = Assert.CatchAsync<Exception>(() => Create(Client(ResilientOptions())))!;

        Assert.That(exception, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<ApiException>(), "a clear exception, not a parser's");
        AssertCreates(expectedPosts: 1);
        SecretAssert.ExceptionContainsNoSecret(exception);
    }

    [Test]
    public async Task A_get_is_retried_after_random_data_then_close()
    {
        Interlocked.Increment(ref _faultsTried);
        using var noisy = new ScriptedHttpServer(_ => ScriptedAnswer.RandomDataThenClose);
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));
        var transport = new FirstAttemptTo(noisy.Url, new SocketsHttpHandler());

        var answer = await Client(ResilientOptions(), transport).ListConnectionsAsync();

        Assert.That(answer.Items, Is.Empty);
        Assert.That(noisy.Received, Has.Count.EqualTo(1));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public void A_create_answered_with_random_data_then_close_is_not_repeated()
    {
        Interlocked.Increment(ref _faultsTried);
        using var noisy = new ScriptedHttpServer(_ => ScriptedAnswer.RandomDataThenClose);
        var options = ResilientOptions();
        options.BaseAddress = new Uri(noisy.Url, FakePlatform.BasePath);

        var exception = Assert.CatchAsync<HttpRequestException>(() => Create(Client(options)))!;

        var duplicates = Math.Max(noisy.Received.Count - 1, 0);
        Interlocked.Add(ref _duplicates, duplicates);
        Assert.That(noisy.Received, Has.Count.EqualTo(1), "a retry must never create a second connection");
        SecretAssert.ExceptionContainsNoSecret(exception);
    }

    [Test]
    public async Task A_create_whose_connection_failed_before_sending_is_retried()
    {
        Interlocked.Increment(ref _faultsTried);
        var id = Guid.NewGuid();
        Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Created(id)));
        var transport = new RefuseFirstConnection(new SocketsHttpHandler());

        var answer = await Create(Client(ResilientOptions(), transport));

        Assert.That(answer.Id, Is.EqualTo(id));
        Assert.That(transport.Refused, Is.EqualTo(1));
        AssertCreates(expectedPosts: 1);
    }

    [Test]
    public void A_delay_past_the_attempt_and_total_timeout_is_a_timeout()
    {
        Interlocked.Increment(ref _faultsTried);
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"items":[]}""").WithDelay(TimeSpan.FromSeconds(3)));
        var resilience = QuickRetries(maxRetries: 1);
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        resilience.TotalTimeout = TimeSpan.FromMilliseconds(1000);

        var exception = Assert.CatchAsync<TimeoutException>(() => Client(ResilientOptions(resilience)).ListConnectionsAsync())!;

        Assert.That(Logs.RetriesSeen, Is.EqualTo(1), "the attempt timeout of a GET is retried");
        SecretAssert.ExceptionContainsNoSecret(exception);
    }

    [Test]
    public void A_create_past_its_attempt_timeout_is_not_repeated()
    {
        Interlocked.Increment(ref _faultsTried);
        Server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody(Created(Guid.NewGuid())).WithDelay(TimeSpan.FromSeconds(3)));
        var resilience = QuickRetries();
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(150);

        Assert.CatchAsync<TimeoutException>(() => Create(Client(ResilientOptions(resilience))));

        Assert.That(Logs.RetriesSeen, Is.Zero);
    }

    [Test]
    public void Retries_stop_when_the_caller_cancels()
    {
        AnswerEveryRequest(503);
        using var cancellation = new CancellationTokenSource();
        var transport = new CancelAfterFirstAnswer(new SocketsHttpHandler(), cancellation);
        var resilience = QuickRetries(maxRetries: 5);
        resilience.BaseDelay = TimeSpan.FromSeconds(5);
        resilience.MaxDelay = TimeSpan.FromSeconds(5);

        Assert.CatchAsync<OperationCanceledException>(() => Client(ResilientOptions(resilience), transport).ListConnectionsAsync(cancellationToken: cancellation.Token));

        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public void Retry_after_is_read_as_seconds_or_a_date_and_a_wait_past_the_cap_is_refused()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        static HttpResponseMessage With(string value)
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.TryAddWithoutValidation("Retry-After", value);
            return response;
        }

        var cap = TimeSpan.FromSeconds(60);
        Assert.Multiple(() =>
        {
            Assert.That(FlowServiceRetryPipelines.RetryAfter(With("7"), now), Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(FlowServiceRetryPipelines.RetryAfter(With("3600"), now), Is.EqualTo(TimeSpan.FromHours(1)), "never shortened");
            Assert.That(FlowServiceRetryPipelines.RetryAfter(With(now.AddSeconds(20).ToString("R")), now), Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(FlowServiceRetryPipelines.RetryAfter(With(now.AddSeconds(-20).ToString("R")), now), Is.EqualTo(TimeSpan.Zero));
            Assert.That(FlowServiceRetryPipelines.RetryAfter(new HttpResponseMessage(HttpStatusCode.TooManyRequests), now), Is.Null);

            Assert.That(FlowServiceRetryPipelines.AskedForTooLongAWait(With("7"), cap, now), Is.False);
            Assert.That(FlowServiceRetryPipelines.AskedForTooLongAWait(With("3600"), cap, now), Is.True, "past the cap: not waited for");
            Assert.That(FlowServiceRetryPipelines.AskedForTooLongAWait(With(now.AddHours(2).ToString("R")), cap, now), Is.True);
            Assert.That(FlowServiceRetryPipelines.AskedForTooLongAWait(new HttpResponseMessage(HttpStatusCode.TooManyRequests), cap, now), Is.False);
        });
    }

    private static Task<EntityReference> Create(FlowServiceClient client) => client.CreateConnectionAsync(NewConnection("HubSpot base connection"));

    private void AssertCreates(int expectedPosts)
    {
        var posts = RequestsTo(ConnectionsPath, "POST");
        Interlocked.Add(ref _duplicates, Math.Max(posts - expectedPosts, 0));
        Assert.That(posts, Is.EqualTo(expectedPosts), "a retry must never create a second connection");
    }

    /// <summary>Fails the first send as a refused connection, before anything reached the server.</summary>
    private sealed class RefuseFirstConnection(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _attempts;

        public int Refused { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                Refused++;
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (simulated).");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Sends the first attempt to another server (a faulty one), later attempts where they were meant to go.</summary>
    private sealed class FirstAttemptTo(Uri faulty, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _attempts;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) > 1)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var meant = request.RequestUri!;
            request.RequestUri = new UriBuilder(meant) { Host = faulty.Host, Port = faulty.Port }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                request.RequestUri = meant;
            }
        }
    }

    /// <summary>Cancels the caller's token once the first answer is in, while a retry is pending.</summary>
    private sealed class CancelAfterFirstAnswer(HttpMessageHandler inner, CancellationTokenSource cancellation) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await cancellation.CancelAsync();
            return response;
        }
    }
}
