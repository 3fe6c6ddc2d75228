using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>A Retry-After is honoured in full or not at all: never shortened, never waited past the call's budget.</summary>
public sealed class RetryAfterBudgetTests : ResilienceFixture
{
    private const string ThrottledBody = """{"error_code":"429050","message":"Too many requests"}""";

    [Test]
    public void A_throttle_whose_wait_passes_the_total_budget_fails_at_once_with_the_429()
    {
        Throttle(retryAfterSeconds: 3);
        var resilience = QuickRetries();
        resilience.MaxRetryAfter = TimeSpan.FromSeconds(60);
        resilience.TotalTimeout = TimeSpan.FromSeconds(2);

        var failure = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions(resilience)).ListConnectionsAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Not.InstanceOf<TimeoutException>());
            Assert.That(failure.StatusCode, Is.EqualTo(429));
            Assert.That(failure.ToFlowServiceError().Code, Is.EqualTo("429050"));
            Assert.That(failure.ToFlowServiceError().RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1), "not retried");
            Assert.That(Logs.RetriesSeen, Is.Zero);
        });
    }

    [Test]
    public void A_throttle_asking_for_more_than_the_longest_wait_is_returned_not_shortened()
    {
        Throttle(retryAfterSeconds: 3);
        var resilience = QuickRetries();
        resilience.MaxRetryAfter = TimeSpan.FromSeconds(1);

        var failure = Assert.CatchAsync<ApiException>(() => Client(ResilientOptions(resilience)).ListConnectionsAsync())!;

        Assert.That(failure.StatusCode, Is.EqualTo(429));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1), "a shortened wait would retry earlier than the server asked");
    }

    [Test]
    public async Task A_throttle_within_the_budget_is_waited_for_in_full_then_retried()
    {
        Server.Given(Request.Create().UsingGet()).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody(ThrottledBody));
        Server.Given(Request.Create().UsingGet()).InScenario("throttle").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));
        var resilience = QuickRetries();
        resilience.MaxRetryAfter = TimeSpan.FromSeconds(5);

        await Client(ResilientOptions(resilience)).ListConnectionsAsync();

        var times = Server.LogEntries.Select(entry => entry.RequestMessage.DateTime).OrderBy(time => time).ToList();
        Assert.That(times, Has.Count.EqualTo(2));
        Assert.That(times[1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990)), "the retry came before the second the server asked for");
    }

    private void Throttle(int retryAfterSeconds) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader("Content-Type", "application/json").WithBody(ThrottledBody));
}
