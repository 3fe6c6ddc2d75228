using System.Net.Http.Headers;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>The gateway's checks, each failing alone, in the order the gateway applies them.</summary>
public sealed class GatewayTests : EmulatorFixture
{
    [Test]
    public async Task A_request_with_every_header_reaches_the_service()
    {
        var answer = await GetAsync("/connections");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(answer.Text, Is.EqualTo("""{"items":[]}"""));
        Assert.That(answer.ContentType, Is.EqualTo("application/json"));
        Assert.That(answer.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task No_authorization_is_403010()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = null;

        AssertGatewayError(await SendAsync(request), 403, "403010", "Oauth token is missing.");
    }

    [Test]
    public async Task Another_scheme_than_bearer_counts_as_missing()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Emulator.Options.AccessToken);

        AssertGatewayError(await SendAsync(request), 403, "403010", "Oauth token is missing.");
    }

    [Test]
    public async Task A_wrong_token_is_401013()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        AssertGatewayError(await SendAsync(request), 401, "401013", "Oauth token is not valid");
    }

    [Test]
    public async Task The_token_is_checked_before_the_api_key()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        request.Headers.Remove("x-api-key");

        AssertGatewayError(await SendAsync(request), 401, "401013", "Oauth token is not valid");
    }

    [Test]
    public async Task No_api_key_is_403000()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Remove("x-api-key");

        AssertGatewayError(await SendAsync(request), 403, "403000", "Api Key is required");
    }

    [Test]
    public async Task A_wrong_api_key_is_403003()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Remove("x-api-key");
        request.Headers.TryAddWithoutValidation("x-api-key", "other-key");

        AssertGatewayError(await SendAsync(request), 403, "403003", "Api Key is invalid");
    }

    [Test]
    public async Task No_org_is_400003()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Remove("x-gw-ims-org-id");

        AssertGatewayError(await SendAsync(request), 400, "400003", "Missing header");
    }

    [Test]
    public async Task A_wrong_org_is_403025()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Remove("x-gw-ims-org-id");
        request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", "OTHER@AdobeOrg");

        AssertGatewayError(await SendAsync(request), 403, "403025", "Profile is not valid");
    }

    [Test]
    public async Task No_sandbox_name_is_FLOW_2105_400()
    {
        AssertFlowError(await GetAsync("/connections", sandbox: null), 400, "2105");
    }

    [Test]
    public async Task The_gateway_checks_every_route_including_unknown_ones()
    {
        var request = Request(HttpMethod.Get, "/nothing-here");
        request.Headers.Authorization = null;

        AssertGatewayError(await SendAsync(request), 403, "403010", "Oauth token is missing.");
    }

    [Test]
    public async Task An_unknown_route_under_the_base_path_is_a_404_without_a_FLOW_code()
    {
        AssertNoRoute(await GetAsync("/nothingHere"), "GET /data/foundation/flowservice/nothingHere");
        AssertNoRoute(await SendAsync(Request(HttpMethod.Patch, "/runs")), "PATCH /data/foundation/flowservice/runs");
        AssertNoRoute(await SendAsync(Request(HttpMethod.Put, "/connections")), "PUT /data/foundation/flowservice/connections");
    }

    [Test]
    public async Task A_path_outside_the_service_is_a_404_without_a_FLOW_code_or_gateway_checks()
    {
        using var response = await Http.GetAsync(new Uri(Emulator.Url + "/somewhere/else"));
        var answer = await Answer.ReadAsync(response);

        AssertNoRoute(answer, "GET /somewhere/else");
    }

    // A wrong route is not Flow Service's "no such entity": clients that read FLOW-xxxx-404 as "not there" must see the difference.
    private static void AssertNoRoute(Answer answer, string route)
    {
        Assert.That(answer.Status, Is.EqualTo(404));
        JsonAssert.AreEquivalent($$"""{ "status": 404, "title": "Not Found", "detail": "The emulator has no route for {{route}}." }""", answer.Text);
    }

    [Test]
    public async Task A_sent_request_id_is_echoed_and_otherwise_one_is_made_up()
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.TryAddWithoutValidation("x-request-id", "my-correlation-id");

        Assert.That((await SendAsync(request)).RequestId, Is.EqualTo("my-correlation-id"));
        var first = (await GetAsync("/connections")).RequestId;
        var second = (await GetAsync("/connections")).RequestId;
        Assert.That(first, Is.Not.Empty);
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Options_are_copied_at_start()
    {
        var options = new FlowServiceEmulatorOptions { AccessToken = "first" };
        using var emulator = FlowServiceEmulator.Start(options);
        options.AccessToken = "second";

        Assert.That(emulator.Options.AccessToken, Is.EqualTo("first"));
        Assert.That(emulator.Options, Is.Not.SameAs(options));
    }

    [Test]
    public void Blank_options_are_refused_at_start()
    {
        var error = Assert.Throws<ArgumentException>(() => FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { ApiKey = " ", Port = 0 }));

        Assert.That(error!.Message, Does.Contain("ApiKey").And.Contain("Port"));
    }

    [Test]
    public void The_addresses_are_loopback_and_under_the_documented_paths()
    {
        Assert.That(Emulator.Url, Does.StartWith("http://127.0.0.1:"));
        Assert.That(Emulator.BaseAddress.ToString(), Is.EqualTo(Emulator.Url + "/data/foundation/flowservice"));
        Assert.That(Emulator.ImsTokenAddress.ToString(), Is.EqualTo(Emulator.Url + "/ims/token/v3"));
    }
}
