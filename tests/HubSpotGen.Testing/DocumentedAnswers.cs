namespace HubSpotGen.Testing;

/// <summary>
/// Answers shaped as Adobe documents them (connections, explore and the connection spec), shared by the lifecycle and the
/// command tests so that both read the same documented shapes.
/// </summary>
public static class DocumentedAnswers
{
    public const string ConnectionsPath = FakePlatform.BasePath + "/connections";

    /// <summary>An etag as the service sends it: the quotes are part of the value.</summary>
    public const string Etag = "\"6802064a-0000-0200-0000-6387c6b90000\"";

    public const string NewEtag = "\"3600e378-0000-0200-0000-5f40212f0000\"";

    /// <summary>The HubSpot filter, escaped as it goes on the wire.</summary>
    public const string HubSpotPropertyOnWire = "property=connectionSpec.id%3D%3Dcc6a4487-9e91-433e-a3a3-9cf6626c1806";

    /// <summary>A list page: the items, and a next link when there is one.</summary>
    /// <summary>
    /// A HubSpot connection as get and list return it (the fields Adobe's example answer has), written once for
    /// every test project; <paramref name="authParams"/> is the auth params object, masked or in clear, and
    /// <paramref name="description"/> is left out when null.
    /// </summary>
    public static string Connection(string id, string name, string authParams, string sandboxName = "prod", string? description = null) => $$"""
        {
          "id": "{{id}}",
          "createdAt": 1668637963851, "updatedAt": 1668637963852,
          "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "updatedBy": "28AF22BA5DE6B0B40A494036@AdobeID",
          "createdClient": "exc_app", "updatedClient": "exc_app",
          "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "sandboxName": "{{sandboxName}}",
          "imsOrgId": "5C1328435BF324E90A49402A@AdobeOrg",
          "name": "{{name}}",{{(description is null ? "" : "\n  \"description\": \"" + description + "\",")}}
          "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" },
          "state": "enabled",
          "auth": { "specName": "Basic Authentication", "params": {{authParams}} },
          "version": "\"6802064a-0000-0200-0000-6387c6b90000\"",
          "etag": "\"6802064a-0000-0200-0000-6387c6b90000\""
        }
        """;

    public static string Page(string? nextHref, params string[] connections) =>
        "{ \"items\": [" + string.Join(",", connections) + "]" +
        (nextHref is null ? "" : ", \"_links\": { \"next\": { \"href\": \"" + nextHref + "\" } }") + " }";

    public const string ExploreRoot = """
        [
          { "type": "table", "name": "Contacts", "path": "Hubspot.Contacts", "canPreview": true, "canFetchSchema": true },
          { "type": "table", "name": "Companies", "path": "Hubspot.Companies", "canPreview": false, "canFetchSchema": true }
        ]
        """;

    public const string ExploreContactsColumns = """
        [
          { "name": "Vid", "type": "long", "xdm": { "type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991 } },
          { "name": "Email", "type": "string", "xdm": { "type": "string" } },
          { "name": "CreatedAt", "type": "string", "xdm": { "type": "string", "format": "date-time" }, "meta:xdmType": "date-time" }
        ]
        """;

    public const string ExploreContactsTable = "{ \"format\": \"flat\", \"schema\": { \"columns\": " + ExploreContactsColumns + " } }";

    /// <summary>HubSpot's connection spec, the item itself (the service wraps it in <c>items</c>).</summary>
    public const string HubSpotSpecItem = """
        {
          "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806",
          "name": "hubspot",
          "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
          "version": "1.0",
          "type": "CRM",
          "authSpec": [{
            "name": "Basic Authentication",
            "type": "Basic Authentication",
            "spec": {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "properties": {
                "clientId": { "type": "string" },
                "clientSecret": { "type": "string", "format": "password" },
                "accessToken": { "type": "string", "format": "password" },
                "refreshToken": { "type": "string", "format": "password" }
              },
              "required": ["clientId", "clientSecret", "accessToken", "refreshToken"]
            }
          }],
          "attributes": { "category": "CRM" }
        }
        """;

    /// <summary>What GET /connectionSpecs/{id} answers: the spec in the items envelope.</summary>
    public const string HubSpotSpec = "{ \"items\": [" + HubSpotSpecItem + "] }";
}
