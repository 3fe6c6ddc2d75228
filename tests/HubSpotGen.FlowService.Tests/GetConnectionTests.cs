using HubSpotGen.FlowService.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Tests;

/// <summary>Reading one connection: the request, every field of the documented answer, and tolerance of new states.</summary>
public sealed class GetConnectionTests : StubServerFixture
{
    private static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");

    /// <summary>The documented GET-by-id answer (an items envelope around one connection), with fake credentials.</summary>
    private static string DocumentedAnswer(string state = "enabled") => $$"""
        {
          "items": [{
            "id": "69f188b6-af07-4587-8061-e94d34637b41",
            "createdAt": 1668637963851, "updatedAt": 1668637963852,
            "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "updatedBy": "38AF22BA5DE6B0B40A494036@AdobeID",
            "createdClient": "exc_app", "updatedClient": "test_app",
            "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "sandboxName": "prod",
            "imsOrgId": "5C1328435BF324E90A49402A@AdobeOrg",
            "name": "HubSpot base connection", "description": "optional text",
            "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" },
            "state": "{{state}}",
            "auth": { "specName": "Basic Authentication",
                      "params": { "clientId": "test-hubspot-client-id", "clientSecret": "test-masked-1",
                                  "accessToken": "test-masked-2", "refreshToken": "test-masked-3" } },
            "version": "\"6802064a-0000-0200-0000-6387c6b90000\"",
            "etag": "\"6802064a-0000-0200-0000-6387c6b90000\""
          }]
        }
        """;

    [Test]
    public async Task Get_sends_a_plain_get_to_the_connection_path()
    {
        AnswerEveryRequest(200, DocumentedAnswer());

        await CreateClient().GetConnectionAsync(ConnectionId);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo("/data/foundation/flowservice/connections/69f188b6-af07-4587-8061-e94d34637b41"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty, "no query string");
            request.AssertPlatformHeaders();
            request.AssertHeader("Accept", "application/json");
            request.AssertOnlyHeaders("Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Accept");
            Assert.That(request.Body, Is.Null.Or.Empty, "a GET has no body");
        });
    }

    [Test]
    public async Task Get_reads_every_field_of_the_documented_answer()
    {
        AnswerEveryRequest(200, DocumentedAnswer());

        var answer = await CreateClient().GetConnectionAsync(ConnectionId);

        Assert.That(answer.Items, Has.Count.EqualTo(1));
        var connection = answer.Items![0];
        Assert.Multiple(() =>
        {
            Assert.That(connection.Id, Is.EqualTo(ConnectionId));
            // Epoch milliseconds: past int range, so a 32-bit or seconds-based read would show here.
            Assert.That(connection.CreatedAt, Is.EqualTo(1668637963851L));
            Assert.That(connection.UpdatedAt, Is.EqualTo(1668637963852L));
            Assert.That(connection.CreatedBy, Is.EqualTo("28AF22BA5DE6B0B40A494036@AdobeID"));
            Assert.That(connection.UpdatedBy, Is.EqualTo("38AF22BA5DE6B0B40A494036@AdobeID"));
            Assert.That(connection.CreatedClient, Is.EqualTo("exc_app"));
            Assert.That(connection.UpdatedClient, Is.EqualTo("test_app"));
            Assert.That(connection.SandboxId, Is.EqualTo("1bd86660-c5da-11e9-93d4-6d5fc3a66a8e"));
            Assert.That(connection.SandboxName, Is.EqualTo("prod"));
            Assert.That(connection.ImsOrgId, Is.EqualTo("5C1328435BF324E90A49402A@AdobeOrg"));
            Assert.That(connection.Name, Is.EqualTo("HubSpot base connection"));
            Assert.That(connection.Description, Is.EqualTo("optional text"));
            Assert.That(connection.ConnectionSpec.Id, Is.EqualTo(HubSpotConnectionSpec.IdAsGuid));
            Assert.That(connection.ConnectionSpec.Version, Is.EqualTo("1.0"));
            Assert.That(connection.State, Is.EqualTo(ConnectionState.Enabled));
            Assert.That(connection.Auth!.SpecName, Is.EqualTo("Basic Authentication"));
            Assert.That(
                connection.Auth.Params.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString()),
                Is.EqualTo(new Dictionary<string, string?>
                {
                    ["clientId"] = "test-hubspot-client-id",
                    ["clientSecret"] = "test-masked-1",
                    ["accessToken"] = "test-masked-2",
                    ["refreshToken"] = "test-masked-3",
                }));
            Assert.That(connection.Version, Is.EqualTo("\"6802064a-0000-0200-0000-6387c6b90000\""));
            Assert.That(connection.Etag, Is.EqualTo("\"6802064a-0000-0200-0000-6387c6b90000\""));
            Assert.That(answer.Links, Is.Null);
            Assert.That(answer.Count, Is.Null);
        });
    }

    // Flow Service adds states over time; an unknown one must be read, kept, and written back unchanged.
    [TestCase("enabled")]
    [TestCase("delete-finalizing")]
    [TestCase("suspended")]
    public async Task Any_state_is_read_and_round_trips(string state)
    {
        var documented = DocumentedAnswer(state);
        AnswerEveryRequest(200, documented);

        var answer = await CreateClient().GetConnectionAsync(ConnectionId);

        var read = answer.Items![0].State;
        Assert.Multiple(() =>
        {
            Assert.That(read.Value, Is.EqualTo(state));
            Assert.That(read, Is.EqualTo(new ConnectionState(state)));
            Assert.That(read.ToString(), Is.EqualTo(state));
            // Written back, the whole answer is the same JSON: no field lost, renamed or retyped.
            JsonAssert.AreEquivalent(documented, JsonConvert.SerializeObject(answer));
        });
    }

    [Test]
    public async Task An_unknown_state_is_none_of_the_known_ones()
    {
        AnswerEveryRequest(200, DocumentedAnswer("suspended"));

        var state = (await CreateClient().GetConnectionAsync(ConnectionId)).Items![0].State;

        Assert.That(
            new[] { ConnectionState.Enabled, ConnectionState.Disabled, ConnectionState.Initializing, ConnectionState.DeleteFinalizing, ConnectionState.Draft },
            Has.None.EqualTo(state));
    }

    [Test]
    public async Task A_credential_value_that_looks_like_a_date_stays_the_exact_text()
    {
        // Free-form params are JTokens; a date-like string must not be turned into a DateTime and reformatted.
        AnswerEveryRequest(200, DocumentedAnswer().Replace("\"test-masked-2\"", "\"2024-05-01T10:00:00Z\"", StringComparison.Ordinal));

        var parameters = (await CreateClient().GetConnectionAsync(ConnectionId)).Items![0].Auth!.Params;

        var accessToken = parameters["accessToken"];
        Assert.Multiple(() =>
        {
            Assert.That(accessToken?.Type, Is.EqualTo(JTokenType.String));
            Assert.That(accessToken?.Value<string>(), Is.EqualTo("2024-05-01T10:00:00Z"));
        });
    }
}
