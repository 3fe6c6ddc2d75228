using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary>Exploring: the root tables of a HubSpot connection, and the columns of one table.</summary>
public sealed class ExploreConnectionTests : LifecycleFixture
{
    private const string ExplorePath = ConnectionsPath + "/69f188b6-af07-4587-8061-e94d34637b41/explore";

    [Test]
    public async Task Explore_asks_for_the_root_and_reads_the_tables()
    {
        AnswerInTurn((200, ExploreRoot));

        var tables = await Connections().ExploreAsync(ConnectionId);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ExplorePath));
            Assert.That(request.RawQuery, Is.EqualTo("?objectType=root"), "lowercase, as the docs send it");
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);

            Assert.That(tables.Select(table => table.Path), Is.EqualTo(new[] { "Hubspot.Contacts", "Hubspot.Companies" }));
            Assert.That(tables[0].Type, Is.EqualTo("table"));
            Assert.That(tables[0].Name, Is.EqualTo("Contacts"));
            Assert.That(tables[0].CanPreview, Is.True);
            Assert.That(tables[0].CanFetchSchema, Is.True);
            Assert.That(tables[1].CanPreview, Is.False);
        });
    }

    [Test]
    public async Task ExploreTable_asks_for_the_table_by_path_and_reads_its_columns()
    {
        AnswerInTurn((200, ExploreContactsTable));

        var columns = await Connections().ExploreTableAsync(ConnectionId, "Hubspot.Contacts");

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ExplorePath));
            Assert.That(request.RawQuery, Is.EqualTo("?objectType=table&object=Hubspot.Contacts"));
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);

            Assert.That(columns.Select(column => column.Name), Is.EqualTo(new[] { "Vid", "Email", "CreatedAt" }));
            Assert.That(columns[0].Type, Is.EqualTo("long"));
            Assert.That(columns[0].Xdm?.Type, Is.EqualTo("integer"));
            Assert.That(columns[0].Xdm?.AdditionalProperties["maximum"].ToString(), Is.EqualTo("9007199254740991"), "extra JSON Schema keywords are kept");
            Assert.That(columns[2].Xdm?.Format, Is.EqualTo("date-time"));
            Assert.That(columns[2].MetaXdmType, Is.EqualTo("date-time"));
            Assert.That(columns[1].MetaXdmType, Is.Null);
        });
    }

    [Test]
    public async Task A_table_path_with_reserved_characters_is_escaped()
    {
        AnswerInTurn((200, """{ "format": "flat", "schema": { "columns": [] } }"""));

        var columns = await Connections().ExploreTableAsync(ConnectionId, "Hubspot.Deals & Tickets/2024");

        Assert.That(columns, Is.Empty);
        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?objectType=table&object=Hubspot.Deals%20%26%20Tickets%2F2024"));
    }

    [Test]
    public async Task A_table_answer_without_columns_is_an_empty_list()
    {
        AnswerInTurn((200, """{ "format": "flat" }"""));

        Assert.That(await Connections().ExploreTableAsync(ConnectionId, "Hubspot.Contacts"), Is.Empty);
    }

    [Test]
    public void A_root_answer_that_is_not_an_array_is_an_api_error()
    {
        AnswerInTurn((200, ExploreContactsTable));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().ExploreAsync(ConnectionId))!;

        Assert.That(exception.Message, Does.Contain("objectType=root"));
    }

    [Test]
    public void A_table_answer_that_is_not_an_object_is_an_api_error()
    {
        AnswerInTurn((200, ExploreRoot));

        Assert.CatchAsync<ApiException>(() => Connections().ExploreTableAsync(ConnectionId, "Hubspot.Contacts"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_path_is_refused_before_anything_is_sent(string? path)
    {
        var exception = Assert.CatchAsync<ArgumentException>(() => Connections().ExploreTableAsync(ConnectionId, path!))!;

        Assert.That(exception.ParamName, Is.EqualTo("path"));
        AssertNothingWasSent();
    }

    [Test]
    public void An_empty_id_is_refused_before_anything_is_sent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.CatchAsync<ArgumentException>(() => Connections().ExploreAsync(Guid.Empty))!.ParamName, Is.EqualTo("id"));
            Assert.That(Assert.CatchAsync<ArgumentException>(() => Connections().ExploreTableAsync(Guid.Empty, "Hubspot.Contacts"))!.ParamName, Is.EqualTo("id"));
        });
        AssertNothingWasSent();
    }
}
