using HubSpotGen.FlowService.Models;
using Newtonsoft.Json;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Where the two clients report the same error answer differently on purpose: each test names one difference
/// and pins both sides.
/// </summary>
public sealed class IntendedErrorDifferenceTests : DifferentialFixture
{
    private static RecordedAnswer Recorded(string name) => RecordedAnswers.Errors.Single(answer => answer.Name == name);

    /// <summary>Calls both; each must throw its ApiException or a subclass of it.</summary>
    private (ApiException Ours, Oracle.ApiException Theirs) ThrowBoth(FlowOperation operation) =>
        (Assert.CatchAsync<ApiException>(() => OperationCalls.OursAsync(Ours(), operation))!,
         Assert.CatchAsync<Oracle.ApiException>(() => OperationCalls.TheirsAsync(Theirs(), operation))!);

    /// <summary>A typed error keeps the raw body in ours (capped, for diagnostics); NSwag reads the stream and keeps none.</summary>
    [Test]
    public void A_typed_error_keeps_its_raw_body_in_ours_and_not_in_NSwag()
    {
        var answer = Recorded("404 flow");
        Answer(answer);

        var (ours, theirs) = ThrowBoth(FlowOperation.GetConnection);

        Assert.Multiple(() =>
        {
            Assert.That(ours.ResponseBody, Is.EqualTo(answer.Body));
            Assert.That(theirs.Response, Is.Empty);
        });
    }

    /// <summary>A gateway body has no "status": ours reads null, NSwag's int reads 0.</summary>
    [Test]
    public void A_body_without_status_reads_null_in_ours_and_0_in_NSwag()
    {
        Answer(Recorded("401 gateway"));

        var (ours, theirs) = ThrowBoth(FlowOperation.ListConnections);

        Assert.Multiple(() =>
        {
            Assert.That(((ApiException<ErrorResponse>)ours).Error!.Status, Is.Null);
            Assert.That(((Oracle.ApiException<Oracle.ErrorResponse>)theirs).Result.Status, Is.Zero);
        });
    }

    /// <summary>
    /// A documented error status whose body is empty or not JSON (a gateway's HTML page): ours still throws the
    /// typed exception, with no typed error and the raw body kept; NSwag throws the untyped one.
    /// </summary>
    [TestCase("", "Response was null which was not expected.")]
    [TestCase("<html><body>503 Service Temporarily Unavailable</body></html>", "Could not deserialize the response body stream as HubSpotGen.NSwagReference.ErrorResponse.")]
    public void An_error_body_that_is_not_json_is_typed_without_error_in_ours_and_untyped_in_NSwag(string body, string nswagMessage)
    {
        Answer(new RecordedAnswer("503 not json", 503, body.Length == 0 ? null : body));

        var (ours, theirs) = ThrowBoth(FlowOperation.GetConnection);

        Assert.Multiple(() =>
        {
            Assert.That(ours, Is.TypeOf<ApiException<ErrorResponse>>());
            Assert.That(((ApiException<ErrorResponse>)ours).Error, Is.Null);
            Assert.That((ours.StatusCode, ours.ResponseBody), Is.EqualTo((503, body)));
            Assert.That(theirs, Is.TypeOf<Oracle.ApiException>());
            Assert.That(theirs.StatusCode, Is.EqualTo(503));
            Assert.That(theirs.Message, Does.StartWith(nswagMessage));
        });
        if (body.Length > 0)
        {
            Assert.That(theirs.InnerException, Is.InstanceOf<JsonReaderException>());
        }
    }

    /// <summary>
    /// An error body that echoes a credential: NSwag copies the body into Exception.Message; ours keeps it only in
    /// ResponseBody, so messages and logs of exceptions never carry a secret.
    /// </summary>
    [Test]
    public void An_echoed_secret_reaches_the_exception_message_in_NSwag_and_not_in_ours()
    {
        var body = $$"""{"title":"Conflict","status":409,"detail":"params.clientSecret '{{FakePlatform.HubSpotClientSecret}}' was already used"}""";
        Answer(new RecordedAnswer("409 echo", 409, body));

        var (ours, theirs) = ThrowBoth(FlowOperation.CreateConnection);

        Assert.That(theirs.Message, Does.Contain(FakePlatform.HubSpotClientSecret));
        SecretAssert.ExceptionContainsNoSecret(ours);
        Assert.That(ours.ResponseBody, Is.EqualTo(body));
    }
}
