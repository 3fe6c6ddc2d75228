using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Our client and NSwag's, each over its own HttpClient from PlatformHttpClient with the same options, both
/// pointed at this fixture's stub server; one call through each, captured separately.
/// </summary>
public abstract class DifferentialFixture : StubServerFixture
{
    protected FlowServiceClient Ours() => CreateClient();

    /// <summary>
    /// NSwag's constructor ignores HttpClient.BaseAddress and starts from the spec's server, so its BaseUrl is
    /// set to the stub's address (NSwag adds the trailing slash its paths expect).
    /// </summary>
    protected Oracle.FlowServiceNSwagClient Theirs() => new(CreateHttpClient()) { BaseUrl = BaseAddress.AbsoluteUri };

    /// <summary>Every request, whatever its path, gets <paramref name="answer"/>.</summary>
    protected void Answer(RecordedAnswer answer)
    {
        var response = Response.Create().WithStatusCode(answer.Status);
        foreach (var (name, value) in answer.Headers)
        {
            response = response.WithHeader(name, value);
        }

        if (answer.Body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(answer.Body);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>Runs our call, then NSwag's, and returns the one request each put on the wire.</summary>
    protected async Task<(IRequestMessage Ours, IRequestMessage Theirs)> SendBothAsync(
        Func<FlowServiceClient, Task> ours, Func<Oracle.FlowServiceNSwagClient, Task> theirs)
    {
        await ours(Ours());
        var ourRequest = SingleRequest();
        Server.ResetLogEntries();
        await theirs(Theirs());
        return (ourRequest, SingleRequest());
    }

    /// <summary>Both calls of <paramref name="operation"/> with <see cref="SameArguments"/>; what each read.</summary>
    protected async Task<(object? Ours, object? Theirs)> ReadBothAsync(FlowOperation operation) =>
        (await OperationCalls.OursAsync(Ours(), operation), await OperationCalls.TheirsAsync(Theirs(), operation));

    /// <summary>A model of either client as JSON, written by each model's own attributes and converters.</summary>
    protected static JToken AsJson(object? model) => model is null ? JValue.CreateNull() : JToken.FromObject(model);

    /// <summary>
    /// Asserts that ours read exactly the recorded body, and NSwag the same values. NSwag's value-type members
    /// (count, createdAt, providerId…) cannot be absent, so it writes 0 or an empty Guid for what the body left
    /// out; its JSON is compared only on the members ours has (that difference is pinned in
    /// IntendedResponseDifferenceTests).
    /// </summary>
    protected static void AssertSameRead(object? ours, object? theirs, string recordedBody)
    {
        var ourJson = AsJson(ours);
        JsonAssert.AreEquivalent(recordedBody, ourJson.ToString());
        JsonAssert.AreEquivalent(ourJson.ToString(), ShapedLike(AsJson(theirs), ourJson).ToString());
    }

    /// <summary><paramref name="token"/> without the object members that <paramref name="shape"/> lacks, at any depth.</summary>
    protected static JToken ShapedLike(JToken token, JToken shape)
    {
        switch (token, shape)
        {
            case (JObject obj, JObject shapeObj):
                var shaped = new JObject();
                foreach (var property in obj.Properties())
                {
                    if (shapeObj.TryGetValue(property.Name, out var shapeValue))
                    {
                        shaped[property.Name] = ShapedLike(property.Value, shapeValue);
                    }
                }

                return shaped;
            case (JArray array, JArray shapeArray) when array.Count == shapeArray.Count:
                return new JArray(array.Select((item, index) => ShapedLike(item, shapeArray[index])));
            default:
                return token.DeepClone();
        }
    }
}
