using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary><c>POST /__emulator/faults</c>: each kind of fault, the order they fire in, and the bodies it refuses.</summary>
public sealed class FaultTests : ControlApiFixture
{
    [Test]
    public async Task A_status_fault_answers_the_next_requests_with_that_status_then_lets_them_through()
    {
        await PostFaultAsync("""{"status": 503, "count": 2}""");

        var first = await GetAsync("/connections");
        var second = await GetAsync("/connections");
        var third = await GetAsync("/connections");

        AssertFlowError(first, 503, "1103");
        AssertFlowError(second, 503, "1103");
        Assert.That(third.Status, Is.EqualTo(200), third.Text);
    }

    [Test]
    public async Task A_status_fault_without_a_count_is_used_once()
    {
        await PostFaultAsync("""{"status": 500}""");

        AssertFlowError(await GetAsync("/connections"), 500, "1102");
        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_throttle_answers_429050_with_retry_after()
    {
        await PostFaultAsync("""{"throttle": {"count": 1, "retryAfterSeconds": 3}}""");

        var throttled = await GetAsync("/connections");

        AssertGatewayError(throttled, 429, "429050", "Too many requests");
        Assert.That(throttled.Headers["Retry-After"], Is.EqualTo("3"));
        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_drop_closes_the_connection_without_an_answer_and_the_log_shows_no_status()
    {
        await PostFaultAsync("""{"drop": 1}""");

        var dropped = Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("/connections"));
        var after = await GetAsync("/connections");

        // No status line ever arrived: the transport failed, reset or ended, before any response.
        Assert.That(dropped!.StatusCode, Is.Null, dropped.ToString());
        Assert.That(dropped.InnerException, Is.InstanceOf<IOException>(), dropped.ToString());
        Assert.That(after.Status, Is.EqualTo(200), after.Text);
        var log = await RequestLogAsync();
        Assert.That(log.Select(entry => (int?)entry["status"]), Is.EqualTo(new int?[] { null, 200 }), log.ToString());
    }

    [Test]
    public async Task A_dropped_create_stores_nothing()
    {
        Emulator.DropNext(1);

        Assert.ThrowsAsync<HttpRequestException>(() => PostConnectionAsync(CreateBody("never")));

        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [Test]
    public async Task A_delay_holds_the_answer_then_answers_as_usual()
    {
        await PostFaultAsync("""{"delayMs": 500, "count": 1}""");

        var clock = Stopwatch.StartNew();
        var delayed = await GetAsync("/connections");
        var delayedFor = clock.Elapsed;
        clock.Restart();
        var prompt = await GetAsync("/connections");

        Assert.That(delayed.Status, Is.EqualTo(200), delayed.Text);
        Assert.That(delayedFor, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(480)));
        Assert.That(prompt.Status, Is.EqualTo(200));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(450)), "only one request was to be delayed");
    }

    [Test]
    public async Task A_client_timeout_shorter_than_the_delay_gives_up()
    {
        await PostFaultAsync("""{"delayMs": 2000}""");
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var request = Request(HttpMethod.Get, "/connections");

        Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(request));
    }

    [Test]
    public async Task Faults_over_http_and_in_process_share_one_queue_in_the_order_asked_for()
    {
        await PostFaultAsync("""{"status": 500}""");
        Emulator.Throttle(1, TimeSpan.FromSeconds(1));
        await PostFaultAsync("""{"status": 504}""");

        var statuses = new List<int>();
        for (var index = 0; index < 4; index++)
        {
            statuses.Add((await GetAsync("/connections")).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 500, 429, 504, 200 }));
    }

    [Test]
    public async Task Faults_apply_to_service_requests_and_never_to_control_ones()
    {
        await PostFaultAsync("""{"status": 503, "count": 1}""");

        var state = await ControlAsync(HttpMethod.Get, "/state");
        var log = await ControlAsync(HttpMethod.Get, "/requests");

        Assert.That(state.Status, Is.EqualTo(200));
        Assert.That(log.Status, Is.EqualTo(200));
        AssertFlowError(await GetAsync("/connections"), 503, "1103");
    }

    [TestCase("", "the body must be one JSON object")]
    [TestCase("[1]", "the body must be one JSON object")]
    [TestCase("{\"status\": 503", "the body must be one JSON object")]
    [TestCase("{}", "no fault named")]
    [TestCase("{\"count\": 2}", "no fault named")]
    [TestCase("{\"status\": 503, \"drop\": 1}", "one fault per request, not status and drop")]
    [TestCase("{\"status\": 200}", "status must be a whole number from 400 to 599")]
    [TestCase("{\"status\": \"503\"}", "status must be a whole number from 400 to 599")]
    [TestCase("{\"status\": 503, \"count\": 0}", "count must be a whole number from 1 to 1000")]
    [TestCase("{\"status\": 503, \"times\": 2}", "'times' is not a field of a status fault")]
    [TestCase("{\"drop\": true}", "drop must be a whole number from 1 to 1000")]
    [TestCase("{\"drop\": 1, \"count\": 2}", "'count' is not a field of a drop fault")]
    [TestCase("{\"delayMs\": -5}", "delayMs must be a whole number from 1 to 300000")]
    [TestCase("{\"delayMs\": 1.5}", "delayMs must be a whole number from 1 to 300000")]
    [TestCase("{\"throttle\": 1}", "throttle must be an object")]
    [TestCase("{\"throttle\": {\"retryAfterSeconds\": -1}}", "throttle.retryAfterSeconds must be a whole number from 0 to 3600")]
    [TestCase("{\"throttle\": {\"seconds\": 1}}", "'throttle.seconds' is not a field of a throttle fault")]
    public async Task A_bad_fault_body_is_400_saying_what_is_wrong_and_adds_nothing(string body, string problem)
    {
        var answer = await ControlAsync(HttpMethod.Post, "/faults", body);

        Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
        var detail = (string?)answer.Json!["detail"];
        Assert.That(detail, Does.Contain(problem));
        Assert.That(detail, Does.Contain("{\"drop\": 1}"), "the message shows the shapes that work");
        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(200), "a refused fault is not queued");
    }

    [Test]
    public void In_process_fault_arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.DropNext(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.DelayNext(1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.DelayNext(-1, TimeSpan.FromSeconds(1)));
    }
}
