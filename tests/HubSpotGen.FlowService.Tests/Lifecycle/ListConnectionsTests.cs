using HubSpotGen.FlowService.Models;

using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary><see cref="HubSpotConnections.ListAsync"/>: the query on the wire, following continuation tokens, and stopping.</summary>
public sealed class ListConnectionsTests : LifecycleFixture
{
    private static readonly Guid SecondId = Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129");
    private static readonly Guid ThirdId = Guid.Parse("0d7bd6a4-64c6-4a5b-8b0a-3e8e8a4a8d61");

    [Test]
    public async Task List_sends_the_hubspot_filter_then_the_callers_filters_limit_and_orderby()
    {
        AnswerInTurn((200, Page(null, Connection(ConnectionId, "HubSpot base connection"))));
        var query = new ConnectionQuery { Filters = ["state==enabled", "name==HubSpot base connection"], OrderBy = "-name", PageSize = 2 };

        var listed = await ToListAsync(Connections().ListAsync(query));

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath));
            Assert.That(
                request.RawQuery,
                Is.EqualTo("?" + HubSpotPropertyOnWire + "&property=state%3D%3Denabled&property=name%3D%3DHubSpot%20base%20connection&limit=2&orderby=-name"));
            Assert.That(request.Query?["property"], Is.EqualTo(new[]
            {
                "connectionSpec.id==cc6a4487-9e91-433e-a3a3-9cf6626c1806", "state==enabled", "name==HubSpot base connection",
            }));
            request.AssertPlatformHeaders();
            request.AssertHeader("Accept", "application/json");
            request.AssertOnlyHeaders(ReadHeaders);
            Assert.That(request.Body, Is.Null.Or.Empty);

            Assert.That(listed, Has.Count.EqualTo(1));
            Assert.That(listed[0].Id, Is.EqualTo(ConnectionId));
            Assert.That(listed[0].Name, Is.EqualTo("HubSpot base connection"));
            Assert.That(listed[0].Etag, Is.EqualTo(Etag), "the etag keeps its quotes");
            Assert.That(listed[0].ConnectionSpec.Id, Is.EqualTo(HubSpotConnectionSpec.IdAsGuid));
        });
    }

    [Test]
    public async Task By_default_only_the_hubspot_filter_is_sent()
    {
        AnswerInTurn((200, Page(null)));

        await ToListAsync(Connections().ListAsync());

        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire));
    }

    [Test]
    public async Task The_hubspot_filter_can_be_turned_off()
    {
        AnswerInTurn((200, Page(null)));

        await ToListAsync(Connections().ListAsync(new ConnectionQuery { HubSpotOnly = false, OrderBy = "+name" }));

        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?orderby=%2Bname"));
    }

    [Test]
    public async Task Three_pages_are_followed_through_their_continuation_tokens()
    {
        // The second token has characters that must be unescaped from the href and escaped again on the way out.
        AnswerInTurn(
            (200, Page("/connections?continuationToken=page-2", Connection(ConnectionId, "first"))),
            (200, Page("/connections?continuationToken=p%2B3%2F%3D%3D", Connection(SecondId, "second"))),
            (200, Page(null, Connection(ThirdId, "third"))));
        var query = new ConnectionQuery { OrderBy = "-name", PageSize = 1 };

        var listed = await ToListAsync(Connections().ListAsync(query));

        var requests = Requests();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(connection => connection.Id), Is.EqualTo(new[] { ConnectionId, SecondId, ThirdId }));
            Assert.That(listed.Select(connection => connection.Name), Is.EqualTo(new[] { "first", "second", "third" }));
            Assert.That(requests.Select(request => request.AbsolutePath), Is.All.EqualTo(ConnectionsPath));
            Assert.That(requests.Select(request => request.Method), Is.All.EqualTo("GET"));
            // Each page repeats the query and adds the token of the page before it.
            Assert.That(requests.Select(request => request.RawQuery), Is.EqualTo(new[]
            {
                "?" + HubSpotPropertyOnWire + "&limit=1&orderby=-name",
                "?" + HubSpotPropertyOnWire + "&limit=1&orderby=-name&continuationToken=page-2",
                "?" + HubSpotPropertyOnWire + "&limit=1&orderby=-name&continuationToken=p%2B3%2F%3D%3D",
            }));
        });
    }

    [Test]
    public async Task Pages_are_seen_one_by_one_through_ListPagesAsync()
    {
        AnswerInTurn(
            (200, Page("https://platform.adobe.io/data/foundation/flowservice/connections?limit=2&continuationToken=abs-2#top", Connection(ConnectionId, "first"), Connection(SecondId, "second"))),
            (200, Page(null)));

        var pages = new List<ConnectionList>();
        await foreach (var page in Connections().ListPagesAsync(new ConnectionQuery { PageSize = 2 }))
        {
            pages.Add(page);
        }

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(page => page.Items?.Count ?? 0), Is.EqualTo(new[] { 2, 0 }));
            Assert.That(Requests()[1].RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire + "&limit=2&continuationToken=abs-2"), "an absolute href's token is read too");
        });
    }

    [TestCase("""{ "items": [] }""", TestName = "An empty items array lists nothing")]
    [TestCase("""{ }""", TestName = "A page without items lists nothing")]
    [TestCase("""{ "items": [], "_links": { "next": { "href": "/connections" } } }""", TestName = "A next link without a token ends the listing")]
    [TestCase("""{ "items": [], "_links": { } }""", TestName = "Links without next end the listing")]
    public async Task An_empty_list_yields_nothing_after_one_request(string answer)
    {
        AnswerInTurn((200, answer), (200, Page(null, Connection(ConnectionId, "must not be read"))));

        var listed = await ToListAsync(Connections().ListAsync());

        Assert.That(listed, Is.Empty);
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_token_handed_back_unchanged_stops_the_listing_instead_of_looping()
    {
        var samePage = Page("/connections?continuationToken=stuck", Connection(ConnectionId, "again"));
        AnswerInTurn((200, samePage), (200, samePage), (200, samePage), (200, samePage));

        var exception = Assert.CatchAsync<ApiException>(() => ToListAsync(Connections().ListAsync()))!;

        Assert.That(exception.Message, Does.Contain("continuation token"));
        Assert.That(Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Cancelling_between_pages_sends_no_further_request()
    {
        AnswerInTurn(
            (200, Page("/connections?continuationToken=page-2", Connection(ConnectionId, "first"))),
            (200, Page(null, Connection(SecondId, "second"))));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<Guid>();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var connection in Connections().ListAsync().WithCancellation(cancellation.Token))
            {
                seen.Add(connection.Id);
                await cancellation.CancelAsync();
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { ConnectionId }));
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_token_cancelled_before_the_listing_starts_sends_nothing()
    {
        AnswerInTurn((200, Page(null)));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => ToListAsync(Connections().ListAsync(cancellationToken: cancellation.Token)));
        AssertNothingWasSent();
    }

    // Checked when ListAsync is called, not at the first MoveNextAsync: a bad query never becomes a request.
    [TestCase(null, "-name", 10, "Filters", TestName = "A null filter is refused")]
    [TestCase(" ", "-name", 10, "Filters", TestName = "A blank filter is refused")]
    [TestCase("state==enabled", " ", 10, "OrderBy", TestName = "A blank orderby is refused")]
    [TestCase("state==enabled", "-name", 0, "PageSize", TestName = "A page size of zero is refused")]
    public void A_bad_query_is_refused_before_anything_is_sent(string? filter, string orderBy, int pageSize, string paramName)
    {
        AnswerInTurn((200, Page(null)));
        var query = new ConnectionQuery { Filters = [filter!], OrderBy = orderBy, PageSize = pageSize };

        var exception = Assert.Catch<ArgumentException>(() => Connections().ListAsync(query))!;

        Assert.That(exception.ParamName, Is.EqualTo(paramName));
        AssertNothingWasSent();
    }

    private static async Task<List<Connection>> ToListAsync(IAsyncEnumerable<Connection> connections)
    {
        var list = new List<Connection>();
        await foreach (var connection in connections)
        {
            list.Add(connection);
        }

        return list;
    }
}
