using WireMock;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// Changing a dataflow: PATCH with If-Match (the etag exactly as received) and a JSON Patch array; enable and
/// disable as actions; delete, with or without its connections.
/// </summary>
public sealed class ChangeDataflowTests : DataflowsFixture
{
    private static readonly string FlowPath = FlowServicePath + "/flows/" + FlowId;
    private static readonly string[] PatchHeaders = [.. BodyHeaders, "If-Match"];
    private static readonly string Updated = "{ \"id\": \"" + FlowId + "\", \"etag\": \"" + NewEtag.Replace("\"", "\\\"") + "\" }";

    [Test]
    public async Task A_new_interval_and_frequency_replace_the_ones_the_flow_has()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("PATCH", FlowPath, 200, Updated);

        var updated = await Dataflows().UpdateScheduleAsync(FlowId, Etag, DataflowSchedule.Every(DataflowFrequency.Hour, 2, StartTime));

        Assert.That(updated.Etag, Is.EqualTo(NewEtag));
        AssertPatch("""
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "hour" },
              { "op": "replace", "path": "/scheduleParams/interval", "value": 2 } ]
            """);
    }

    [Test]
    public async Task An_interval_the_flow_lacks_is_added_and_backfill_too()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId, scheduleParams: """{ "startTime": 1625040887, "frequency": "once" }""")));
        Answer("PATCH", FlowPath, 200, Updated);

        await Dataflows().UpdateScheduleAsync(FlowId, Etag, DataflowSchedule.Every(DataflowFrequency.Minute, 15, StartTime, backfill: false));

        AssertPatch("""
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "minute" },
              { "op": "add", "path": "/scheduleParams/interval", "value": 15 },
              { "op": "add", "path": "/scheduleParams/backfill", "value": false } ]
            """);
    }

    [Test]
    public async Task Once_removes_the_interval_and_backfill_the_flow_has()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId, scheduleParams: """{ "startTime": 1625040887, "frequency": "day", "interval": 1, "backfill": true }""")));
        Answer("PATCH", FlowPath, 200, Updated);

        await Dataflows().UpdateScheduleAsync(FlowId, Etag, DataflowSchedule.Once(StartTime));

        AssertPatch("""
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "once" },
              { "op": "remove", "path": "/scheduleParams/interval" },
              { "op": "remove", "path": "/scheduleParams/backfill" } ]
            """);
    }

    [Test]
    public void A_schedule_that_breaks_a_rule_is_refused_before_anything_is_sent()
    {
        var exception = Assert.Catch<ArgumentException>(() => Dataflows().UpdateScheduleAsync(FlowId, Etag, DataflowSchedule.Every(DataflowFrequency.Minute, 5, StartTime)))!;

        Assert.That(exception.Message, Does.Contain("at least 15"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Rename_replaces_the_name_and_adds_the_description()
    {
        Answer("PATCH", FlowPath, 200, Updated);

        var updated = await Dataflows().RenameAsync(FlowId, Etag, "HubSpot contacts (hourly)", "Every hour");

        Assert.That(updated.Etag, Is.EqualTo(NewEtag));
        AssertPatch("""
            [ { "op": "replace", "path": "/name", "value": "HubSpot contacts (hourly)" },
              { "op": "add", "path": "/description", "value": "Every hour" } ]
            """);
    }

    [Test]
    public async Task Rename_without_a_description_only_replaces_the_name()
    {
        Answer("PATCH", FlowPath, 200, Updated);

        await Dataflows().RenameAsync(FlowId, Etag, "renamed");

        AssertPatch("""[ { "op": "replace", "path": "/name", "value": "renamed" } ]""");
    }

    [Test]
    public async Task A_mapping_change_makes_a_mapping_set_for_the_target_schema_then_replaces_the_mapping_transformation()
    {
        const string NewMappingId = "c0ffee00c1ad4266baca76ba3adc9366";
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("GET", FlowServicePath + "/targetConnections/" + TargetConnectionId, 200, Page(null, $$"""
            { "id": "{{TargetConnectionId}}", "name": "target", "data": { "schema": { "id": "{{SchemaId}}", "version": "application/vnd.adobe.xed-full+json;version=1" } },
              "params": { "dataSetId": "{{DataSetId}}" }, "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" } }
            """));
        Answer("GET", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 200, Page(null, $$"""
            { "id": "{{SourceConnectionId}}", "name": "source", "baseConnectionId": "{{BaseConnectionId}}", "data": { "format": "tabular" },
              "params": { "path": "Hubspot.Contacts" }, "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" } }
            """));
        Answer("GET", FlowServicePath + "/connections/" + BaseConnectionId + "/explore", 200, ContactsTable, objectType: "table");
        Answer("POST", DataPrepPath + "/mappingSets", 200, "{ \"id\": \"" + NewMappingId + "\", \"version\": 3 }");
        Answer("PATCH", FlowPath, 200, Updated);

        var updated = await Dataflows().UpdateMappingAsync(FlowId, Etag, [new FieldMapping("Vid", "person.id")]);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Etag, Is.EqualTo(NewEtag));
            Assert.That(RequestLines(), Is.EqualTo(new[]
            {
                "GET " + FlowPath,
                "GET " + FlowServicePath + "/targetConnections/" + TargetConnectionId,
                "GET " + FlowServicePath + "/sourceConnections/" + SourceConnectionId,
                "GET " + FlowServicePath + "/connections/" + BaseConnectionId + "/explore?objectType=table&object=Hubspot.Contacts",
                "POST " + DataPrepPath + "/mappingSets",
                "PATCH " + FlowPath,
            }));
            JsonAssert.AreEquivalent($$"""
                { "version": 0, "xdmSchema": "{{SchemaId}}", "xdmVersion": "1.0", "id": null,
                  "mappings": [ { "destinationXdmPath": "person.id", "sourceAttribute": "Vid", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 } ] }
                """, Requests().Single(request => request.Method == "POST").Body);
        });
        // The flow has Copy first and Mapping second: the Mapping one is replaced, the delta column stays.
        AssertPatch($$"""
            [ { "op": "replace", "path": "/transformations/1", "value": { "name": "Mapping", "params": { "mappingId": "{{NewMappingId}}", "mappingVersion": 3 } } } ]
            """);
    }

    [Test]
    public void A_mapping_change_with_a_source_that_is_not_a_column_creates_nothing()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("GET", FlowServicePath + "/targetConnections/" + TargetConnectionId, 200, Page(null,
            "{ \"id\": \"" + TargetConnectionId + "\", \"data\": { \"schema\": { \"id\": \"" + SchemaId + "\", \"version\": \"v\" } } }"));
        Answer("GET", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 200, Page(null,
            "{ \"id\": \"" + SourceConnectionId + "\", \"baseConnectionId\": \"" + BaseConnectionId + "\", \"params\": { \"path\": \"Hubspot.Contacts\" } }"));
        Answer("GET", FlowServicePath + "/connections/" + BaseConnectionId + "/explore", 200, ContactsTable, objectType: "table");

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().UpdateMappingAsync(FlowId, Etag, [new FieldMapping("Email", "personalEmail.address")]))!;

        Assert.That(exception.Message, Does.Contain("Not a column of the table: Email."));
        Assert.That(Requests().Select(request => request.Method), Is.All.EqualTo("GET"));
    }

    [Test]
    public void A_stale_etag_is_a_typed_precondition_error_naming_the_dataflow()
    {
        Answer("PATCH", FlowPath, 412, StaleEtag);

        var exception = Assert.CatchAsync<PreconditionFailedException>(() => Dataflows().RenameAsync(FlowId, Etag, "renamed"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.EntityId, Is.EqualTo(FlowId));
            Assert.That(exception.SuppliedEtag, Is.EqualTo(Etag));
            Assert.That(exception.Message, Does.StartWith("Dataflow " + FlowId + " was not changed"));
            Assert.That(exception.Error?.Code, Is.EqualTo("FLOW-1404-412"));
        });
    }

    [TestCase(null)]
    [TestCase(" ")]
    [TestCase("\"abc\"\r\nX-Injected: 1")]
    public void A_bad_etag_is_refused_before_anything_is_sent(string? etag)
    {
        var dataflows = Dataflows();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.RenameAsync(FlowId, etag!, "renamed"))!.ParamName, Is.EqualTo("etag"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.UpdateScheduleAsync(FlowId, etag!, DataflowSchedule.Once(StartTime)))!.ParamName, Is.EqualTo("etag"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.UpdateMappingAsync(FlowId, etag!, [new FieldMapping("Vid", "person.id")]))!.ParamName, Is.EqualTo("etag"));
        });
        AssertNothingWasSent();
    }

    [TestCase("enable")]
    [TestCase("disable")]
    public async Task Enable_and_disable_are_actions_without_a_body(string op)
    {
        Answer("POST", FlowPath + "/action", 200, Updated);
        var dataflows = Dataflows();

        await (op == "enable" ? dataflows.EnableAsync(FlowId) : dataflows.DisableAsync(FlowId));

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.AbsolutePath, Is.EqualTo(FlowPath + "/action"));
            Assert.That(request.RawQuery, Is.EqualTo("?op=" + op));
            Assert.That(request.Body, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
        });
    }

    [Test]
    public async Task An_ad_hoc_run_posts_the_window_in_epoch_seconds_and_the_delta_column()
    {
        Answer("POST", FlowServicePath + "/runs", 201, Created(FirstRunId));

        var run = await Dataflows().StartRunAsync(FlowId, StartTime, StartTime.AddHours(1), "Added_At");

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(run.Id, Is.EqualTo(FirstRunId));
            Assert.That(request.Method + " " + request.AbsolutePath, Is.EqualTo("POST " + FlowServicePath + "/runs"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertHeader("Content-Type", "application/json");
            request.AssertOnlyHeaders(BodyHeaders);
            JsonAssert.AreEquivalent($$"""
                { "flowId": "{{FlowId}}", "params": { "windowStartTime": 1625040887, "windowEndTime": 1625044487, "deltaColumn": { "name": "Added_At" } } }
                """, request.Body);
        });
    }

    [Test]
    public void An_ad_hoc_run_with_an_empty_window_or_no_column_is_refused_before_anything_is_sent()
    {
        var dataflows = Dataflows();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.StartRunAsync(FlowId, StartTime, StartTime, "Added_At"))!.ParamName, Is.EqualTo("windowEnd"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.StartRunAsync(FlowId, StartTime, StartTime.AddHours(-1), "Added_At"))!.ParamName, Is.EqualTo("windowEnd"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.StartRunAsync(FlowId, StartTime, StartTime.AddHours(1), " "))!.ParamName, Is.EqualTo("deltaColumn"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.StartRunAsync(Guid.Empty, StartTime, StartTime.AddHours(1), "Added_At"))!.ParamName, Is.EqualTo("flowId"));
        });
        AssertNothingWasSent();
    }

    [Test]
    public async Task Delete_removes_only_the_flow_by_default()
    {
        Answer("DELETE", FlowPath, 204);

        await Dataflows().DeleteAsync(FlowId);

        var request = SingleRequest();
        Assert.That(request.Method + " " + request.AbsolutePath, Is.EqualTo("DELETE " + FlowPath));
        request.AssertPlatformHeaders();
        request.AssertOnlyHeaders("Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name");
    }

    [Test]
    public async Task Delete_with_connections_reads_the_flow_then_deletes_it_its_source_and_its_target_never_the_base()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("DELETE", FlowPath, 204);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 204);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 202);

        await Dataflows().DeleteAsync(FlowId, deleteConnections: true);

        Assert.That(RequestLines(), Is.EqualTo(new[]
        {
            "GET " + FlowPath,
            "DELETE " + FlowPath,
            "DELETE " + FlowServicePath + "/sourceConnections/" + SourceConnectionId,
            "DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId,
        }));
    }

    [Test]
    public void A_connection_that_cannot_be_deleted_is_named_and_the_other_is_still_deleted()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("DELETE", FlowPath, 204);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 400, InUse);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 204);

        var exception = Assert.CatchAsync<DataflowCleanupException>(() => Dataflows().DeleteAsync(FlowId, deleteConnections: true))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.RemainingIds, Is.EqualTo(new[] { "source connection " + SourceConnectionId }));
            Assert.That(exception.InnerException, Is.InstanceOf<ApiException>().With.Property(nameof(ApiException.StatusCode)).EqualTo(400));
            Assert.That(RequestLines().Last(), Is.EqualTo("DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId));
        });
    }

    [Test]
    public void A_refused_flow_delete_deletes_no_connection()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("DELETE", FlowPath, 404, NotFound);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().DeleteAsync(FlowId, deleteConnections: true))!;

        Assert.That(exception.StatusCode, Is.EqualTo(404), "a not-found to the first attempt is an error");
        Assert.That(RequestLines(), Has.Count.EqualTo(2));
    }

    [Test]
    public void Empty_ids_are_refused_before_anything_is_sent()
    {
        var dataflows = Dataflows();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.EnableAsync(Guid.Empty))!.ParamName, Is.EqualTo("flowId"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.DisableAsync(Guid.Empty))!.ParamName, Is.EqualTo("flowId"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.DeleteAsync(Guid.Empty, true))!.ParamName, Is.EqualTo("flowId"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.RenameAsync(Guid.Empty, Etag, "n"))!.ParamName, Is.EqualTo("flowId"));
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.RunsAsync(Guid.Empty))!.ParamName, Is.EqualTo("flowId"));
        });
        AssertNothingWasSent();
    }

    private void AssertPatch(string expected)
    {
        var request = Requests().Single(entry => entry.Method == "PATCH");
        Assert.Multiple(() =>
        {
            Assert.That(request.AbsolutePath, Is.EqualTo(FlowPath));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertHeader("If-Match", "\"6802064a-0000-0200-0000-6387c6b90000\"");
            request.AssertHeader("Content-Type", "application/json");
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(PatchHeaders);
            JsonAssert.AreEquivalent(expected, request.Body);
        });
    }
}
