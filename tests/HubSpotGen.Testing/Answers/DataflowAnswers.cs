
namespace HubSpotGen.Testing;

/// <summary>Answers of the dataflow chain, shaped as Adobe documents them, with made-up ids.</summary>
public static class DataflowAnswers
{
    public const string FlowServicePath = FakePlatform.BasePath;
    public const string CatalogPath = "/data/foundation/catalog";
    public const string DataPrepPath = "/data/foundation/conversion";

    public static readonly Guid BaseConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");
    public static readonly Guid SourceConnectionId = Guid.Parse("246d052c-da4a-494a-937f-a0d17b1c6cf5");
    public static readonly Guid TargetConnectionId = Guid.Parse("7c96c827-3ffd-460c-a573-e9558f72f263");
    public static readonly Guid FlowId = Guid.Parse("993f908f-3342-4d9c-9f3c-5aa9a189ca1a");
    public static readonly Guid FirstRunId = Guid.Parse("0d4a5e8e-2f6c-4b7e-9d21-1c5f3a6b8e90");
    public static readonly Guid SecondRunId = Guid.Parse("1e5b6f9f-3a7d-4c8f-8e32-2d6a4b7c9fa1");

    public const string DataSetId = "5f3c3cedb2805c194ff0b69a";
    public const string SchemaId = "https://ns.adobe.com/testorg/schemas/0f6d8e7a2c1b4e9f";
    public const string MappingId = "bf5286a9c1ad4266baca76ba3adc9366";
    public const string Etag = DocumentedAnswers.Etag;
    public const string NewEtag = DocumentedAnswers.NewEtag;

    /// <summary>2021-06-30T08:14:47Z, a start time as the service keeps it: whole seconds since the epoch.</summary>
    public const long StartSeconds = 1625040887;

    public static readonly DateTimeOffset StartTime = DateTimeOffset.FromUnixTimeSeconds(StartSeconds);

    public const string ExploreRoot = """
        [
          { "type": "table", "name": "Hubspot.Contacts", "path": "Hubspot.Contacts", "canPreview": true, "canFetchSchema": true },
          { "type": "table", "name": "Hubspot.All_Deals", "path": "Hubspot.All_Deals", "canPreview": true, "canFetchSchema": true },
          { "type": "table", "name": "Hubspot.Blog_Authors", "path": "Hubspot.Blog_Authors", "canPreview": true, "canFetchSchema": true }
        ]
        """;

    public static string Table(string columns) => "{ \"format\": \"flat\", \"schema\": { \"columns\": [" + columns + "] } }";

    public const string VidColumn = """{ "name": "Vid", "type": "long", "xdm": { "type": "integer" } }""";
    public const string PortalIdColumn = """{ "name": "Portal_Id", "type": "long", "xdm": { "type": "integer" } }""";
    public const string AddedAtColumn = """{ "name": "Added_At", "type": "string", "xdm": { "type": "string", "format": "date-time" }, "meta:xdmType": "date-time" }""";
    public const string FirstnameColumn = """{ "name": "Properties_Firstname_Value", "type": "string", "xdm": { "type": "string" } }""";
    public const string LastnameColumn = """{ "name": "Properties_Lastname_Value", "type": "string", "xdm": { "type": "string" } }""";

    public static readonly string ContactsTable = Table(string.Join(",", VidColumn, PortalIdColumn, AddedAtColumn, FirstnameColumn, LastnameColumn));

    public static readonly string DataSet = "{ \"" + DataSetId + "\": { \"name\": \"HubSpot contacts\", \"imsOrg\": \"" + FakePlatform.ImsOrgId + "\", " +
        "\"schemaRef\": { \"id\": \"" + SchemaId + "\", \"contentType\": \"application/vnd.adobe.xed+json;version=1\" }, \"tags\": { \"adobe/pqs/table\": [\"hubspot_contacts\"] } } }";

    public static string Created(Guid id) => "{ \"id\": \"" + id + "\", \"etag\": \"\\\"" + id.ToString("N")[..8] + "-0000-0200-0000-5e978f7b0000\\\"\" }";

    public static readonly string FlowCreated = "{ \"id\": \"" + FlowId + "\", \"etag\": \"" + Etag.Replace("\"", "\\\"") + "\" }";

    public const string MappingSetCreated = """
        { "id": "bf5286a9c1ad4266baca76ba3adc9366", "version": 0, "createdDate": 1668637963851, "modifiedDate": 1668637963851,
          "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "modifiedBy": "28AF22BA5DE6B0B40A494036@AdobeID" }
        """;

    public static string FlowSpecs(string id = "14518937-270c-4525-bdec-c2ba7cce3860") => $$"""
        { "items": [ { "id": "{{id}}", "name": "CRMToAEP", "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a", "version": "1.0",
                       "sourceConnectionSpecIds": ["cc6a4487-9e91-433e-a3a3-9cf6626c1806"],
                       "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"] } ] }
        """;

    /// <summary>One dataflow as get and list return it; <paramref name="scheduleParams"/> is the JSON object text.</summary>
    public static string Flow(Guid id, string name = "HubSpot contacts", string scheduleParams = """{ "startTime": "1625040887", "frequency": "minute", "interval": 15 }""", string sourceSpec = HubSpotConnectionSpec.Id) => $$"""
        {
          "id": "{{id}}", "name": "{{name}}", "description": "HubSpot contacts into Platform",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "state": "enabled", "version": "\"6802064a-0000-0200-0000-6387c6b90000\"", "etag": "\"6802064a-0000-0200-0000-6387c6b90000\"",
          "sourceConnectionIds": ["{{SourceConnectionId}}"], "targetConnectionIds": ["{{TargetConnectionId}}"],
          "inheritedAttributes": { "sourceConnections": [ { "id": "{{SourceConnectionId}}", "connectionSpec": { "id": "{{sourceSpec}}", "version": "1.0" },
                                                            "baseConnection": { "id": "{{BaseConnectionId}}", "connectionSpec": { "id": "{{sourceSpec}}", "version": "1.0" } } } ],
                                   "targetConnections": [ { "id": "{{TargetConnectionId}}", "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" } } ] },
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
            { "name": "Mapping", "params": { "mappingId": "bf5286a9c1ad4266baca76ba3adc9366", "mappingVersion": 0 } }
          ],
          "scheduleParams": {{scheduleParams}},
          "createdAt": 1668637963851, "updatedAt": 1668638963851,
          "runs": "/runs?property=flowId=={{id}}"
        }
        """;

    /// <summary>A list page: the items, and a next link when there is one.</summary>
    public static string Page(string? nextHref, params string[] items) => DocumentedAnswers.Page(nextHref, items);

    /// <summary>One run; <paramref name="status"/> null leaves the metrics out, as for a run not started yet.</summary>
    public static string Run(Guid id, string? status, long createdAt = 1668637963851, string errors = "[]") => status is null
        ? $$"""{ "id": "{{id}}", "flowId": "{{FlowId}}", "etag": "\"0100a1b2-0000-0200-0000-5f3f23450000\"", "createdAt": {{createdAt}} }"""
        : $$"""
          {
            "id": "{{id}}", "flowId": "{{FlowId}}", "etag": "\"0100a1b2-0000-0200-0000-5f3f23450000\"", "createdAt": {{createdAt}}, "updatedAt": {{createdAt + 60000}},
            "metrics": {
              "durationSummary": { "startedAtUTC": 1596656079576, "completedAtUTC": 1596656113526 },
              "sizeSummary": { "inputBytes": 24012, "outputBytes": 17128 },
              "recordSummary": { "inputRecordCount": 100, "outputRecordCount": 99, "failedRecordCount": 1 },
              "fileSummary": { "inputFileCount": 1, "outputFileCount": 1 },
              "statusSummary": { "status": "{{status}}", "errors": {{errors}} }
            },
            "activities": []
          }
          """;

    public const string NotFound = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1439-404",
          "title": "Resource not found",
          "status": 404,
          "report": { "detailed-message": "The requested resource is not found.", "request-id": "test-request-id", "type": "flows" }
        }
        """;

    public const string BadRequest = """
        { "type": "https://ns.adobe.com/aep/errors/FLOW-1400-400", "title": "Invalid request", "status": 400,
          "report": { "detailed-message": "The request is not valid.", "request-id": "test-request-id" } }
        """;

    public const string InUse = """
        { "type": "https://ns.adobe.com/aep/errors/FLOW-1418-400", "title": "Invalid request", "status": 400,
          "report": { "detailed-message": "The connection is used by flows.", "request-id": "test-request-id" } }
        """;

    public const string StaleEtag = """
        { "type": "https://ns.adobe.com/aep/errors/FLOW-1404-412", "title": "Version not matching", "status": 412,
          "report": { "detailed-message": "Supplied version does not match the current version.", "request-id": "test-request-id" } }
        """;
}
