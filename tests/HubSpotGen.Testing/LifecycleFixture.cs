using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.Testing;

/// <summary>
/// A stub server plus what the lifecycle tests share: the facade built the way a user builds it, answers
/// given in turn, and the requests in the order they arrived.
/// </summary>
public abstract class LifecycleFixture : StubServerFixture
{
    /// <summary>The headers every call carries: the Platform identity headers and the JSON Accept.</summary>
    protected static readonly string[] ReadHeaders = ["Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Accept"];

    protected HubSpotConnections Connections() => new(CreateClient());

    /// <summary>
    /// Answers the first request with the first answer, the second with the second, and so on, whatever the
    /// requests look like: each test then asserts on what arrived, rather than a stub mismatch hiding it.
    /// </summary>
    protected void AnswerInTurn(params (int Status, string? Body)[] answers)
    {
        var scenario = "in turn " + Guid.NewGuid().ToString("N");
        for (var index = 0; index < answers.Length; index++)
        {
            var (status, body) = answers[index];
            var response = Response.Create().WithStatusCode(status);
            if (body is not null)
            {
                response = response.WithHeader("Content-Type", "application/json").WithBody(body);
            }

            var mapping = Server.Given(Request.Create().UsingAnyMethod()).InScenario(scenario);
            if (index > 0)
            {
                mapping = mapping.WhenStateIs("answer " + index);
            }

            mapping.WillSetStateTo("answer " + (index + 1)).RespondWith(response);
        }
    }

    /// <summary>The requests that reached the server, oldest first.</summary>
    protected IReadOnlyList<IRequestMessage> Requests() =>
        Server.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime).Select(entry => entry.RequestMessage).ToList();
}
