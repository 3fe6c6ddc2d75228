using System.Net.Http.Headers;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>Injected faults: throttling and failures, counted per request after the gateway, in the order asked for.</summary>
public sealed class FaultTests : EmulatorFixture
{
    [Test]
    public async Task Throttle_answers_429050_with_retry_after_then_lets_requests_through()
    {
        Emulator.Throttle(2, TimeSpan.FromSeconds(7));

        var first = await GetAsync("/connections");
        var second = await GetAsync("/connections");
        var third = await GetAsync("/connections");

        foreach (var throttled in new[] { first, second })
        {
            AssertGatewayError(throttled, 429, "429050", "Too many requests");
            Assert.That(throttled.Headers["Retry-After"], Is.EqualTo("7"));
        }

        Assert.That(third.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Retry_after_is_rounded_up_to_whole_seconds()
    {
        Emulator.Throttle(1, TimeSpan.FromMilliseconds(1500));

        Assert.That((await GetAsync("/connections")).Headers["Retry-After"], Is.EqualTo("2"));
    }

    [Test]
    public async Task FailNext_answers_FLOW_1103_503_by_default()
    {
        Emulator.FailNext(1);

        var failed = await GetAsync("/connections");

        AssertFlowError(failed, 503, "1103");
        Assert.That((string?)failed.Json!["title"], Is.EqualTo("Service unavailable"));
        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(200));
    }

    [TestCase(500, "1102")]
    [TestCase(504, "1104")]
    public async Task FailNext_uses_the_documented_code_of_its_status(int status, string code)
    {
        Emulator.FailNext(1, status);

        AssertFlowError(await GetAsync("/connections"), status, code);
    }

    [Test]
    public async Task A_failed_create_stores_nothing()
    {
        Emulator.FailNext(1, 500);

        AssertFlowError(await PostConnectionAsync(CreateBody("lost")), 500, "1102");
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [Test]
    public async Task Faults_come_after_the_gateway_and_are_not_used_up_by_refused_requests()
    {
        Emulator.FailNext(1);
        var unauthenticated = Request(HttpMethod.Get, "/connections");
        unauthenticated.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        AssertGatewayError(await SendAsync(unauthenticated), 401, "401013", "Oauth token is not valid");
        AssertFlowError(await GetAsync("/connections"), 503, "1103");
    }

    [Test]
    public async Task Faults_fire_in_the_order_they_were_asked_for()
    {
        Emulator.FailNext(1, 500);
        Emulator.Throttle(1, TimeSpan.FromSeconds(1));
        Emulator.FailNext(1);

        var statuses = new List<int>();
        for (var index = 0; index < 4; index++)
        {
            statuses.Add((await GetAsync("/connections")).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 500, 429, 503, 200 }));
    }

    [Test]
    public async Task Reset_clears_pending_faults_and_state()
    {
        await CreateAsync("before reset");
        Emulator.FailNext(5);

        Emulator.Reset();

        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
        Assert.That((await GetAsync("/connections")).Text, Is.EqualTo("""{"items":[]}"""));
    }

    [Test]
    public async Task Concurrent_requests_use_up_exactly_the_faults_asked_for()
    {
        Emulator.FailNext(10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => GetAsync("/connections")));

        Assert.That(answers.Count(answer => answer.Status == 503), Is.EqualTo(10));
        Assert.That(answers.Count(answer => answer.Status == 200), Is.EqualTo(20));
    }

    [Test]
    public void Fault_arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.FailNext(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Throttle(1, TimeSpan.FromSeconds(-1)));
    }
}
