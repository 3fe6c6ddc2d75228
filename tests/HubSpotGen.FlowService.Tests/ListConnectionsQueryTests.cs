
namespace HubSpotGen.FlowService.Tests;

/// <summary>The query string of a list call, checked as it arrived, before any decoding.</summary>
public sealed class ListConnectionsQueryTests : StubServerFixture
{
    [SetUp]
    public void AnswerAnything() => AnswerEveryRequest(200, """{"items":[]}""");

    [Test]
    public async Task Filters_paging_and_sorting_are_sent_as_repeated_escaped_parameters()
    {
        await CreateClient().ListConnectionsAsync(
            property: ["name==HubSpot", "state==enabled"], limit: 2, orderby: "-name", continuationToken: "abc");

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo("/data/foundation/flowservice/connections"));
            // Each filter is its own property= (all must match); '=' inside a value is escaped so the
            // server cannot mistake it for the name/value separator.
            Assert.That(
                request.RawQuery,
                Is.EqualTo("?property=name%3D%3DHubSpot&property=state%3D%3Denabled&limit=2&orderby=-name&continuationToken=abc"));
            Assert.That(request.Query?["property"], Is.EqualTo(new[] { "name==HubSpot", "state==enabled" }));
            request.AssertPlatformHeaders();
        });
    }

    [Test]
    public async Task Reserved_characters_in_values_are_escaped()
    {
        await CreateClient().ListConnectionsAsync(
            property: ["name==HubSpot base & co", "id==a,b"], orderby: "+name", continuationToken: "a+b/c=?#");

        Assert.That(
            SingleRequest().RawQuery,
            Is.EqualTo("?property=name%3D%3DHubSpot%20base%20%26%20co&property=id%3D%3Da%2Cb&orderby=%2Bname&continuationToken=a%2Bb%2Fc%3D%3F%23"));
    }

    [Test]
    public async Task Count_is_sent_as_lowercase_true()
    {
        await CreateClient().ListConnectionsAsync(count: true);

        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?count=true"));
    }

    [Test]
    public async Task A_list_without_arguments_has_no_query_at_all()
    {
        await CreateClient().ListConnectionsAsync(property: []);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            Assert.That(request.AbsoluteUrl, Does.Not.Contain("?"));
        });
    }

    [Test]
    public async Task The_next_page_link_and_count_are_read()
    {
        AnswerEveryRequest(200, """
            { "items": [], "count": 95,
              "_links": { "next": { "href": "/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ" } } }
            """);

        var page = await CreateClient().ListConnectionsAsync(limit: 1);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.Count, Is.EqualTo(95L));
            Assert.That(page.Links?.Next?.Href, Is.EqualTo("/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ"));
        });
    }
}
