
namespace HubSpotGen.Testing;

/// <summary>Documented Flow Service answers for the lifecycle calls, with made-up ids and masked credentials.</summary>
public static class LifecycleAnswers
{
    public const string ConnectionsPath = DocumentedAnswers.ConnectionsPath;

    public static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");

    public const string Etag = DocumentedAnswers.Etag;

    public const string NewEtag = DocumentedAnswers.NewEtag;

    public const string HubSpotPropertyOnWire = DocumentedAnswers.HubSpotPropertyOnWire;

    /// <summary>One connection as list and get return it, its secrets masked as the service masks them.</summary>
    public static string Connection(Guid id, string name) => DocumentedAnswers.Connection(id.ToString(), name, MaskedParams);

    public const string MaskedParams = """
        { "clientId": "test-hubspot-client-id", "clientSecret": "test-masked-1", "accessToken": "test-masked-2", "refreshToken": "test-masked-3" }
        """;

    /// <summary>A list page: the given connections, and a next link when <paramref name="nextHref"/> is set.</summary>
    public static string Page(string? nextHref, params string[] connections) => DocumentedAnswers.Page(nextHref, connections);

    public static readonly string UpdatedAnswer = $$"""{ "id": "{{ConnectionId}}", "etag": "\"3600e378-0000-0200-0000-5f40212f0000\"" }""";

    /// <summary>Flow Service's answer to a stale If-Match.</summary>
    public const string StaleEtagAnswer = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1404-412",
          "title": "Precondition failed",
          "status": 412,
          "report": { "detailed-message": "Supplied version=[\"6802064a-0000-0200-0000-6387c6b90000\"] does not match the current version on entity=[\"7702064a-0000-0200-0000-6387c6b90000\"]",
                      "request-id": "test-request-id", "type": "connections" },
          "errorMessage": "Supplied version=[\"6802064a-0000-0200-0000-6387c6b90000\"] does not match the current version on entity=[\"7702064a-0000-0200-0000-6387c6b90000\"]"
        }
        """;

    public const string NotFoundAnswer = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1101-404",
          "title": "Resource not found",
          "status": 404,
          "report": { "detailed-message": "The requested resource is not found.", "id": "69f188b6-af07-4587-8061-e94d34637b41",
                      "request-id": "test-request-id", "type": "connections" },
          "errorMessage": "connections not found with id = [69f188b6-af07-4587-8061-e94d34637b41]",
          "errorDetails": "connections not found with id = [69f188b6-af07-4587-8061-e94d34637b41]"
        }
        """;

    public const string ExploreRoot = DocumentedAnswers.ExploreRoot;

    public const string ExploreContactsTable = DocumentedAnswers.ExploreContactsTable;

    public const string HubSpotSpec = DocumentedAnswers.HubSpotSpec;
}
