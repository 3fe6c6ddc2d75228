namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>A recorded answer: status, JSON body (or none) and extra response headers.</summary>
public sealed record RecordedAnswer(string Name, int Status, string? Body, params (string Name, string Value)[] Headers)
{
    /// <summary>NUnit prints this as the test case name.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// Answers in the shapes Adobe documents for Flow Service: every field the spec names is present, so
/// both clients have something to read for each member, and none looks like a date.
/// </summary>
internal static class RecordedAnswers
{
    public const string Connection = """
        {
          "id": "69f188b6-af07-4587-8061-e94d34637b41",
          "createdAt": 1668637963851, "updatedAt": 1668637963852,
          "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "updatedBy": "39BF22BA5DE6B0B40A494036@AdobeID",
          "createdClient": "exc_app", "updatedClient": "acp_ui",
          "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "sandboxName": "prod",
          "imsOrgId": "5C1328435BF324E90A49402A@AdobeOrg",
          "name": "HubSpot base connection", "description": "Connection to the marketing HubSpot account",
          "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" },
          "state": "enabled",
          "auth": { "specName": "Basic Authentication",
                    "params": { "clientId": "hub-client", "clientSecret": "***", "accessToken": "***", "refreshToken": "***" } },
          "version": "\"6802064a-0000-0200-0000-6387c6b90000\"",
          "etag": "\"6802064a-0000-0200-0000-6387c6b90000\""
        }
        """;

    public static readonly string ConnectionPage = $$"""
        { "items": [ {{Connection}} ], "count": 95,
          "_links": { "next": { "href": "/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ" } } }
        """;

    public static readonly string OneConnection = $$"""{ "items": [ {{Connection}} ] }""";

    public const string Created = """{ "id": "2fce94c1-9a93-4971-8e94-c19a93097129", "etag": "\"d403848a-0000-0200-0000-5e978f7b0000\"" }""";

    public const string Updated = """{ "id": "69f188b6-af07-4587-8061-e94d34637b41", "etag": "\"3600e378-0000-0200-0000-5f40212f0000\"" }""";

    public const string ExploreRoot = """
        [ { "type": "table", "name": "Contacts", "path": "Hubspot.Contacts", "canPreview": true, "canFetchSchema": true },
          { "type": "table", "name": "Companies", "path": "Hubspot.Companies", "canPreview": false, "canFetchSchema": true } ]
        """;

    public const string ExploreTable = """
        { "format": "flat",
          "schema": { "columns": [
            { "name": "vid", "type": "integer", "xdm": { "type": "integer" } },
            { "name": "email", "type": "string", "xdm": { "type": "string" }, "meta:xdmType": "string" },
            { "name": "lastmodifieddate", "type": "string", "xdm": { "type": "string", "format": "date-time" } } ] } }
        """;

    public const string HubSpotSpec = """
        { "items": [ {
            "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "name": "hubspot",
            "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a", "version": "1.0",
            "description": "HubSpot connector", "type": "CRM",
            "authSpec": [ { "name": "Basic Authentication", "type": "Basic Authentication",
              "spec": { "$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                        "properties": { "clientId": { "type": "string" }, "clientSecret": { "type": "string", "format": "password" },
                                        "accessToken": { "type": "string", "format": "password" },
                                        "refreshToken": { "type": "string", "format": "password" } },
                        "required": [ "clientId", "clientSecret", "accessToken", "refreshToken" ] } } ],
            "attributes": { "category": "CRM", "isSource": true, "uiAttributes": { "apiFeatures": { "explorePaginationSupported": false } } }
          } ] }
        """;

    public const string SourceConnection = """
        {
          "id": "246d052c-da4a-494a-937f-a0d17b1c6cf5", "name": "HubSpot contacts", "description": "Contacts table",
          "baseConnectionId": "69f188b6-af07-4587-8061-e94d34637b41",
          "data": { "format": "tabular" }, "params": { "path": "Hubspot.Contacts" },
          "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" },
          "state": "enabled", "createdAt": 1668637963851, "updatedAt": 1668637963852,
          "version": "\"0a00b1c2-0000-0200-0000-6387c6b90000\"", "etag": "\"0a00b1c2-0000-0200-0000-6387c6b90000\""
        }
        """;

    public static readonly string SourceConnectionPage = $$"""
        { "items": [ {{SourceConnection}} ], "count": 3,
          "_links": { "next": { "href": "/sourceConnections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ" } } }
        """;

    public const string TargetConnection = """
        { "items": [ {
            "id": "7c96c827-3ffd-460c-a573-e9558f72f263", "name": "Contacts dataset", "description": "Into the contacts dataset",
            "data": { "format": "parquet_xdm", "schema": { "id": "https://ns.adobe.com/testorg/schemas/0f6d8e7a2c1b4e9f", "version": "application/vnd.adobe.xed-full+json;version=1" } },
            "params": { "dataSetId": "5f3c3cedb2805c194ff0b69a" },
            "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" },
            "state": "enabled", "createdAt": 1668637963851, "updatedAt": 1668637963852,
            "version": "\"1b00b1c2-0000-0200-0000-6387c6b90000\"", "etag": "\"1b00b1c2-0000-0200-0000-6387c6b90000\""
          } ] }
        """;

    public const string FlowSpecs = """
        { "items": [ {
            "id": "14518937-270c-4525-bdec-c2ba7cce3860", "name": "CRMToAEP", "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a", "version": "1.0",
            "sourceConnectionSpecIds": [ "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "3416976c-a9ca-4bba-901a-1f08f66978ff" ],
            "targetConnectionSpecIds": [ "c604ff05-7f1a-43c0-8e18-33bf874cb11c" ],
            "transformationSpecs": [ { "name": "Copy", "spec": { "type": "object", "required": [ "deltaColumn" ] } }, { "name": "Mapping" } ],
            "scheduleSpec": { "name": "PeriodicSchedule", "type": "Periodic", "spec": { "type": "object", "required": [ "startTime", "frequency" ] } }
          } ],
          "_links": { "next": { "href": "/flowSpecs?continuationToken=abc" } } }
        """;

    public const string Flow = """
        {
          "id": "993f908f-3342-4d9c-9f3c-5aa9a189ca1a", "name": "HubSpot contacts to Platform", "description": "Hourly import",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" }, "state": "enabled",
          "sourceConnectionIds": [ "246d052c-da4a-494a-937f-a0d17b1c6cf5" ], "targetConnectionIds": [ "7c96c827-3ffd-460c-a573-e9558f72f263" ],
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
            { "name": "Mapping", "params": { "mappingId": "bf5286a9c1ad4266baca76ba3adc9366", "mappingVersion": 2 } }
          ],
          "scheduleParams": { "startTime": 1625040887, "frequency": "hour", "interval": 1, "backfill": true },
          "inheritedAttributes": { "sourceConnections": [ { "id": "246d052c-da4a-494a-937f-a0d17b1c6cf5", "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" } } ] },
          "createdAt": 1668637963851, "updatedAt": 1668637963852,
          "version": "\"2c00b1c2-0000-0200-0000-6387c6b90000\"", "etag": "\"2c00b1c2-0000-0200-0000-6387c6b90000\""
        }
        """;

    public static readonly string FlowPage = $$"""
        { "items": [ {{Flow}} ], "count": 12, "_links": { "next": { "href": "/flows?continuationToken=abcdefghijkLMNOPqrstupWXKYZ" } } }
        """;

    public const string Run = """
        {
          "id": "0d4a5e8e-2f6c-4b7e-9d21-1c5f3a6b8e90", "flowId": "993f908f-3342-4d9c-9f3c-5aa9a189ca1a",
          "createdAt": 1668637963851, "updatedAt": 1668637963852, "etag": "\"3d00b1c2-0000-0200-0000-6387c6b90000\"",
          "metrics": {
            "durationSummary": { "startedAtUTC": 1596656079576, "completedAtUTC": 1596656113526 },
            "sizeSummary": { "inputBytes": 24012, "outputBytes": 17128 },
            "recordSummary": { "inputRecordCount": 100, "outputRecordCount": 99, "failedRecordCount": 1 },
            "fileSummary": { "inputFileCount": 1, "outputFileCount": 1 },
            "statusSummary": { "status": "failed", "errors": [ { "code": "CONNECTOR-2001-500", "message": "HubSpot refused the token." } ] }
          },
          "activities": [ { "id": "a1", "name": "Copy Activity" } ]
        }
        """;

    public static readonly string RunPage = $$"""
        { "items": [ {{Run}} ], "count": 4, "_links": { "next": { "href": "/runs?continuationToken=abcdefghijkLMNOPqrstupWXKYZ" } } }
        """;

    public const string FlowUpdated = """{ "id": "993f908f-3342-4d9c-9f3c-5aa9a189ca1a", "etag": "\"4e00b1c2-0000-0200-0000-5f40212f0000\"" }""";

    /// <summary>The documented success answer of each operation.</summary>
    public static RecordedAnswer Success(FlowOperation operation) => operation switch
    {
        FlowOperation.CreateConnection => new("201 created", 201, Created,
            ("Location", "/data/foundation/flowservice/connections/2fce94c1-9a93-4971-8e94-c19a93097129")),
        FlowOperation.ListConnections => new("200 page", 200, ConnectionPage),
        FlowOperation.GetConnection => new("200 one", 200, OneConnection),
        FlowOperation.UpdateConnection => new("200 updated", 200, Updated),
        FlowOperation.DeleteConnection => new("204 deleted", 204, null),
        FlowOperation.GetConnectionSpec => new("200 spec", 200, HubSpotSpec),
        FlowOperation.ExploreConnection => new("200 root", 200, ExploreRoot),
        FlowOperation.CreateSourceConnection or FlowOperation.CreateTargetConnection or FlowOperation.CreateFlow or FlowOperation.CreateRun =>
            new("201 created", 201, Created),
        FlowOperation.ListSourceConnections => new("200 page", 200, SourceConnectionPage),
        FlowOperation.GetSourceConnection => new("200 one", 200, "{ \"items\": [ " + SourceConnection + " ] }"),
        FlowOperation.GetTargetConnection => new("200 one", 200, TargetConnection),
        FlowOperation.DeleteSourceConnection or FlowOperation.DeleteTargetConnection or FlowOperation.DeleteFlow => new("204 deleted", 204, null),
        FlowOperation.ListFlowSpecs or FlowOperation.GetFlowSpec => new("200 specs", 200, FlowSpecs),
        FlowOperation.ListFlows => new("200 page", 200, FlowPage),
        FlowOperation.GetFlow => new("200 one", 200, "{ \"items\": [ " + Flow + " ] }"),
        FlowOperation.UpdateFlow or FlowOperation.PerformFlowAction => new("200 updated", 200, FlowUpdated),
        FlowOperation.ListRuns => new("200 page", 200, RunPage),
        FlowOperation.GetRun => new("200 one", 200, "{ \"items\": [ " + Run + " ] }"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>
    /// Error bodies of both families, each under the status it comes with: Flow Service's FLOW-xxxx-status
    /// bodies (S12, S13), the shorter S2 bodies, the gateway's {error_code, message} (S11, S16) and the
    /// content-type error.
    /// </summary>
    public static readonly RecordedAnswer[] Errors =
    [
        new("400 flow", 400, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1401-400","title":"Bad request","status":400,"errorMessage":"The limit and count parameters cannot be used together.","errorDetails":"The limit and count parameters cannot be used together."}"""),
        new("400 gateway", 400, """{"error_code":"400003","message":"Missing header"}"""),
        new("400 content-type", 400, """{"type":"/placeholder/type/uri","status":400,"title":"BadRequestError","detail":"A valid content-type must be specified"}"""),
        new("401 gateway", 401, """{"error_code":"401013","message":"Oauth token is not valid"}"""),
        new("401 gateway numeric code", 401, """{"error_code":401013,"message":"Oauth token is not valid"}"""),
        new("401 flow", 401, """{"type":"https://ns.adobe.com/aep/errors/FLOW-2000-401","title":"Unauthorized","status":401,"report":{"detailed-message":"The token has no access to the org.","request-id":"req-401"}}"""),
        new("403 gateway", 403, """{"error_code":"403010","message":"Oauth token is missing."}"""),
        new("403 flow", 403, """{"type":"https://ns.adobe.com/aep/errors/FLOW-2120-403","title":"Forbidden","status":403,"report":{"detailed-message":"You do not have the required permission.","request-id":"req-403"}}"""),
        new("404 flow", 404, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1101-404","title":"Resource not found","status":404,"report":{"detailed-message":"The requested resource is not found.","id":"69f188b6-af07-4587-8061-e94d34637b41","request-id":"req-404","type":"connections"},"errorMessage":"The requested resource is not found.","errorDetails":"The requested resource is not found."}"""),
        new("404 short", 404, """{"errorMessage":"connections not found with id = [69f188b6-af07-4587-8061-e94d34637b41]","errorDetails":"connections not found with id = [69f188b6-af07-4587-8061-e94d34637b41]"}"""),
        new("412 flow", 412, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1404-412","title":"Precondition failed","status":412,"errorMessage":"The supplied version does not match the current version of the entity."}"""),
        new("412 short", 412, """{"errorMessage":"Supplied version=[\"1400dd53-0000-0200-0000-5f3f23450000\"] does not match the current version on entity=[\"3600e378-0000-0200-0000-5f40212f0000\"]"}"""),
        new("429 gateway", 429, """{"error_code":"429050","message":"Too many requests"}""", ("Retry-After", "30")),
        new("500 flow", 500, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1102-500","title":"Internal server error","status":500}"""),
        new("503 flow", 503, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1103-503","title":"Service unavailable","status":503,"report":{"request-id":"req-503"}}"""),
    ];
}
