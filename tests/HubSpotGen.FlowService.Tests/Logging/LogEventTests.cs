using HubSpotGen.FlowService.Tests.Resilience;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Logging;

/// <summary>Each log event under its documented id, level and category, and never with a secret in it.</summary>
public sealed class LogEventTests : ResilienceFixture
{
    [Test]
    public async Task A_call_logs_its_request_and_its_answer_with_the_services_request_id()
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithHeader("x-request-id", "req-4711").WithBody("""{ "count": 1 }"""));

        await Client(ResilientOptions()).ListConnectionsAsync(count: true);

        var entries = Logs.Entries.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(entry => entry.EventId.Id), Is.EqualTo(new[] { FlowServiceEventIds.RequestSending, FlowServiceEventIds.ResponseReceived }));
            Assert.That(entries.Select(entry => entry.Category), Is.All.EqualTo(FlowServiceEventIds.Category));
            Assert.That(entries.Select(entry => entry.Level), Is.All.EqualTo(LogLevel.Trace));
            Assert.That(entries.Select(entry => entry.EventId.Name), Is.EqualTo(new[] { "RequestSending", "ResponseReceived" }));
            Assert.That(entries[1].Text, Does.Contain("GET /data/foundation/flowservice/connections answered 200 (request id req-4711)"));
        });
        Assert.That(SecretHits([]), Is.Zero);
    }

    [Test]
    public async Task A_retry_is_one_warning_event()
    {
        Server.Given(Request.Create().UsingGet()).InScenario("retry").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().UsingGet()).InScenario("retry").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));

        await Client(ResilientOptions()).ListConnectionsAsync(count: true);

        var retry = Logs.Entries.Single(entry => entry.EventId.Id == FlowServiceEventIds.Retrying);
        Assert.Multiple(() =>
        {
            Assert.That(retry.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(retry.Text, Does.Contain("Retrying after 503").And.Contain("retry 1 of 3"));
        });
        Assert.That(SecretHits([]), Is.Zero);
    }

    [Test]
    public async Task An_ims_fetch_and_a_renewal_after_401_are_logged_without_the_token_or_secret()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "access_token": "{{ImsToken1}}", "expires_in": 86399 }"""));
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost()).InScenario("ims").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "access_token": "{{ImsToken2}}", "expires_in": 86399 }"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath).WithHeader("Authorization", "Bearer " + ImsToken1))
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "error_code": "401013", "message": "Oauth token is not valid" }"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath).WithHeader("Authorization", "Bearer " + ImsToken2))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));

        await Client(ImsOptions()).ListConnectionsAsync(count: true);

        var ids = Logs.Entries.Select(entry => entry.EventId.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Count(id => id == FlowServiceEventIds.FetchingImsToken), Is.EqualTo(2));
            Assert.That(ids.Count(id => id == FlowServiceEventIds.FetchedImsToken), Is.EqualTo(2));
            Assert.That(ids.Count(id => id == FlowServiceEventIds.RepeatingWithRenewedToken), Is.EqualTo(1));
            Assert.That(Logs.Entries.Single(entry => entry.EventId.Id == FlowServiceEventIds.RepeatingWithRenewedToken).Level, Is.EqualTo(LogLevel.Information));
            Assert.That(Logs.Entries.First(entry => entry.EventId.Id == FlowServiceEventIds.FetchingImsToken).Text, Does.Contain(Server.Url + ImsPath));
        });
        Assert.That(SecretHits([]), Is.Zero);
    }

    [Test]
    public async Task The_ims_address_is_logged_without_its_query()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "access_token": "{{ImsToken1}}", "expires_in": 86399 }"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));
        var options = ImsOptions();
        options.Ims!.TokenAddress = new Uri(Server.Url + ImsPath + "?client_secret=" + ImsClientSecret);

        await Client(options).ListConnectionsAsync(count: true);

        Assert.That(SecretHits([]), Is.Zero);
    }
}
