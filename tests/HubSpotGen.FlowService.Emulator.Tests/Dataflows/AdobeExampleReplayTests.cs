using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>
/// Adobe's own curl examples for the HubSpot chain (create, explore, collect, monitor, ad hoc run, update,
/// delete), replayed from outside with their bodies as the tutorials write them. Only the examples' own defects
/// are fixed, each where it is fixed and said why; the ids the examples show are replaced by the ones the
/// emulator handed out. Every request carries the five Platform headers, which some examples leave out.
/// </summary>
public sealed class AdobeExampleReplayTests : DataflowFixture
{
    [Test]
    public async Task Create_explore_collect_monitor_run_ad_hoc_and_delete_get_their_documented_answers()
    {
        // Create a base connection (create/marketing-automation/hubspot), as written.
        var connection = await PostAsync("/connections", """
            {
                "name": "HubSpot base connection",
                "description": "HubSpot base connection",
                "auth": {
                    "specName": "Basic Authentication",
                    "params": {
                        "clientId": "{CLIENT_ID}",
                        "clientSecret": "{CLIENT_SECRET}",
                        "accessToken": "{ACCESS_TOKEN}",
                        "refreshToken": "{REFRESH_TOKEN}"
                    }
                },
                "connectionSpec": {
                    "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806",
                    "version": "1.0"
                }
            }
            """);
        AssertIdAndEtag(connection, 201);
        var connectionId = (string)connection.Json!["id"]!;

        // Explore: the root lists tables named by their paths; a table lists its columns.
        var root = await GetAsync("/connections/" + connectionId + "/explore?objectType=root");
        Assert.That(root.Status, Is.EqualTo(200), root.Text);
        foreach (var item in (JArray)root.Json!)
        {
            Assert.That(((JObject)item).Properties().Select(property => property.Name), Is.EquivalentTo(new[] { "type", "name", "path", "canPreview", "canFetchSchema" }));
            Assert.That((string?)item["name"], Is.EqualTo((string?)item["path"]));
        }

        var table = await GetAsync("/connections/" + connectionId + "/explore?objectType=table&object=Hubspot.Contacts");
        Assert.That((string?)table.Json!["format"], Is.EqualTo("flat"));
        var addedAt = table.Json["schema"]!["columns"]!.Single(column => (string?)column["name"] == "Added_At");
        Assert.That((string?)addedAt["xdm"]!["format"], Is.EqualTo("date-time"));

        // Source connection (collect/marketing-automation). Fixed: the example's trailing comma after "tabular",
        // which makes the body invalid JSON.
        var source = await PostAsync("/sourceConnections", $$"""
            {
                "name": "Source connection for marketing automation",
                "baseConnectionId": "{{connectionId}}",
                "description": "Source connection for a marketing automationj connector",
                "data": {
                    "format": "tabular"
                },
                "params": {
                    "path": "Hubspot.Contacts"
                },
                "connectionSpec": {
                    "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806",
                    "version": "1.0"
                }
            }
            """);
        AssertIdAndEtag(source, 201);

        // The dataset: the demo dataset stands in for the one the tutorial creates; Catalog answers it keyed by id.
        var dataset = await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId);
        var schemaId = (string)dataset.Json![FlowServiceEmulator.DemoDatasetId]!["schemaRef"]!["id"]!;

        // Target connection, as written (its schema version says version=1.0).
        var target = await PostAsync("/targetConnections", $$"""
            {
                "name": "Target Connection for a marketing automation connector",
                "description": "Target Connection for a marketing automation connector",
                "data": {
                    "schema": {
                        "id": "{{schemaId}}",
                        "version": "application/vnd.adobe.xed-full+json;version=1.0"
                    }
                },
                "params": {
                    "dataSetId": "{{FlowServiceEmulator.DemoDatasetId}}"
                },
                    "connectionSpec": {
                    "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c",
                    "version": "1.0"
                }
            }
            """);
        AssertIdAndEtag(target, 201);

        // Mapping, as written.
        var mapping = await PostMappingSetAsync(MappingExample(schemaId));
        Assert.That(mapping.Status, Is.EqualTo(200), mapping.Text);
        Assert.That(mapping.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" }));
        Assert.That((int?)mapping.Json!["version"], Is.EqualTo(0));

        // Flow spec. Fixed: the example sends no Authorization header.
        var specs = await GetAsync("/flowSpecs?property=name==%22CRMToAEP%22");
        var spec = specs.Json!["items"]!.Single();
        Assert.That((string?)spec["id"], Is.EqualTo("14518937-270c-4525-bdec-c2ba7cce3860"));
        Assert.That((string?)spec["providerId"], Is.EqualTo("0ed90a81-07f4-4586-8190-b40eccef1c5a"));
        Assert.That(spec["transformationSpecs"]!.Select(item => (string?)item["name"]), Is.EqualTo(new[] { "Copy", "Mapping" }));
        Assert.That((string?)spec["scheduleSpec"]!["name"], Is.EqualTo("PeriodicSchedule"));

        // Dataflow. Fixed, besides the missing Authorization header: startTime sent as a string, and "interval"
        // given with frequency "once", which the schedule rules forbid; and the delta column "updatedAt", which is
        // no column of Hubspot.Contacts (the example's own mapping uses Added_At). mappingVersion stays a string,
        // as the flow spec types it.
        var flow = await PostAsync("/flows", FlowExample((string)source.Json!["id"]!, (string)target.Json!["id"]!, (string)mapping.Json["id"]!, """
                {
                    "startTime": START,
                    "frequency":"once"
                }
            """));
        AssertIdAndEtag(flow, 201);
        var flowId = (string)flow.Json!["id"]!;

        // Monitor (monitor): the run the schedule started, then its success and counts.
        Clock.Advance(RunDuration);
        var runs = await GetAsync("/runs?property=flowId==" + flowId);
        Assert.That(runs.Status, Is.EqualTo(200), runs.Text);
        var run = runs.Json!["items"]!.Single();
        AssertRunShape(run, flowId);
        Assert.That((string?)run["metrics"]!["statusSummary"]!["status"], Is.EqualTo("success"));
        Assert.That((int?)run["metrics"]!["recordSummary"]!["outputRecordCount"], Is.EqualTo(25));

        // Ad hoc run (create-flow-runs). Fixed: the example's curl line before -d lacks its backslash, so the body
        // is never sent; its delta column "DOB" belongs to another source, so the flow's own is sent. The window
        // stays as the example writes it, strings of digits.
        var adHoc = await PostAsync("/runs", $$"""
            {
                "flowId": "{{flowId}}",
                "params": {
                    "windowStartTime": "1651584991",
                    "windowEndTime": "16515859567",
                    "deltaColumn": {
                        "name": "Added_At"
                    }
                }
            }
            """);
        Assert.That(adHoc.Status, Is.EqualTo(201), adHoc.Text);
        foreach (var field in new[] { "id", "createdAt", "updatedAt", "createdBy", "updatedBy", "createdClient", "updatedClient", "sandboxId", "sandboxName", "imsOrgId", "flowId", "params", "etag", "metrics", "activities" })
        {
            Assert.That(adHoc.Object.ContainsKey(field), Is.True, field + " in " + adHoc.Text);
        }

        Assert.That(JToken.DeepEquals(adHoc.Json!["params"], JObject.Parse("""{"windowStartTime":"1651584991","windowEndTime":"16515859567","deltaColumn":{"name":"Added_At"}}""")), Is.True);
        Assert.That((await GetAsync("/runs?property=flowId==" + flowId)).Json!["items"], Has.Count.EqualTo(2));

        // Delete (delete-dataflows): 204 and no body; then the connections, which the flow no longer holds.
        var deleted = await DeleteAtAsync("/flows/" + flowId);
        Assert.That(deleted.Status, Is.EqualTo(204));
        Assert.That(deleted.Text, Is.Empty);
        Assert.That((await DeleteAtAsync("/sourceConnections/" + source.Json["id"])).Status, Is.EqualTo(204));
        Assert.That((await DeleteAtAsync("/targetConnections/" + target.Json["id"])).Status, Is.EqualTo(204));
        Assert.That((await DeleteAsync(connectionId)).Status, Is.EqualTo(204));
    }

    [Test]
    public async Task Update_a_flow_and_its_mapping_with_the_documented_patches_and_quoted_If_Match()
    {
        var chain = await CreateConnectionsAsync();
        // The collect example, fixed the other way: frequency minute keeps its interval of 15 (now a number), since
        // the update tutorial changes a recurring flow.
        var flow = await PostAsync("/flows", FlowExample(chain.SourceId, chain.TargetId, chain.MappingId, """
                {
                    "startTime": START,
                    "frequency":"minute",
                    "interval":15
                }
            """));
        AssertIdAndEtag(flow, 201);
        var flowId = (string)flow.Json!["id"]!;

        // Update dataflow (update-dataflows). Fixed: the example's curl line after x-sandbox-name lacks its
        // backslash, and it sends no Content-Type.
        var updated = await PatchFlowAsync(flowId, (string)flow.Json["etag"]!, """
            [
                {
                    "op": "replace",
                    "path": "/scheduleParams/frequency",
                    "value": "day"
                },
                {
                    "op": "replace",
                    "path": "/name",
                    "value": "Database Dataflow Feb2021"
                },
                {
                    "op": "replace",
                    "path": "/description",
                    "value": "Database dataflow for testing update API"
                }
            ]
            """);
        AssertIdAndEtag(updated, 200);
        Assert.That((string?)updated.Json!["id"], Is.EqualTo(flowId));
        var read = (JObject)(await GetAsync("/flows/" + flowId)).Json!["items"]![0]!;
        Assert.That((string?)read["scheduleParams"]!["frequency"], Is.EqualTo("day"));
        Assert.That((string?)read["name"], Is.EqualTo("Database Dataflow Feb2021"));
        Assert.That((string?)read["etag"], Is.EqualTo((string?)updated.Json["etag"]));

        // Update mapping: /transformations/0 as written, although index 0 of this flow (as of the tutorial's own)
        // holds Copy. Fixed: its mappingVersion 2 becomes the new mapping set's version, 0.
        var newMapping = (string)(await PostMappingSetAsync(MappingExample(FlowServiceEmulator.DemoSchemaId))).Json!["id"]!;
        var remapped = await PatchFlowAsync(flowId, (string)updated.Json["etag"]!, $$"""
            [
                {
                    "op": "replace",
                    "path": "/transformations/0",
                    "value": {
                        "name": "Mapping",
                        "params": {
                            "mappingId": "{{newMapping}}",
                            "mappingVersion": 0
                        }
                    }
                }
            ]
            """);
        AssertIdAndEtag(remapped, 200);
        read = (JObject)(await GetAsync("/flows/" + flowId)).Json!["items"]![0]!;
        Assert.That(read["transformations"]!.Select(item => (string?)item["name"]), Is.EqualTo(new[] { "Copy", "Mapping" }));
        Assert.That((string?)read["transformations"]![1]!["params"]!["mappingId"], Is.EqualTo(newMapping));
        Assert.That((string?)read["transformations"]![0]!["params"]!["deltaColumn"]!["name"], Is.EqualTo("Added_At"));
    }

    private static string MappingExample(string schemaId) => $$"""
        {
            "version": 0,
            "xdmSchema": "{{schemaId}}",
            "xdmVersion": "1.0",
            "id": null,
            "mappings": [
                {
                    "destinationXdmPath": "_id",
                    "sourceAttribute": "Vid",
                    "identity": false,
                    "identityGroup": null,
                    "namespaceCode": null,
                    "version": 0
                },
                {
                    "destinationXdmPath": "person.name.firstName",
                    "sourceAttribute": "Properties_Firstname_Value",
                    "identity": false,
                    "identityGroup": null,
                    "namespaceCode": null,
                    "version": 0
                },
                {
                    "destinationXdmPath": "_repo.createDate",
                    "sourceAttribute": "Added_At",
                    "identity": false,
                    "identityGroup": null,
                    "namespaceCode": null,
                    "version": 0
                }
            ]
        }
        """;

    /// <summary>The collect tutorial's dataflow body with the given ids and schedule (its fixes are said where it is used).</summary>
    private static string FlowExample(string sourceId, string targetId, string mappingId, string schedule) => $$"""
        {
            "name": "Dataflow for a marketing automation source",
            "description": "collecting Hubspot.Contacts",
            "flowSpec": {
                "id": "14518937-270c-4525-bdec-c2ba7cce3860",
                "version": "1.0"
            },
            "sourceConnectionIds": [
                "{{sourceId}}"
            ],
            "targetConnectionIds": [
                "{{targetId}}"
            ],
            "transformations": [
                {
                    "name": "Copy",
                    "params": {
                        "deltaColumn": {
                            "name": "Added_At",
                            "dateFormat": "YYYY-MM-DD",
                            "timezone": "UTC"
                        }
                    }
                },
                {
                    "name": "Mapping",
                    "params": {
                        "mappingId": "{{mappingId}}",
                        "mappingVersion": "0"
                    }
                }
            ],
            "scheduleParams": {{schedule.Replace("START", StartSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))}}
        }
        """;

    private static void AssertIdAndEtag(Answer answer, int status)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
        Assert.That(answer.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "etag" }), answer.Text);
        Assert.That((string?)answer.Json!["etag"], Does.Match("^\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}\"$"));
    }

    /// <summary>The run fields the monitor tutorial shows.</summary>
    private static void AssertRunShape(JToken run, string flowId)
    {
        Assert.That((string?)run["flowId"], Is.EqualTo(flowId));
        Assert.That((string?)run["id"], Is.Not.Empty);
        Assert.That((string?)run["etag"], Is.Not.Empty);
        var metrics = run["metrics"]!;
        Assert.That(((JObject)metrics["durationSummary"]!).Properties().Select(property => property.Name), Is.EquivalentTo(new[] { "startedAtUTC", "completedAtUTC" }));
        Assert.That(((JObject)metrics["sizeSummary"]!).Properties().Select(property => property.Name), Is.EquivalentTo(new[] { "inputBytes", "outputBytes" }));
        Assert.That(((JObject)metrics["recordSummary"]!).Properties().Select(property => property.Name), Is.EquivalentTo(new[] { "inputRecordCount", "outputRecordCount", "failedRecordCount" }));
        Assert.That(((JObject)metrics["fileSummary"]!).Properties().Select(property => property.Name), Is.SupersetOf(new[] { "inputFileCount", "outputFileCount" }));
        Assert.That(((JObject)metrics["statusSummary"]!).Properties().Select(property => property.Name), Is.SupersetOf(new[] { "status", "errors" }));
        Assert.That(run["activities"], Is.InstanceOf<JArray>());
    }
}
