
namespace HubSpotGen.Cli.Tests;

/// <summary>
/// Flow Service answers for the command tests. Unlike a real service, these connections carry the fake
/// HubSpot secrets in clear in auth.params, so every test that prints one proves the output is redacted
/// (<see cref="CliRun"/> fails on any secret in stdout or stderr).
/// </summary>
internal static class CliAnswers
{
    public const string ConnectionsPath = DocumentedAnswers.ConnectionsPath;

    public const string ConnectionId = "69f188b6-af07-4587-8061-e94d34637b41";
    public const string SecondId = "2fce94c1-9a93-4971-8e94-c19a93097129";

    /// <summary>An etag as the service sends it and as the command prints it: the quotes are part of the value.</summary>
    public const string Etag = DocumentedAnswers.Etag;

    public const string NewEtag = DocumentedAnswers.NewEtag;

    public const string HubSpotPropertyOnWire = DocumentedAnswers.HubSpotPropertyOnWire;

    /// <summary>A connection as get and list return it, with the given auth params object.</summary>
    public static string Connection(string id, string name, string authParams) =>
        DocumentedAnswers.Connection(id, name, authParams, sandboxName: FakePlatform.SandboxName, description: "HubSpot CRM");

    /// <summary>The connection as the service answers, with the secrets in clear.</summary>
    public static string ConnectionWithSecrets(string id, string name) => Connection(id, name, ClearParams);

    /// <summary>The same connection as the command must print it in <c>--json</c>.</summary>
    public static string RedactedConnection(string id, string name) => Connection(id, name, MaskedParams);

    public const string ClearParams = """
        { "clientId": "test-hubspot-client-id", "clientSecret": "test-client-secret",
          "accessToken": "test-hubspot-access-token", "refreshToken": "test-hubspot-refresh-token" }
        """;

    public const string MaskedParams = """
        { "clientId": "test-hubspot-client-id", "clientSecret": "***", "accessToken": "***", "refreshToken": "***" }
        """;

    /// <summary>A list or get envelope, with a next link when <paramref name="nextHref"/> is set.</summary>
    public static string Page(string? nextHref, params string[] connections) => DocumentedAnswers.Page(nextHref, connections);

    public const string UpdatedAnswer = """{ "id": "69f188b6-af07-4587-8061-e94d34637b41", "etag": "\"3600e378-0000-0200-0000-5f40212f0000\"" }""";

    public const string StaleEtagAnswer = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1404-412",
          "title": "Precondition failed",
          "status": 412,
          "errorMessage": "Supplied version=[\"6802064a-0000-0200-0000-6387c6b90000\"] does not match the current version"
        }
        """;

    public const string NotFoundAnswer = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1101-404",
          "title": "Resource not found",
          "status": 404,
          "errorMessage": "connections not found with id = [69f188b6-af07-4587-8061-e94d34637b41]"
        }
        """;

    public const string ExploreRoot = DocumentedAnswers.ExploreRoot;

    public const string ExploreContactsColumns = DocumentedAnswers.ExploreContactsColumns;

    public const string ExploreContactsTable = DocumentedAnswers.ExploreContactsTable;

    /// <summary>HubSpot's connection spec item; the tests wrap it in the items envelope themselves.</summary>
    public const string HubSpotSpec = DocumentedAnswers.HubSpotSpecItem;

    /// <summary>A connection with no auth at all, as Adobe documents the data lake's.</summary>
    public const string WithoutAuth = $$"""
        { "id": "{{ConnectionId}}", "name": "Data Lake", "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" },
          "state": "enabled", "etag": "\"6802064a-0000-0200-0000-6387c6b90000\"" }
        """;

    /// <summary>A connection whose connectionSpec names no version.</summary>
    public const string WithoutSpecVersion = $$"""
        { "id": "{{SecondId}}", "name": "no spec version", "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806" },
          "state": "enabled", "etag": "\"6802064a-0000-0200-0000-6387c6b90000\"",
          "auth": { "specName": "Basic Authentication", "params": {{ClearParams}} } }
        """;
}
