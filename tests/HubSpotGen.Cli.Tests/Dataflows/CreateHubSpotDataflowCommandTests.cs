using Newtonsoft.Json.Linq;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>
/// <c>hubspotgen dataflows create-hubspot --connection ID --table PATH --dataset ID --map SOURCE=XDM_PATH...
/// [--delta-column NAME] [--frequency F] [--interval N] [--start TIME] [--name NAME] [--json]</c>.
/// </summary>
public sealed class CreateHubSpotDataflowCommandTests : DataflowCommandFixture
{
    private const string StartText = "2021-06-30T08:14:47Z";

    [Test]
    public async Task It_sends_the_chain_in_order_each_request_with_the_platform_headers()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--start", StartText));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
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
        Assert.Multiple(() =>
        {
            foreach (var request in Requests())
            {
                request.AssertPlatformHeaders();
                request.AssertHeader("Accept", "application/json");
                request.AssertOnlyHeaders(request.Method == "POST" ? BodyHeaders : ReadHeaders);
            }
        });
    }

    [Test]
    public async Task The_bodies_carry_the_options_exactly()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--start", StartText, "--delta-column", "Added_At"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "HubSpot contacts (source)",
                  "description": "HubSpot table Hubspot.Contacts into Platform dataset {{DataSetId}}, made by HubSpotGen",
                  "baseConnectionId": "{{BaseConnectionId}}",
                  "data": { "format": "tabular" },
                  "params": { "path": "Hubspot.Contacts" },
                  "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" }
                }
                """, RequestTo("POST", FlowServicePath + "/sourceConnections").Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "HubSpot contacts (target)",
                  "description": "HubSpot table Hubspot.Contacts into Platform dataset {{DataSetId}}, made by HubSpotGen",
                  "data": { "schema": { "id": "{{SchemaId}}", "version": "application/vnd.adobe.xed-full+json;version=1" } },
                  "params": { "dataSetId": "{{DataSetId}}" },
                  "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" }
                }
                """, RequestTo("POST", FlowServicePath + "/targetConnections").Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "version": 0, "xdmSchema": "{{SchemaId}}", "xdmVersion": "1.0", "id": null,
                  "mappings": [
                    { "destinationXdmPath": "person.name.firstName", "sourceAttribute": "Properties_Firstname_Value", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 },
                    { "destinationXdmPath": "person.name.lastName", "sourceAttribute": "Properties_Lastname_Value", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 }
                  ]
                }
                """, RequestTo("POST", DataPrepPath + "/mappingSets").Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "HubSpot contacts",
                  "description": "HubSpot table Hubspot.Contacts into Platform dataset {{DataSetId}}, made by HubSpotGen",
                  "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
                  "sourceConnectionIds": ["{{SourceConnectionId}}"],
                  "targetConnectionIds": ["{{TargetConnectionId}}"],
                  "transformations": [
                    { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
                    { "name": "Mapping", "params": { "mappingId": "{{MappingId}}", "mappingVersion": 0 } }
                  ],
                  "scheduleParams": { "startTime": 1625040887, "frequency": "once" }
                }
                """, RequestTo("POST", FlowServicePath + "/flows").Body);
        });
    }

    [Test]
    public async Task Json_output_is_exactly_the_five_ids_and_the_etag()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--start", StartText, "--json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent($$"""
            {
              "flowId": "{{FlowId}}",
              "etag": "{{Etag.Replace("\"", "\\\"")}}",
              "sourceConnectionId": "{{SourceConnectionId}}",
              "targetConnectionId": "{{TargetConnectionId}}",
              "mappingId": "{{MappingId}}"
            }
            """, run.Output);
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public async Task Text_output_is_each_id_on_its_own_line()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--start", StartText));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            "flowId: " + FlowId,
            "etag: " + Etag,
            "sourceConnectionId: " + SourceConnectionId,
            "targetConnectionId: " + TargetConnectionId,
            "mappingId: " + MappingId,
        }));
    }

    [Test]
    public async Task Without_start_it_runs_once_now()
    {
        AnswerCreateChain();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var run = await RunAsync(CreateArguments());

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var schedule = JsonAssert.Parse(ScheduleSent());
        Assert.Multiple(() =>
        {
            Assert.That(((JObject)schedule).Properties().Select(property => property.Name), Is.EqualTo(new[] { "startTime", "frequency" }));
            Assert.That((string?)schedule["frequency"], Is.EqualTo("once"));
            Assert.That((long)schedule["startTime"]!, Is.InRange(before, after));
        });
    }

    [TestCase("minute", null, """{"startTime":1625040887,"frequency":"minute","interval":15}""")]
    [TestCase("minute", "20", """{"startTime":1625040887,"frequency":"minute","interval":20}""")]
    [TestCase("hour", null, """{"startTime":1625040887,"frequency":"hour","interval":1}""")]
    [TestCase("day", "3", """{"startTime":1625040887,"frequency":"day","interval":3}""")]
    [TestCase("WEEK", "1", """{"startTime":1625040887,"frequency":"week","interval":1}""")]
    [TestCase("once", null, """{"startTime":1625040887,"frequency":"once"}""")]
    public async Task A_frequency_sends_its_interval_or_the_default_one(string frequency, string? interval, string expected)
    {
        AnswerCreateChain();
        string[] schedule = interval is null ? ["--frequency", frequency] : ["--frequency", frequency, "--interval", interval];

        var run = await RunAsync(CreateArguments(["--start", StartText, .. schedule]));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent(expected, ScheduleSent());
    }

    [TestCase(new[] { "--frequency", "once", "--interval", "2" }, "--interval is only for a recurring --frequency")]
    [TestCase(new[] { "--interval", "2" }, "--interval is only for a recurring --frequency")]
    [TestCase(new[] { "--frequency", "minute", "--interval", "14" }, "--interval must be at least 15 for --frequency minute, not 14")]
    [TestCase(new[] { "--frequency", "hour", "--interval", "0" }, "--interval must be a whole number of at least 1, not '0'")]
    [TestCase(new[] { "--frequency", "day", "--interval", "two" }, "--interval must be a whole number of at least 1, not 'two'")]
    [TestCase(new[] { "--frequency", "day", "--interval", "1.5" }, "'1.5'")]
    [TestCase(new[] { "--frequency", "yearly" }, "--frequency must be once, minute, hour, day or week, not 'yearly'")]
    [TestCase(new[] { "--frequency", "1" }, "--frequency must be once, minute, hour, day or week, not '1'")]
    public async Task A_schedule_that_breaks_a_rule_exits_2_and_sends_nothing(string[] schedule, string mentions)
    {
        var run = await RunAsync(CreateArguments(schedule));

        AssertUsageError(run, mentions);
    }

    [TestCase("--connection")]
    [TestCase("--table")]
    [TestCase("--dataset")]
    [TestCase("--map")]
    public async Task A_missing_required_option_exits_2_naming_it_and_sends_nothing(string option)
    {
        var args = CreateArguments().ToList();
        for (var at = args.IndexOf(option); at >= 0; at = args.IndexOf(option))
        {
            args.RemoveRange(at, 2);
        }

        var run = await RunAsync([.. args]);

        AssertUsageError(run, option);
    }

    [TestCase("--table", " ")]
    [TestCase("--dataset", "")]
    [TestCase("--delta-column", " ")]
    [TestCase("--name", "  ")]
    public async Task A_blank_value_exits_2_naming_the_option_and_sends_nothing(string option, string value)
    {
        var args = CreateArguments();
        var at = Array.IndexOf(args, option);
        args = at >= 0 ? [.. args[..(at + 1)], value, .. args[(at + 2)..]] : [.. args, option, value];

        var run = await RunAsync(args);

        AssertUsageError(run, option + " must not be blank");
    }

    [TestCase("HubSpot")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    public async Task A_connection_that_is_not_a_guid_exits_2_naming_it_and_sends_nothing(string connection)
    {
        var args = CreateArguments();
        args[Array.IndexOf(args, "--connection") + 1] = connection;

        var run = await RunAsync(args);

        AssertUsageError(run, "--connection");
    }

    [Test]
    public async Task A_table_with_several_date_time_columns_exits_2_naming_them_and_creates_nothing()
    {
        const string UpdatedAt = """{ "name": "Updated_At", "type": "string", "xdm": { "type": "string", "format": "date-time" } }""";
        AnswerCreateChain(table: Table(string.Join(",", VidColumn, AddedAtColumn, UpdatedAt, FirstnameColumn, LastnameColumn)));

        var run = await RunAsync(CreateArguments());

        AssertRefusedBeforeAnyCreate(run, "several date-time columns", "Added_At, Updated_At");
    }

    [Test]
    public async Task A_table_without_a_date_time_column_exits_2_naming_the_columns_and_creates_nothing()
    {
        AnswerCreateChain(table: Table(string.Join(",", VidColumn, FirstnameColumn, LastnameColumn)));

        var run = await RunAsync(CreateArguments());

        AssertRefusedBeforeAnyCreate(run, "no date-time column", "Vid, Properties_Firstname_Value, Properties_Lastname_Value");
    }

    [Test]
    public async Task A_delta_column_the_table_lacks_exits_2_and_creates_nothing()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--delta-column", "Modified_At"));

        AssertRefusedBeforeAnyCreate(run, "The delta column Modified_At is not a column of the table", "Added_At");
    }

    [Test]
    public async Task A_mapping_source_the_table_lacks_exits_2_and_creates_nothing()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--map", "Properties_Email_Value=personalEmail.address"));

        AssertRefusedBeforeAnyCreate(run, "Not a column of the table: Properties_Email_Value", "Properties_Lastname_Value");
    }

    [Test]
    public async Task A_table_the_connection_does_not_list_exits_2_and_creates_nothing()
    {
        AnswerCreateChain();
        var args = CreateArguments();
        args[Array.IndexOf(args, "--table") + 1] = "Hubspot.Tickets";

        var run = await RunAsync(args);

        AssertRefusedBeforeAnyCreate(run, "no table Hubspot.Tickets", "Hubspot.Contacts, Hubspot.All_Deals, Hubspot.Blog_Authors");
    }

    [Test]
    public async Task An_unknown_dataset_exits_2_and_creates_nothing()
    {
        AnswerCreateChain();
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 404, """{ "message": "Not found" }""", priority: Override);

        var run = await RunAsync(CreateArguments());

        AssertRefusedBeforeAnyCreate(run, "Catalog has no dataset " + DataSetId);
    }

    [Test]
    public async Task A_refused_flow_exits_1_with_one_line_after_deleting_both_connections()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/flows", 400, BadRequest, priority: Override);

        var run = await RunAsync(CreateArguments());

        AssertServiceError(run, "error: Flow Service answered 400: FLOW-1400-400: Invalid request: The request is not valid. (request id test-request-id)");
        Assert.That(RequestLines().TakeLast(2), Is.EqualTo(new[]
        {
            "DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId,
            "DELETE " + FlowServicePath + "/sourceConnections/" + SourceConnectionId,
        }));
    }

    [Test]
    public async Task A_refused_mapping_set_is_named_as_data_prep_and_exits_1()
    {
        AnswerCreateChain();
        Answer("POST", DataPrepPath + "/mappingSets", 400, BadRequest, priority: Override);

        var run = await RunAsync(CreateArguments());

        AssertServiceError(run, "error: Data Prep answered 400: ");
    }

    [Test]
    public async Task A_refused_dataset_read_is_named_as_catalog_and_exits_1()
    {
        AnswerCreateChain();
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 403, """{ "error_code": "403003", "message": "Api Key is invalid" }""", priority: Override);

        var run = await RunAsync(CreateArguments());

        AssertServiceError(run, "error: Catalog answered 403: ");
        Assert.That(Requests().Select(request => request.Method), Has.No.Member("POST"));
    }

    [Test]
    public async Task A_clean_up_that_fails_too_exits_1_with_one_line_listing_what_remains()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/flows", 400, BadRequest, priority: Override);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 400, InUse, priority: Override);

        var run = await RunAsync(CreateArguments());

        AssertServiceError(run, "error: Flow Service answered 400: FLOW-1400-400: Invalid request: The request is not valid. (request id test-request-id); cleaning up failed too, and these remain: ");
        Assert.That(run.ErrorLines[0], Does.EndWith("these remain: target connection " + TargetConnectionId));
        Assert.That(run.Error, Does.Not.Contain("source connection " + SourceConnectionId), "the source connection was deleted");
    }

    private void AssertRefusedBeforeAnyCreate(CliRun run, params string[] mentions)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith("error: "));
            foreach (var text in mentions)
            {
                Assert.That(run.Error, Does.Contain(text));
            }

            Assert.That(run.Error, Does.Not.Contain("(Parameter"));
            Assert.That(run.Output, Is.Empty);
            Assert.That(Requests().Select(request => request.Method), Is.All.EqualTo("GET"), "only reads were sent");
        });
    }
}
