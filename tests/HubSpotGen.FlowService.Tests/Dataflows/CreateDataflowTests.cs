using WireMock;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// <see cref="HubSpotDataflows.CreateAsync"/> on the wire: the reads that check the request, then the creates in
/// order, each with its method, path, query, headers and exact JSON body (numbers as numbers).
/// </summary>
public sealed class CreateDataflowTests : DataflowsFixture
{
    private static readonly string ExplorePath = FlowServicePath + "/connections/" + BaseConnectionId + "/explore";

    [Test]
    public async Task The_chain_sends_its_requests_in_order()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        Assert.That(RequestLines(), Is.EqualTo(new[]
        {
            "GET " + ExplorePath + "?objectType=root",
            "GET " + ExplorePath + "?objectType=table&object=Hubspot.Contacts",
            "GET " + CatalogPath + "/dataSets/" + DataSetId,
            "POST " + FlowServicePath + "/sourceConnections",
            "POST " + FlowServicePath + "/targetConnections",
            "POST " + DataPrepPath + "/mappingSets",
            "GET " + FlowServicePath + "/flowSpecs?property=name%3D%3D%22CRMToAEP%22",
            "POST " + FlowServicePath + "/flows",
        }));
    }

    [Test]
    public async Task It_returns_every_id_and_the_flow_etag()
    {
        AnswerCreateChain();

        var created = await Dataflows().CreateAsync(ContactsRequest());

        Assert.That(created, Is.EqualTo(new CreatedDataflow(FlowId, Etag, SourceConnectionId, TargetConnectionId, MappingId) { MappingVersion = 0 }));
    }

    [Test]
    public async Task Every_request_carries_the_platform_headers_and_only_bodies_say_json()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        Assert.Multiple(() =>
        {
            foreach (var request in Requests())
            {
                request.AssertPlatformHeaders();
                request.AssertHeader("Accept", "application/json");
                if (request.Method == "POST")
                {
                    request.AssertHeader("Content-Type", "application/json");
                    request.AssertOnlyHeaders(BodyHeaders);
                }
                else
                {
                    Assert.That(request.Body, Is.Null.Or.Empty, request.AbsolutePath);
                    request.AssertOnlyHeaders(ReadHeaders);
                }
            }
        });
    }

    [Test]
    public async Task The_source_connection_names_the_table_and_the_hubspot_spec()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        JsonAssert.AreEquivalent($$"""
            {
              "name": "HubSpot contacts (source)",
              "description": "HubSpot contacts into Platform",
              "baseConnectionId": "{{BaseConnectionId}}",
              "data": { "format": "tabular" },
              "params": { "path": "Hubspot.Contacts" },
              "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" }
            }
            """, Body("POST", FlowServicePath + "/sourceConnections"));
    }

    [Test]
    public async Task The_target_connection_names_the_dataset_its_schema_and_the_data_lake()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        JsonAssert.AreEquivalent($$"""
            {
              "name": "HubSpot contacts (target)",
              "description": "HubSpot contacts into Platform",
              "data": { "schema": { "id": "{{SchemaId}}", "version": "application/vnd.adobe.xed-full+json;version=1" } },
              "params": { "dataSetId": "{{DataSetId}}" },
              "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" }
            }
            """, Body("POST", FlowServicePath + "/targetConnections"));
    }

    [Test]
    public async Task The_mapping_set_maps_into_the_dataset_schema_with_explicit_nulls()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        JsonAssert.AreEquivalent($$"""
            {
              "version": 0,
              "xdmSchema": "{{SchemaId}}",
              "xdmVersion": "1.0",
              "id": null,
              "mappings": [
                { "destinationXdmPath": "person.name.firstName", "sourceAttribute": "Properties_Firstname_Value", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 },
                { "destinationXdmPath": "person.name.lastName", "sourceAttribute": "Properties_Lastname_Value", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 }
              ]
            }
            """, Body("POST", DataPrepPath + "/mappingSets"));
    }

    [Test]
    public async Task A_flow_scheduled_once_sends_epoch_seconds_and_no_interval_or_backfill()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest());

        JsonAssert.AreEquivalent(FlowBody("""{ "startTime": 1625040887, "frequency": "once" }"""), Body("POST", FlowServicePath + "/flows"));
    }

    [Test]
    public async Task A_flow_scheduled_by_the_minute_sends_its_interval_and_backfill_as_a_number_and_a_boolean()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest() with { Schedule = DataflowSchedule.Every(DataflowFrequency.Minute, 15, StartTime, backfill: true) });

        JsonAssert.AreEquivalent(
            FlowBody("""{ "startTime": 1625040887, "frequency": "minute", "interval": 15, "backfill": true }"""),
            Body("POST", FlowServicePath + "/flows"));
    }

    [Test]
    public async Task The_flow_spec_id_is_the_one_the_service_answers()
    {
        AnswerCreateChain();
        Answer("GET", FlowServicePath + "/flowSpecs", 200, FlowSpecs("0f4d3f4a-1111-4c6a-9a39-9cf6626c1806"), priority: Override);

        await Dataflows().CreateAsync(ContactsRequest());

        var flow = JsonAssert.Parse(Body("POST", FlowServicePath + "/flows")!);
        Assert.That((string?)flow["flowSpec"]?["id"], Is.EqualTo("0f4d3f4a-1111-4c6a-9a39-9cf6626c1806"));
    }

    [Test]
    public async Task A_named_delta_column_is_used_instead_of_the_date_time_one()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest() with { DeltaColumn = "Vid" });

        var flow = JsonAssert.Parse(Body("POST", FlowServicePath + "/flows")!);
        Assert.That((string?)flow["transformations"]?[0]?["params"]?["deltaColumn"]?["name"], Is.EqualTo("Vid"));
    }

    [Test]
    public async Task Without_a_name_the_entities_are_named_after_the_table_and_dataset()
    {
        AnswerCreateChain();

        await Dataflows().CreateAsync(ContactsRequest() with { Name = null, Description = null });

        Assert.Multiple(() =>
        {
            var flow = JsonAssert.Parse(Body("POST", FlowServicePath + "/flows")!);
            Assert.That((string?)flow["name"], Is.EqualTo("HubSpot Hubspot.Contacts to dataset " + DataSetId));
            Assert.That((string?)flow["description"], Does.Contain("Hubspot.Contacts").And.Contain(DataSetId));
            var source = JsonAssert.Parse(Body("POST", FlowServicePath + "/sourceConnections")!);
            Assert.That((string?)source["name"], Is.EqualTo("HubSpot Hubspot.Contacts to dataset " + DataSetId + " (source)"));
        });
    }

    private static string FlowBody(string scheduleParams) => $$"""
        {
          "name": "HubSpot contacts",
          "description": "HubSpot contacts into Platform",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "sourceConnectionIds": ["{{SourceConnectionId}}"],
          "targetConnectionIds": ["{{TargetConnectionId}}"],
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
            { "name": "Mapping", "params": { "mappingId": "{{MappingId}}", "mappingVersion": 0 } }
          ],
          "scheduleParams": {{scheduleParams}}
        }
        """;

    private string? Body(string method, string path) =>
        Requests().Single(request => request.Method == method && request.AbsolutePath == path).Body;
}
