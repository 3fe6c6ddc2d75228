using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>
/// Every documented error status with every body shape becomes an <see cref="ApiException"/> whose Flow Service
/// view gives status, kind, code, title and request id; and, with logging at Trace, nothing leaks a secret.
/// </summary>
public sealed class ErrorMatrixTests : ResilienceFixture
{
    private static readonly int[] Statuses = [400, 401, 403, 404, 412, 422, 429, 500, 502, 503, 504];

    private static readonly (string Shape, Func<int, string?> Body, string ContentType)[] Shapes =
    [
        ("gateway", status => $$"""{"error_code":"{{status}}013","message":"Gateway says {{status}}"}""", "application/json"),
        ("gateway-numeric-code", status => $$"""{"error_code":{{status}}013,"message":"Gateway says {{status}}"}""", "application/json"),
        ("flow", status => "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1101-" + status + "\",\"title\":\"Flow says " + status + "\",\"status\":" + status + ",\"report\":{\"detailed-message\":\"details " + status + "\",\"request-id\":\"body-req-" + status + "\"}}", "application/json"),
        ("html", status => $"<html><body><h1>{status} from a proxy</h1></body></html>", "text/html"),
        ("empty", _ => null, "application/json"),
        ("truncated", status => $$"""{"type":"https://ns.adobe.com/aep/errors/FLOW-1101-{{status}}","title":"Cut""", "application/json"),
        ("other-shape", _ => """[1, 2, 3]""", "application/json"),
        ("huge", _ => "{\"detail\":\"" + new string('x', 20_000) + "\"}", "application/json"),
    ];

    [Test]
    public async Task Every_status_and_body_shape_gives_the_error_view_and_no_secret()
    {
        // No retries here: each status must come back as it was sent, once.
        var options = ResilientOptions(QuickRetries(maxRetries: 0));
        var client = Client(options);
        var texts = new List<string>();
        var cases = 0;
        foreach (var status in Statuses)
        {
            foreach (var (shape, bodyOf, contentType) in Shapes)
            {
                Server.Reset();
                var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType);
                if (shape == "gateway")
                {
                    response = response.WithHeader("x-request-id", "header-req-" + status);
                }

                if (bodyOf(status) is { } body)
                {
                    response = response.WithBody(body);
                }

                Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
                var exception = Assert.CatchAsync<ApiException>(() => client.GetConnectionAsync(Guid.NewGuid()), $"{status} {shape}")!;
                var view = exception.ToFlowServiceError();
                texts.Add(exception.ToString());
                texts.Add(view.ToString());
                cases++;
                Assert.Multiple(() =>
                {
                    Assert.That(view.Status, Is.EqualTo(status), $"{status} {shape}");
                    Assert.That(view.Kind, Is.EqualTo(FlowServiceError.KindOf(status)).And.Not.EqualTo(FlowServiceErrorKind.Other), $"{status} {shape}");
                    Assert.That(view.RawBody.Length, Is.LessThanOrEqualTo(FlowServiceError.RawBodyLimit));
                    switch (shape)
                    {
                        case "gateway" or "gateway-numeric-code":
                            Assert.That(view.Code, Is.EqualTo(status + "013"), $"{status} {shape}");
                            Assert.That(view.Title, Is.EqualTo("Gateway says " + status));
                            Assert.That(view.RequestId, shape == "gateway" ? Is.EqualTo("header-req-" + status) : Is.Null);
                            break;
                        case "flow":
                            Assert.That(view.Code, Is.EqualTo("FLOW-1101-" + status));
                            Assert.That(view.Title, Is.EqualTo("Flow says " + status));
                            Assert.That(view.Detail, Is.EqualTo("details " + status));
                            Assert.That(view.RequestId, Is.EqualTo("body-req-" + status));
                            break;
                        case "html":
                            Assert.That(view.Code, Is.Null);
                            Assert.That(view.RawBody, Does.Contain("from a proxy"));
                            break;
                        case "empty":
                            Assert.That(view.RawBody, Is.Empty);
                            break;
                        case "truncated":
                            Assert.That(view.RawBody, Does.StartWith("{\"type\""));
                            Assert.That(view.Title, Is.Null);
                            break;
                        case "huge":
                            Assert.That(view.RawBody, Has.Length.EqualTo(FlowServiceError.RawBodyLimit));
                            break;
                    }
                });
            }
        }

        var hits = SecretHits(texts);
        TestContext.Out.WriteLine($"error matrix: {cases} status/body cases, {Logs.Lines.Count} log lines scanned, secret hits {hits}");
        Assert.That(hits, Is.Zero);
    }

    [Test]
    public void The_kinds_tell_not_found_precondition_and_auth_apart()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FlowServiceError.KindOf(404), Is.EqualTo(FlowServiceErrorKind.NotFound));
            Assert.That(FlowServiceError.KindOf(412), Is.EqualTo(FlowServiceErrorKind.PreconditionFailed));
            Assert.That(FlowServiceError.KindOf(401), Is.EqualTo(FlowServiceErrorKind.Unauthorized));
            Assert.That(FlowServiceError.KindOf(403), Is.EqualTo(FlowServiceErrorKind.Forbidden));
            var view = new ApiException("x", 412, null, new Dictionary<string, IEnumerable<string>>()).ToFlowServiceError();
            Assert.That(view.IsPreconditionFailed && !view.IsNotFound && !view.IsAuthenticationProblem, Is.True);
        });
    }

    [Test]
    public async Task A_stale_etag_on_update_is_a_precondition_failure_with_the_view()
    {
        Server.Given(Request.Create().UsingPatch()).RespondWith(Response.Create().WithStatusCode(412).WithHeader("Content-Type", "application/json")
            .WithBody("""{"type":"https://ns.adobe.com/aep/errors/FLOW-1404-412","title":"Precondition failed","status":412}"""));
        var connections = new HubSpotConnections(Client(ResilientOptions()));

        var exception = Assert.CatchAsync<PreconditionFailedException>(() => connections.RenameAsync(Guid.NewGuid(), "\"old\"", "new name"))!;

        Assert.That(exception.ToFlowServiceError().Code, Is.EqualTo("FLOW-1404-412"));
        Assert.That(RequestsTo(FakePlatform.BasePath + "/connections/" + exception.ConnectionId + "/", "PATCH") + RequestsTo(FakePlatform.BasePath + "/connections/" + exception.ConnectionId, "PATCH"), Is.EqualTo(1), "a 412 is not retried");
        await Task.CompletedTask;
    }
}
