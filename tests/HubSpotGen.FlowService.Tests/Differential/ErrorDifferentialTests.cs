using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>The same recorded error answer must make both clients throw, with the same status and error values.</summary>
public sealed class ErrorDifferentialTests : DifferentialFixture
{
    /// <summary>Every documented (operation, error status) pair, with every recorded body for that status.</summary>
    private static IEnumerable<TestCaseData> DocumentedErrors() =>
        from operation in FlowOperations.All
        from answer in RecordedAnswers.Errors
        where FlowOperations.DocumentedErrors(operation).Contains(answer.Status)
        select new TestCaseData(operation, answer);

    /// <summary>Error statuses an operation does not document: neither client has a type for their body.</summary>
    private static IEnumerable<TestCaseData> UndocumentedErrors() =>
        from operation in FlowOperations.All
        from status in FlowOperations.ErrorStatuses.Append(409).Append(504)
        where !FlowOperations.DocumentedErrors(operation).Contains(status)
        select new TestCaseData(operation, status);

    [TestCaseSource(nameof(DocumentedErrors))]
    public async Task A_documented_error_is_thrown_typed_with_the_same_values(FlowOperation operation, RecordedAnswer answer)
    {
        Answer(answer);

        var (caught, caughtByNSwag) = await CatchBothAsync(operation);

        Assert.That(caught, Is.TypeOf<ApiException<ErrorResponse>>(), "ours threw " + caught);
        Assert.That(caughtByNSwag, Is.TypeOf<Oracle.ApiException<Oracle.ErrorResponse>>(), "NSwag threw " + caughtByNSwag);
        var ours = (ApiException<ErrorResponse>)caught!;
        var theirs = (Oracle.ApiException<Oracle.ErrorResponse>)caughtByNSwag!;
        var error = ours.Error!;
        var result = theirs.Result;
        Assert.That(error, Is.Not.Null, "ours read no typed error from " + answer.Body);
        Assert.Multiple(() =>
        {
            Assert.That(ours.StatusCode, Is.EqualTo(theirs.StatusCode).And.EqualTo(answer.Status), "status code");
            Assert.That(error.Title, Is.EqualTo(result.Title), "title");
            Assert.That(error.ErrorCode, Is.EqualTo(result.Error_code), "error_code");
            Assert.That(error.Message, Is.EqualTo(result.Message), "message");
            Assert.That(error.Type, Is.EqualTo(result.Type), "type");
            Assert.That(error.Detail, Is.EqualTo(result.Detail), "detail");
            Assert.That(error.ErrorMessage, Is.EqualTo(result.ErrorMessage), "errorMessage");
            Assert.That(error.ErrorDetails, Is.EqualTo(result.ErrorDetails), "errorDetails");
            Assert.That(AsJson(error.Report), Is.EqualTo(AsJson(result.Report)).Using<JToken>(JTokenEquals), "report");
            if (error.Status is not null || result.Status != 0)
            {
                // A body without "status" reads as null in ours and 0 in NSwag: see IntendedErrorDifferenceTests.
                Assert.That(error.Status, Is.EqualTo(result.Status), "status in the body");
            }

            Assert.That(Header(ours.Headers, "Retry-After"), Is.EqualTo(Header(theirs.Headers, "Retry-After")), "Retry-After");
        });
    }

    [TestCaseSource(nameof(UndocumentedErrors))]
    public async Task An_undocumented_error_is_thrown_untyped_with_the_same_status_and_body(FlowOperation operation, int status)
    {
        var body = $$"""{"type":"https://ns.adobe.com/aep/errors/FLOW-9999-{{status}}","title":"Undocumented","status":{{status}}}""";
        Answer(new RecordedAnswer(status + " undocumented", status, body));

        var (ours, theirs) = await CatchBothAsync(operation);

        Assert.That(ours, Is.TypeOf<ApiException>(), "ours threw " + ours);
        Assert.That(theirs, Is.TypeOf<Oracle.ApiException>(), "NSwag threw " + theirs);
        Assert.Multiple(() =>
        {
            Assert.That(((ApiException)ours!).StatusCode, Is.EqualTo(((Oracle.ApiException)theirs!).StatusCode).And.EqualTo(status));
            Assert.That(((ApiException)ours).ResponseBody, Is.EqualTo(((Oracle.ApiException)theirs).Response).And.EqualTo(body));
        });
    }

    private async Task<(Exception? Ours, Exception? Theirs)> CatchBothAsync(FlowOperation operation)
    {
        Exception? ours = null, theirs = null;
        try
        {
            await OperationCalls.OursAsync(Ours(), operation);
        }
        catch (Exception exception)
        {
            ours = exception;
        }

        try
        {
            await OperationCalls.TheirsAsync(Theirs(), operation);
        }
        catch (Exception exception)
        {
            theirs = exception;
        }

        SecretAssert.ExceptionContainsNoSecret(ours ?? new Exception());
        return (ours, theirs);
    }

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(header => string.Join(",", header.Value)).SingleOrDefault();

    private static bool JTokenEquals(JToken left, JToken right) =>
        JToken.DeepEquals(left, right);
}
