using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>An answer larger than MaxResponseBytes fails clearly, is not retried, and is not held in memory.</summary>
public sealed class ResponseSizeLimitTests : ResilienceFixture
{
    private const int SixtyFourMiB = 64 * 1024 * 1024;

    [Test]
    public void A_64_MiB_answer_with_its_length_is_refused_unread_and_not_retried()
    {
        var body = new byte[SixtyFourMiB];
        Array.Fill(body, (byte)' ');
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(body));
        var client = Client(ResilientOptions());

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var failure = Assert.CatchAsync<ApiException>(() => client.ListConnectionsAsync())!;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"64 MiB answer with Content-Length: {allocated / 1024.0 / 1024.0:F1} MiB allocated by the process while the call ran (the stub server's own copy included)");
        Assert.Multiple(() =>
        {
            Assert.That(failure.StatusCode, Is.EqualTo(200));
            Assert.That(failure.Message, Does.Contain("larger than MaxResponseBytes (16777216 bytes)"));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1), "a too-large answer is not retried");
        });
    }

    [Test]
    public void A_64_MiB_answer_streamed_without_a_length_is_cut_at_the_limit()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedAnswer(200, "{\"items\":[", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, WithoutLength: true, StreamedBodyBytes: SixtyFourMiB));
        var options = ResilientOptions();
        options.BaseAddress = new Uri(server.Url, FakePlatform.BasePath);
        var client = Client(options);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var failure = Assert.CatchAsync<ApiException>(() => client.ListConnectionsAsync())!;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"64 MiB streamed answer: {allocated / 1024.0 / 1024.0:F1} MiB allocated while the call ran");
        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain("larger than MaxResponseBytes"));
            Assert.That(server.Received, Has.Count.EqualTo(1));
            Assert.That(allocated, Is.LessThan(48L * 1024 * 1024), "the body was held whole rather than cut at the 16 MiB limit");
        });
    }

    [Test]
    public async Task An_answer_within_a_lowered_limit_is_read()
    {
        AnswerEveryRequest(200, """{"items":[]}""");
        var options = ResilientOptions();
        options.MaxResponseBytes = 12;

        var answer = await Client(options).ListConnectionsAsync();

        Assert.That(answer.Items, Is.Empty);
    }

    [Test]
    public void An_answer_one_byte_over_a_lowered_limit_is_refused()
    {
        AnswerEveryRequest(200, """{"items":[] }""");
        var options = ResilientOptions();
        options.MaxResponseBytes = 12;

        Assert.CatchAsync<ApiException>(() => Client(options).ListConnectionsAsync());
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase((long)int.MaxValue + 1)]
    public void An_unusable_limit_is_refused_at_create(long limit)
    {
        var options = ResilientOptions();
        options.MaxResponseBytes = limit;

        var failure = Assert.Throws<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.That(failure.Message, Does.Contain("MaxResponseBytes must be between 1 and 2147483647"));
    }

    private void AnswerEveryRequest(int status, string body) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
