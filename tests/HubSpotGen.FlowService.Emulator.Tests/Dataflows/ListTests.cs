using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary><c>property</c>, <c>orderby</c>, <c>count</c> and paging on flows, runs and source connections, as on connections.</summary>
public sealed class ListTests : DataflowFixture
{
    [Test]
    public async Task Flows_filter_by_name_state_source_connection_spec_and_source_connection_id()
    {
        var chain = await CreateConnectionsAsync();
        var alpha = await CreateNamedFlowAsync(chain, "alpha");
        var beta = await CreateNamedFlowAsync(chain, "beta");
        Assert.That((await FlowActionAsync(beta, "disable")).Status, Is.EqualTo(200));

        Assert.That(await FlowIdsAsync("?property=name==alpha"), Is.EqualTo(new[] { alpha }));
        Assert.That(await FlowIdsAsync("?property=state==enabled"), Is.EqualTo(new[] { alpha }));
        Assert.That(await FlowIdsAsync("?property=" + Uri.EscapeDataString("inheritedAttributes.sourceConnections.connectionSpec.id==" + HubSpotSpecId)), Is.EqualTo(new[] { alpha, beta }));
        Assert.That(await FlowIdsAsync("?property=" + Uri.EscapeDataString("sourceConnectionIds==" + chain.SourceId.ToUpperInvariant())), Is.EqualTo(new[] { alpha, beta }));
        Assert.That(await FlowIdsAsync("?property=flowSpec.id==" + FlowSpecId + "&property=name!=alpha"), Is.EqualTo(new[] { beta }));
        Assert.That(await FlowIdsAsync("?property=" + Uri.EscapeDataString("inheritedAttributes.targetConnections.connectionSpec.id==" + HubSpotSpecId)), Is.Empty);
    }

    [Test]
    public async Task Flows_order_count_and_page_with_a_next_link_that_repeats_the_query()
    {
        var chain = await CreateConnectionsAsync();
        var created = new List<string>();
        foreach (var name in new[] { "c", "a", "e", "b", "d" })
        {
            created.Add(await CreateNamedFlowAsync(chain, name));
        }

        Assert.That((int?)(await GetAsync("/flows?count=true")).Json!["count"], Is.EqualTo(5));
        Assert.That((int?)(await GetAsync("/flows?count=true&property=name>c")).Json!["count"], Is.EqualTo(2));
        AssertFlowError(await GetAsync("/flows?count=true&limit=2"), 400, "1401");

        var names = new List<string>();
        var route = "/flows?orderby=-name&limit=2";
        var pages = 0;
        while (route is not null)
        {
            var page = await GetAsync(route);
            Assert.That(page.Status, Is.EqualTo(200), page.Text);
            names.AddRange(page.Json!["items"]!.Select(flow => (string)flow["name"]!));
            route = (string?)page.Json["_links"]?["next"]?["href"];
            if (route is not null)
            {
                Assert.That(route, Does.StartWith("/flows?orderby=-name&limit=2&continuationToken="));
            }

            pages++;
        }

        Assert.That(names, Is.EqualTo(new[] { "e", "d", "c", "b", "a" }));
        Assert.That(pages, Is.EqualTo(3));
        Assert.That(await FlowIdsAsync(""), Is.EqualTo(created), "the default order is creation order");
    }

    [Test]
    public async Task Flow_lists_refuse_unknown_fields_and_orders()
    {
        AssertFlowError(await GetAsync("/flows?property=auth.params==x"), 400, "1449");
        AssertFlowError(await GetAsync("/flows?orderby=flowSpec"), 400, "1433");
        AssertFlowError(await GetAsync("/runs?orderby=name"), 400, "1433");
        AssertFlowError(await GetAsync("/runs?property=" + Uri.EscapeDataString("flowId>=" + Guid.NewGuid())), 400, "1448");
        AssertFlowError(await GetAsync("/runs?flowId=" + Guid.NewGuid()), 400, "1451");
        AssertFlowError(await GetAsync("/sourceConnections?property=name~x"), 400, "1440");
    }

    [Test]
    public async Task Runs_filter_by_flow_and_status_and_page()
    {
        var (_, first, _) = await CreateFlowAsync(Every("minute", 15));
        var chain = await CreateConnectionsAsync();
        var second = await CreateNamedFlowAsync(chain, "second", Every("minute", 15));
        Clock.Advance(TimeSpan.FromMinutes(30) + RunDuration);

        var firstRuns = await RunsOfAsync(first);
        Assert.That(firstRuns, Has.Count.EqualTo(3));
        Assert.That(firstRuns.Select(run => (string?)run["flowId"]), Is.All.EqualTo(first));
        Assert.That(await RunsOfAsync(second), Has.Count.EqualTo(3));
        Assert.That((int?)(await GetAsync("/runs?count=true")).Json!["count"], Is.EqualTo(6));

        // The run of the last slot is still within its delay.
        var inProgress = await GetAsync("/runs?property=metrics.statusSummary.status==inProgress");
        Assert.That(inProgress.Json!["items"], Has.Count.EqualTo(0), "every run started at least one run delay ago");
        Clock.Advance(TimeSpan.FromMinutes(15) - RunDuration);
        inProgress = await GetAsync("/runs?property=metrics.statusSummary.status==inProgress");
        Assert.That(inProgress.Json!["items"]!.Select(run => (string?)run["flowId"]), Is.EquivalentTo(new[] { first, second }));

        var page = await GetAsync("/runs?property=" + Uri.EscapeDataString("flowId==" + first) + "&orderby=-createdAt&limit=2");
        var items = (JArray)page.Json!["items"]!;
        Assert.That(items, Has.Count.EqualTo(2));
        Assert.That((long)items[0]["createdAt"]!, Is.GreaterThan((long)items[1]["createdAt"]!));
        var next = await GetAsync((string)page.Json["_links"]!["next"]!["href"]!);
        Assert.That(next.Json!["items"], Has.Count.EqualTo(2));
        Assert.That(next.Json["_links"], Is.Null);

        var byId = await GetAsync("/runs/" + (string)items[0]["id"]!);
        Assert.That(JToken.DeepEquals(byId.Json!["items"]![0], items[0]), Is.True, byId.Text);
    }

    [Test]
    public async Task Source_connections_filter_by_base_connection_and_path_order_and_page()
    {
        var (first, _) = await CreateAsync("first base");
        var (second, _) = await CreateAsync("second base");
        var ids = new List<string>();
        foreach (var (baseId, path) in new[] { (first, "Hubspot.Contacts"), (second, "Hubspot.All_Deals"), (first, "Hubspot.Blog_Comments") })
        {
            var created = await PostAsync("/sourceConnections", SourceBody(baseId, path));
            Assert.That(created.Status, Is.EqualTo(201), created.Text);
            ids.Add((string)created.Json!["id"]!);
        }

        var ofFirst = await GetAsync("/sourceConnections?property=baseConnectionId==" + first);
        Assert.That(ofFirst.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { ids[0], ids[2] }));
        var deals = await GetAsync("/sourceConnections?property=params.path==Hubspot.All_Deals");
        Assert.That(deals.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { ids[1] }));
        Assert.That((int?)(await GetAsync("/sourceConnections?count=true")).Json!["count"], Is.EqualTo(3));

        var page = await GetAsync("/sourceConnections?orderby=-createdAt&limit=2");
        Assert.That(page.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { ids[2], ids[1] }));
        Assert.That((string?)page.Json["_links"]!["next"]!["href"], Does.StartWith("/sourceConnections?orderby=-createdAt&limit=2&continuationToken="));
        var rest = await GetAsync((string)page.Json["_links"]!["next"]!["href"]!);
        Assert.That(rest.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { ids[0] }));

        // A token from one listing does not continue another.
        var token = ((string)page.Json["_links"]!["next"]!["href"]!).Split("continuationToken=")[1];
        AssertFlowError(await GetAsync("/flows?orderby=-createdAt&limit=2&continuationToken=" + token), 400, "1400");
    }

    private async Task<string> CreateNamedFlowAsync(Chain chain, string name, string? schedule = null)
    {
        var answer = await PostAsync("/flows", FlowBody(chain, schedule, name: name));
        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
        return (string)answer.Json!["id"]!;
    }

    private async Task<List<string>> FlowIdsAsync(string query)
    {
        var answer = await GetAsync("/flows" + query);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return answer.Json!["items"]!.Select(flow => (string)flow["id"]!).ToList();
    }
}
