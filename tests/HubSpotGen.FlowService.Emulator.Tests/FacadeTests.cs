using HubSpotGen.FlowService.Emulator;
using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>
/// The library's facade, built the way a user builds it, against the emulator: the two are independent
/// implementations of the same service, so these tests catch either one drifting from it.
/// </summary>
public sealed class FacadeTests
{
    private const string HubSpotSpecId = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";

    /// <summary>Retries as in production, with short backoff so failures ride over quickly; Retry-After is still honoured.</summary>
    private static FlowServiceResilienceOptions QuickRetries() => new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private readonly List<HttpClient> _httpClients = [];
    private FlowServiceEmulator? _emulator;

    private FlowServiceEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not running.");

    [SetUp]
    public void StartEmulator() => _emulator = FlowServiceEmulator.Start();

    [TearDown]
    public void StopEmulator()
    {
        _httpClients.ForEach(http => http.Dispose());
        _httpClients.Clear();
        _emulator?.Dispose();
    }

    /// <summary>The facade over a client built the way a user builds one, pointed at this test's emulator.</summary>
    private HubSpotConnections Connections(string sandbox = "prod", FlowServiceResilienceOptions? resilience = null, ImsCredentials? ims = null)
    {
        var http = PlatformHttpClient.Create(new PlatformOptions
        {
            BaseAddress = Emulator.BaseAddress,
            AccessToken = ims is null ? Emulator.Options.AccessToken : null,
            Ims = ims,
            ApiKey = Emulator.Options.ApiKey,
            ImsOrgId = Emulator.Options.ImsOrgId,
            SandboxName = sandbox,
            Resilience = resilience,
        });
        _httpClients.Add(http);
        return new HubSpotConnections(new FlowServiceClient(http));
    }

    private static HubSpotCredentials Credentials(string suffix) =>
        new("hubspot-client-" + suffix, "hubspot-secret-" + suffix, "hubspot-access-" + suffix, "hubspot-refresh-" + suffix);

    [Test]
    public async Task A_connection_lives_through_create_read_list_explore_update_and_delete()
    {
        var connections = Connections();

        var created = await connections.CreateAsync("HubSpot base connection", Credentials("v1"), "marketing account");
        Assert.That(Emulator.ConnectionCount("prod"), Is.EqualTo(1));

        var read = await connections.GetAsync(created.Id);
        Assert.That(read, Is.Not.Null);
        Assert.That(read!.Name, Is.EqualTo("HubSpot base connection"));
        Assert.That(read.Description, Is.EqualTo("marketing account"));
        Assert.That(read.State, Is.EqualTo(ConnectionState.Enabled));
        Assert.That(read.ConnectionSpec.Id, Is.EqualTo(Guid.Parse(HubSpotSpecId)));
        Assert.That(read.Etag, Is.EqualTo(created.Etag));
        Assert.That(read.Version, Is.EqualTo(created.Etag));
        Assert.That(read.SandboxName, Is.EqualTo("prod"));
        Assert.That((string?)read.Auth!.Params["clientId"], Is.EqualTo("hubspot-client-v1"));
        Assert.That((string?)read.Auth.Params["clientSecret"], Is.Not.EqualTo("hubspot-secret-v1"));

        var listed = new List<Connection>();
        await foreach (var connection in connections.ListAsync())
        {
            listed.Add(connection);
        }

        Assert.That(listed.Select(connection => connection.Id), Is.EqualTo(new[] { created.Id }));
        Assert.That(await connections.CountAsync(), Is.EqualTo(1));

        var tables = await connections.ExploreAsync(created.Id);
        Assert.That(tables.Select(table => table.Path), Does.Contain("Hubspot.Contacts"));
        var columns = await connections.ExploreTableAsync(created.Id, "Hubspot.Contacts");
        Assert.That(columns.Select(column => column.Name), Does.Contain("Properties_Firstname_Value"));

        var afterCredentials = await connections.UpdateCredentialsAsync(created.Id, read.Etag, Credentials("v2"));
        var afterRename = await connections.RenameAsync(created.Id, afterCredentials.Etag, "HubSpot (renamed)");
        var afterDescription = await connections.UpdateDescriptionAsync(created.Id, afterRename.Etag, "rotated");
        Assert.That(new[] { created.Etag, afterCredentials.Etag, afterRename.Etag, afterDescription.Etag }, Is.Unique);

        var updated = await connections.GetAsync(created.Id);
        Assert.That(updated!.Name, Is.EqualTo("HubSpot (renamed)"));
        Assert.That(updated.Description, Is.EqualTo("rotated"));
        Assert.That((string?)updated.Auth!.Params["clientId"], Is.EqualTo("hubspot-client-v2"));
        Assert.That(updated.Etag, Is.EqualTo(afterDescription.Etag));
        Assert.That(updated.UpdatedAt, Is.GreaterThan(read.UpdatedAt!.Value));

        await connections.DeleteAsync(created.Id);

        Assert.That(await connections.GetAsync(created.Id), Is.Null);
        Assert.That(await connections.CountAsync(), Is.Zero);
        var again = Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => connections.DeleteAsync(created.Id));
        Assert.That(again!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task ListAsync_pages_through_five_connections_two_at_a_time()
    {
        var connections = Connections();
        var ids = new List<Guid>();
        for (var index = 1; index <= 5; index++)
        {
            ids.Add((await connections.CreateAsync("connection " + index, Credentials(index.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Id);
        }

        var listed = new List<Guid>();
        await foreach (var connection in connections.ListAsync(new ConnectionQuery { PageSize = 2 }))
        {
            listed.Add(connection.Id);
        }

        var pageSizes = new List<int>();
        await foreach (var page in connections.ListPagesAsync(new ConnectionQuery { PageSize = 2 }))
        {
            pageSizes.Add(page.Items!.Count);
        }

        Assert.That(listed, Is.EqualTo(ids), "every connection once, in creation order");
        Assert.That(pageSizes, Is.EqualTo(new[] { 2, 2, 1 }));
    }

    [Test]
    public async Task Filters_and_order_go_through_the_facade()
    {
        var connections = Connections();
        foreach (var name in new[] { "alpha", "bravo", "charlie", "delta" })
        {
            await connections.CreateAsync(name, Credentials(name));
        }

        var query = new ConnectionQuery { Filters = ["name==alpha,charlie,delta", "name!=delta"], OrderBy = "-name", PageSize = 1 };
        var names = new List<string>();
        await foreach (var connection in connections.ListAsync(query))
        {
            names.Add(connection.Name);
        }

        Assert.That(names, Is.EqualTo(new[] { "charlie", "alpha" }));
        Assert.That(await connections.CountAsync(new ConnectionQuery { Filters = ["name>=bravo"] }), Is.EqualTo(3));
    }

    [Test]
    public async Task A_stale_etag_raises_PreconditionFailedException()
    {
        var connections = Connections();
        var created = await connections.CreateAsync("raced", Credentials("a"));
        await connections.RenameAsync(created.Id, created.Etag, "first writer");

        var refusal = Assert.ThrowsAsync<PreconditionFailedException>(() => connections.RenameAsync(created.Id, created.Etag, "second writer"));

        Assert.That(refusal!.StatusCode, Is.EqualTo(412));
        Assert.That(refusal.SuppliedEtag, Is.EqualTo(created.Etag));
        Assert.That(refusal.ToFlowServiceError().Code, Does.Contain("1404"));
        Assert.That((await connections.GetAsync(created.Id))!.Name, Is.EqualTo("first writer"));
    }

    [Test]
    public async Task A_description_can_be_set_on_a_connection_created_without_one()
    {
        var connections = Connections();
        var created = await connections.CreateAsync("bare", Credentials("a"));

        await connections.UpdateDescriptionAsync(created.Id, created.Etag, "added later");

        Assert.That((await connections.GetAsync(created.Id))!.Description, Is.EqualTo("added later"));
    }

    [Test]
    public async Task GetSpecAsync_reads_the_HubSpot_spec()
    {
        var connections = Connections();

        var spec = await connections.GetSpecAsync();

        Assert.That(spec.Id, Is.EqualTo(Guid.Parse(HubSpotSpecId)));
        Assert.That(spec.Name, Is.EqualTo("hubspot"));
        Assert.That(spec.ProviderId, Is.EqualTo(Guid.Parse("0ed90a81-07f4-4586-8190-b40eccef1c5a")));
        Assert.That(spec.AuthSpec!.Single().Name, Is.EqualTo("Basic Authentication"));
    }

    [Test]
    public async Task Sandboxes_seen_through_two_clients_are_separate()
    {
        var prod = Connections("prod");
        var dev = Connections("dev");

        var created = await prod.CreateAsync("prod only", Credentials("a"));

        Assert.That(await dev.GetAsync(created.Id), Is.Null);
        Assert.That(await dev.CountAsync(), Is.Zero);
        Assert.That(await prod.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_resilience_pipeline_rides_over_a_throttle_honouring_retry_after()
    {
        var connections = Connections(resilience: QuickRetries());
        var created = await connections.CreateAsync("throttled", Credentials("a"));
        Emulator.Throttle(1, TimeSpan.FromSeconds(1));

        var read = await connections.GetAsync(created.Id);

        Assert.That(read!.Name, Is.EqualTo("throttled"));
        Assert.That(await connections.CountAsync(), Is.EqualTo(1), "the throttle was used up by the first attempt");
    }

    [Test]
    public async Task The_resilience_pipeline_rides_over_two_failures_on_a_get()
    {
        var connections = Connections(resilience: QuickRetries());
        var created = await connections.CreateAsync("flaky", Credentials("a"));
        Emulator.FailNext(2);

        var read = await connections.GetAsync(created.Id);

        Assert.That(read!.Name, Is.EqualTo("flaky"));
    }

    [Test]
    public async Task A_failed_create_is_not_repeated_but_a_throttled_one_is()
    {
        var connections = Connections(resilience: QuickRetries());

        Emulator.FailNext(1);
        var failure = Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => connections.CreateAsync("once", Credentials("a")));
        Assert.That(failure!.StatusCode, Is.EqualTo(503));
        Assert.That(failure.ToFlowServiceError().Code, Does.Contain("1103"));
        Assert.That(Emulator.ConnectionCount("prod"), Is.Zero);

        Emulator.Throttle(1, TimeSpan.FromSeconds(1));
        await connections.CreateAsync("after throttle", Credentials("b"));
        Assert.That(Emulator.ConnectionCount("prod"), Is.EqualTo(1), "a 429 means nothing was done, so the create was retried, once");
    }

    [Test]
    public async Task Without_resilience_a_failure_surfaces_with_the_request_id()
    {
        var connections = Connections();
        Emulator.FailNext(1);

        var failure = Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => connections.CountAsync());
        var view = failure!.ToFlowServiceError();

        Assert.That(view.Status, Is.EqualTo(503));
        Assert.That(view.IsTransient, Is.True);
        Assert.That(view.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task IMS_client_credentials_get_a_token_the_service_accepts()
    {
        var ims = new ImsCredentials
        {
            ClientId = Emulator.Options.ClientId,
            ClientSecret = Emulator.Options.ClientSecret,
            TokenAddress = Emulator.ImsTokenAddress,
        };
        var connections = Connections(ims: ims);

        var created = await connections.CreateAsync("via IMS", Credentials("a"));

        Assert.That((await connections.GetAsync(created.Id))!.Name, Is.EqualTo("via IMS"));
    }

    [Test]
    public void A_wrong_IMS_secret_fails_without_reaching_the_service()
    {
        var ims = new ImsCredentials
        {
            ClientId = Emulator.Options.ClientId,
            ClientSecret = "not-the-secret",
            TokenAddress = Emulator.ImsTokenAddress,
        };
        var connections = Connections(ims: ims);

        var failure = Assert.ThrowsAsync<ImsTokenException>(() => connections.CountAsync());

        Assert.That(failure!.StatusCode, Is.EqualTo(401));
        Assert.That(failure.Error, Is.EqualTo("invalid_client"));
        Assert.That(failure.ToString(), Does.Not.Contain("not-the-secret"));
    }
}
