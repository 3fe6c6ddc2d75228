using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// What <see cref="HubSpotDataflows.CreateAsync"/> refuses: request rules before anything is sent, then what the
/// reads show (the table, its columns, the dataset) before anything is created.
/// </summary>
public sealed class CreateValidationTests : DataflowsFixture
{
    public static IEnumerable<TestCaseData> BadSchedules()
    {
        yield return new TestCaseData(new DataflowSchedule(DataflowFrequency.Once, StartTime, Interval: 15), "no interval").SetName("Once with an interval is refused");
        yield return new TestCaseData(new DataflowSchedule(DataflowFrequency.Once, StartTime, Backfill: true), "no interval and no backfill").SetName("Once with backfill is refused");
        yield return new TestCaseData(DataflowSchedule.Every(DataflowFrequency.Minute, 14, StartTime), "at least 15; 14").SetName("Every 14 minutes is refused");
        yield return new TestCaseData(DataflowSchedule.Every(DataflowFrequency.Hour, 0, StartTime), "at least 1; 0").SetName("Every 0 hours is refused");
        yield return new TestCaseData(new DataflowSchedule(DataflowFrequency.Day, StartTime), "needs an interval of at least 1").SetName("Daily without an interval is refused");
        yield return new TestCaseData(new DataflowSchedule(DataflowFrequency.Minute, StartTime), "needs an interval of at least 15").SetName("By the minute without an interval is refused");
        yield return new TestCaseData(new DataflowSchedule((DataflowFrequency)42, StartTime, 1), "not one of once, minute, hour, day, week").SetName("An undefined frequency is refused");
        yield return new TestCaseData(DataflowSchedule.Once(new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero)), "1970").SetName("A start before the epoch is refused");
    }

    [TestCaseSource(nameof(BadSchedules))]
    public void A_schedule_that_breaks_a_rule_is_refused_before_anything_is_sent(DataflowSchedule schedule, string expected)
    {
        AnswerCreateChain();

        var exception = Assert.Catch<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest() with { Schedule = schedule }))!;

        Assert.That(exception.Message, Does.Contain(expected));
        AssertNothingWasSent();
    }

    [TestCase(15, TestName = "Every 15 minutes is accepted")]
    [TestCase(60, TestName = "Every 60 minutes is accepted")]
    public void The_smallest_minute_interval_is_accepted(int interval) =>
        Assert.DoesNotThrow(() => DataflowSchedule.Every(DataflowFrequency.Minute, interval, StartTime).Validate());

    public static IEnumerable<TestCaseData> BadRequests()
    {
        var valid = ContactsRequest();
        yield return new TestCaseData(valid with { BaseConnectionId = Guid.Empty }, "base connection id").SetName("An empty base connection id is refused");
        yield return new TestCaseData(valid with { TablePath = " " }, "table path").SetName("A blank table path is refused");
        yield return new TestCaseData(valid with { DataSetId = "" }, "dataset id").SetName("A blank dataset id is refused");
        yield return new TestCaseData(valid with { Mappings = [] }, "At least one mapping").SetName("No mappings are refused");
        yield return new TestCaseData(valid with { Mappings = [new FieldMapping(" ", "person.name.firstName")] }, "none may be blank").SetName("A blank source attribute is refused");
        yield return new TestCaseData(valid with { Mappings = [new FieldMapping("Vid", "")] }, "none may be blank").SetName("A blank XDM path is refused");
        yield return new TestCaseData(
            valid with { Mappings = [new FieldMapping("Vid", "person.id"), new FieldMapping("Portal_Id", "person.id")] },
            "person.id is mapped more than once").SetName("An XDM field mapped twice is refused");
        yield return new TestCaseData(valid with { Name = "  " }, "name must not be blank").SetName("A blank name is refused");
        yield return new TestCaseData(valid with { DeltaColumn = "" }, "delta column must not be blank").SetName("A blank delta column is refused");
        yield return new TestCaseData(valid with { Schedule = null! }, "schedule").SetName("A null schedule is refused");
    }

    [TestCaseSource(nameof(BadRequests))]
    public void An_incomplete_request_is_refused_before_anything_is_sent(HubSpotDataflowRequest request, string expected)
    {
        AnswerCreateChain();

        var exception = Assert.Catch<ArgumentException>(() => Dataflows().CreateAsync(request))!;

        Assert.That(exception.Message, Does.Contain(expected));
        AssertNothingWasSent();
    }

    [Test]
    public void A_null_request_is_refused() =>
        Assert.Catch<ArgumentNullException>(() => Dataflows().CreateAsync(null!));

    [Test]
    public void A_table_the_connection_does_not_list_is_refused_naming_the_tables_it_lists()
    {
        AnswerCreateChain();

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest() with { TablePath = "Hubspot.Companies" }))!;

        Assert.That(exception.Message, Does.Contain("no table Hubspot.Companies").And.Contain("Hubspot.Contacts, Hubspot.All_Deals, Hubspot.Blog_Authors"));
        Assert.That(RequestLines(), Has.Count.EqualTo(1), "only the root was explored");
    }

    [Test]
    public void Mapping_sources_that_are_not_columns_are_refused_naming_them_and_the_columns()
    {
        AnswerCreateChain();
        var request = ContactsRequest() with
        {
            Mappings = [new FieldMapping("Email", "personalEmail.address"), new FieldMapping("Vid", "person.id"), new FieldMapping("Phone", "mobilePhone.number")],
        };

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(request))!;

        Assert.That(exception.Message, Does.Contain("Not a column of the table: Email, Phone.")
            .And.Contain("Vid, Portal_Id, Added_At, Properties_Firstname_Value, Properties_Lastname_Value"));
        AssertOnlyReadsWereSent(2);
    }

    [Test]
    public void A_delta_column_that_is_not_a_column_is_refused_naming_the_columns()
    {
        AnswerCreateChain();

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest() with { DeltaColumn = "Modified_At" }))!;

        Assert.That(exception.Message, Does.Contain("delta column Modified_At is not a column").And.Contain("Vid, Portal_Id, Added_At"));
        AssertOnlyReadsWereSent(2);
    }

    [Test]
    public void A_table_without_a_date_time_column_needs_a_named_delta_column()
    {
        AnswerCreateChain(Table(string.Join(",", VidColumn, FirstnameColumn, LastnameColumn)));

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.Message, Does.Contain("no date-time column").And.Contain("one of Vid, Properties_Firstname_Value, Properties_Lastname_Value"));
        AssertOnlyReadsWereSent(2);
    }

    [Test]
    public void A_table_with_several_date_time_columns_needs_a_named_delta_column_naming_them()
    {
        const string UpdatedAt = """{ "name": "Updated_At", "type": "string", "xdm": { "type": "string", "format": "date-time" } }""";
        AnswerCreateChain(Table(string.Join(",", VidColumn, AddedAtColumn, FirstnameColumn, LastnameColumn, UpdatedAt)));

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.Message, Does.Contain("several date-time columns").And.Contain("one of Added_At, Updated_At"));
        AssertOnlyReadsWereSent(2);
    }

    [Test]
    public void A_column_marked_date_time_only_by_its_xdm_type_name_is_the_default_delta_column()
    {
        const string StampColumn = """{ "name": "Stamp", "type": "string", "xdm": { "type": "string" }, "meta:xdmType": "date-time" }""";
        AnswerCreateChain(Table(string.Join(",", VidColumn, StampColumn, FirstnameColumn, LastnameColumn)));

        Assert.DoesNotThrowAsync(() => Dataflows().CreateAsync(ContactsRequest()));

        var flow = JsonAssert.Parse(Requests().Single(request => request.AbsolutePath == FlowServicePath + "/flows").Body!);
        Assert.That((string?)flow["transformations"]?[0]?["params"]?["deltaColumn"]?["name"], Is.EqualTo("Stamp"));
    }

    [Test]
    public void An_unknown_dataset_is_refused_naming_it_before_anything_is_created()
    {
        AnswerCreateChain();
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 404, """{ "title": "Not found", "status": 404, "detail": "No dataset with that id." }""", priority: Override);

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("Catalog has no dataset " + DataSetId));
            Assert.That(exception.InnerException, Is.InstanceOf<ApiException>().With.Property(nameof(ApiException.StatusCode)).EqualTo(404));
        });
        AssertOnlyReadsWereSent(3);
    }

    [Test]
    public void A_dataset_without_a_schema_is_refused()
    {
        AnswerCreateChain();
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 200, "{ \"" + DataSetId + "\": { \"name\": \"no schema\" } }", priority: Override);

        var exception = Assert.CatchAsync<ArgumentException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.Message, Does.Contain("names no XDM schema"));
        AssertOnlyReadsWereSent(3);
    }

    [Test]
    public void Another_catalog_failure_is_an_api_exception_carrying_the_catalog_status()
    {
        AnswerCreateChain();
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 403, """{ "error_code": "403003", "message": "Api Key is invalid" }""", priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(403));
            Assert.That(exception.ToFlowServiceError().Code, Is.EqualTo("403003"));
            Assert.That(exception.InnerException, Is.InstanceOf<Catalog.ApiException>());
        });
        AssertOnlyReadsWereSent(3);
    }

    private void AssertOnlyReadsWereSent(int count)
    {
        var requests = Requests();
        Assert.That(requests.Select(request => request.Method), Is.EqualTo(Enumerable.Repeat("GET", count)), "only the reads before the first create");
    }
}
