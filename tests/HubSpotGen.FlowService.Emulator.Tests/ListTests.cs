using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>Listing: paging by continuation link, count, filters (comma is or, repeats are and) and order.</summary>
public sealed class ListTests : EmulatorFixture
{
    private static IEnumerable<string?> Names(Answer answer) => answer.Json!["items"]!.Select(item => (string?)item["name"]);

    private async Task CreateNamedAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await CreateAsync(name, description: name.StartsWith('b') ? "b-ish" : null);
        }
    }

    [Test]
    public async Task Without_a_limit_every_connection_comes_in_creation_order_and_without_links()
    {
        await CreateNamedAsync("charlie", "alpha", "bravo");

        var answer = await GetAsync("/connections");

        Assert.That(Names(answer), Is.EqualTo(new[] { "charlie", "alpha", "bravo" }));
        Assert.That(answer.Object.ContainsKey("_links"), Is.False);
    }

    [Test]
    public async Task A_limit_pages_through_next_links_across_three_pages()
    {
        await CreateNamedAsync("c1", "c2", "c3", "c4", "c5");
        var filter = Uri.EscapeDataString("connectionSpec.id==" + HubSpotSpecId);

        var pages = new List<Answer>();
        var route = "/connections?property=" + filter + "&limit=2";
        while (route is not null)
        {
            var page = await GetAsync(route);
            Assert.That(page.Status, Is.EqualTo(200), page.Text);
            pages.Add(page);
            route = (string?)page.Json!["_links"]?["next"]?["href"];
            Assert.That(pages, Has.Count.LessThanOrEqualTo(3), "no endless paging");
        }

        Assert.That(pages.Select(page => Names(page).ToArray()), Is.EqualTo(new[] { new[] { "c1", "c2" }, new[] { "c3", "c4" }, new[] { "c5" } }));
        var firstNext = (string)pages[0].Json!["_links"]!["next"]!["href"]!;
        Assert.That(firstNext, Does.StartWith("/connections?"));
        Assert.That(firstNext, Does.Contain("property=" + filter), "the next link repeats the query");
        Assert.That(firstNext, Does.Contain("limit=2"));
        Assert.That(firstNext, Does.Contain("continuationToken="));
        Assert.That((string?)pages[1].Json!["_links"]!["next"]!["href"], Is.Not.EqualTo(firstNext));
    }

    [Test]
    public async Task A_limit_that_fits_exactly_has_no_next_link()
    {
        await CreateNamedAsync("a", "b");

        var answer = await GetAsync("/connections?limit=2");

        Assert.That(Names(answer), Has.Exactly(2).Items);
        Assert.That(answer.Object.ContainsKey("_links"), Is.False);
    }

    [Test]
    public async Task A_token_only_fits_the_listing_it_came_from()
    {
        await CreateNamedAsync("a", "b", "c");
        var next = (string)(await GetAsync("/connections?limit=1&orderby=name"))!.Json!["_links"]!["next"]!["href"]!;
        var token = next[(next.IndexOf("continuationToken=", StringComparison.Ordinal) + "continuationToken=".Length)..];

        AssertFlowError(await GetAsync("/connections?limit=1&orderby=-name&continuationToken=" + token), 400, "1400");
        AssertFlowError(await GetAsync("/connections?limit=1&orderby=name&continuationToken=" + token, sandbox: "dev"), 400, "1400");
        AssertFlowError(await GetAsync("/connections?continuationToken=garbage!"), 400, "1400");
        Assert.That(Names(await GetAsync("/connections?limit=1&orderby=name&continuationToken=" + token)), Is.EqualTo(new[] { "b" }));
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("ten")]
    public async Task A_limit_outside_1_to_100_is_refused(string limit)
    {
        AssertFlowError(await GetAsync("/connections?limit=" + limit), 400, "1400");
    }

    [Test]
    public async Task Count_answers_only_the_number_of_matches()
    {
        await CreateNamedAsync("a", "b", "c");

        var all = await GetAsync("/connections?count=true");
        var filtered = await GetAsync("/connections?count=true&property=" + Uri.EscapeDataString("name==a,b"));

        Assert.That(all.Text, Is.EqualTo("""{"count":3}"""));
        Assert.That(filtered.Text, Is.EqualTo("""{"count":2}"""));
    }

    [Test]
    public async Task Limit_and_count_together_is_FLOW_1401_400_but_count_false_is_a_list()
    {
        AssertFlowError(await GetAsync("/connections?limit=2&count=true"), 400, "1401");
        Assert.That((await GetAsync("/connections?limit=2&count=false")).Object.ContainsKey("items"), Is.True);
    }

    [Test]
    public async Task A_comma_means_or_within_one_filter()
    {
        await CreateNamedAsync("alpha", "bravo", "charlie");

        var answer = await GetAsync("/connections?property=" + Uri.EscapeDataString("name==alpha,charlie"));

        Assert.That(Names(answer), Is.EqualTo(new[] { "alpha", "charlie" }));
    }

    [Test]
    public async Task Repeated_property_parameters_must_all_hold()
    {
        await CreateNamedAsync("alpha", "bravo", "beta", "charlie");

        var answer = await GetAsync("/connections?property=" + Uri.EscapeDataString("name==alpha,bravo,beta") + "&property=" + Uri.EscapeDataString("description==b-ish"));

        Assert.That(Names(answer), Is.EqualTo(new[] { "bravo", "beta" }));
    }

    [Test]
    public async Task Not_equal_excludes_every_listed_value_and_matches_a_missing_field()
    {
        await CreateNamedAsync("alpha", "bravo", "charlie");

        var byName = await GetAsync("/connections?property=" + Uri.EscapeDataString("name!=alpha,charlie"));
        var byDescription = await GetAsync("/connections?property=" + Uri.EscapeDataString("description!=b-ish"));

        Assert.That(Names(byName), Is.EqualTo(new[] { "bravo" }));
        Assert.That(Names(byDescription), Is.EqualTo(new[] { "alpha", "charlie" }));
    }

    [Test]
    public async Task Range_operators_compare_strings()
    {
        await CreateNamedAsync("alpha", "bravo", "charlie");

        Assert.That(Names(await GetAsync("/connections?property=" + Uri.EscapeDataString("name>alpha"))), Is.EqualTo(new[] { "bravo", "charlie" }));
        Assert.That(Names(await GetAsync("/connections?property=" + Uri.EscapeDataString("name>=bravo"))), Is.EqualTo(new[] { "bravo", "charlie" }));
        Assert.That(Names(await GetAsync("/connections?property=" + Uri.EscapeDataString("name<bravo"))), Is.EqualTo(new[] { "alpha" }));
        Assert.That(Names(await GetAsync("/connections?property=" + Uri.EscapeDataString("name<=bravo"))), Is.EqualTo(new[] { "alpha", "bravo" }));
    }

    [Test]
    public async Task Filters_on_id_spec_and_state()
    {
        var (first, _) = await CreateAsync("first");
        var (second, _) = await CreateAsync("second");
        await CreateAsync("third");

        var byId = await GetAsync("/connections?property=" + Uri.EscapeDataString($"id=={first},{second.ToUpperInvariant()}"));
        var bySpec = await GetAsync("/connections?property=" + Uri.EscapeDataString("connectionSpec.id==" + HubSpotSpecId));
        var otherSpec = await GetAsync("/connections?property=" + Uri.EscapeDataString("connectionSpec.id==c604ff05-7f1a-43c0-8e18-33bf874cb11c"));
        var disabled = await GetAsync("/connections?property=" + Uri.EscapeDataString("state==disabled"));

        Assert.That(Names(byId), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(Names(bySpec), Has.Exactly(3).Items);
        Assert.That(Names(otherSpec), Is.Empty);
        Assert.That(Names(disabled), Is.Empty);
    }

    [Test]
    public async Task An_unknown_filter_field_is_FLOW_1449_400()
    {
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("auth.params.clientSecret==x")), 400, "1449");
    }

    [Test]
    public async Task Filter_operator_and_value_errors()
    {
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("name~abc")), 400, "1440");
        AssertFlowError(await GetAsync("/connections?property=name"), 400, "1450");
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("name==")), 400, "1453");
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("name<=a,b")), 400, "1443");
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("createdAt>yesterday")), 400, "1452");
        AssertFlowError(await GetAsync("/connections?property=" + Uri.EscapeDataString("id>=" + Guid.NewGuid())), 400, "1448");
    }

    [Test]
    public async Task An_unknown_query_parameter_on_a_list_is_FLOW_1451_400()
    {
        await CreateNamedAsync("listed");

        var answer = await GetAsync("/connections?limit=1&start=0");

        AssertFlowError(answer, 400, "1451");
        Assert.That((string?)answer.Json!["errorMessage"], Does.Contain("'start'"));
    }

    [Test]
    public async Task Orderby_sorts_ascending_with_or_without_plus_and_descending_with_minus()
    {
        await CreateNamedAsync("bravo", "Alpha", "charlie");

        Assert.That(Names(await GetAsync("/connections?orderby=name")), Is.EqualTo(new[] { "Alpha", "bravo", "charlie" }));
        Assert.That(Names(await GetAsync("/connections?orderby=%2Bname")), Is.EqualTo(new[] { "Alpha", "bravo", "charlie" }));
        Assert.That(Names(await GetAsync("/connections?orderby=+name")), Is.EqualTo(new[] { "Alpha", "bravo", "charlie" }), "an unescaped plus decodes to a space");
        Assert.That(Names(await GetAsync("/connections?orderby=-name")), Is.EqualTo(new[] { "charlie", "bravo", "Alpha" }));
        Assert.That(Names(await GetAsync("/connections?orderby=-createdAt")), Is.EqualTo(new[] { "charlie", "Alpha", "bravo" }));
    }

    [Test]
    public async Task Orderby_pages_keep_the_order()
    {
        await CreateNamedAsync("e", "d", "c", "b", "a");

        var first = await GetAsync("/connections?orderby=-name&limit=3");
        var second = await GetAsync((string)first.Json!["_links"]!["next"]!["href"]!);

        Assert.That(Names(first).Concat(Names(second)), Is.EqualTo(new[] { "e", "d", "c", "b", "a" }));
    }

    [Test]
    public async Task An_unknown_orderby_field_is_FLOW_1433_400_and_an_empty_one_FLOW_1432_400()
    {
        AssertFlowError(await GetAsync("/connections?orderby=auth"), 400, "1433");
        AssertFlowError(await GetAsync("/connections?orderby="), 400, "1432");
        AssertFlowError(await GetAsync("/connections?orderby=-"), 400, "1432");
    }

    [Test]
    public async Task Listed_connections_have_the_same_shape_as_a_get()
    {
        var (id, _) = await CreateAsync("shape");

        var listed = (JObject)(await GetAsync("/connections")).Json!["items"]![0]!;

        Assert.That(JToken.DeepEquals(listed, await ReadConnectionAsync(id)), Is.True);
    }
}
