namespace HubSpotGen.FlowService;

/// <summary>HubSpot base connections in Flow Service, over the generated <see cref="FlowServiceClient"/>.</summary>
public sealed class HubSpotConnections
{
    private readonly FlowServiceClient _client;

    /// <summary>Works through <paramref name="client"/>, whose HttpClient should carry the Platform header policy.</summary>
    public HubSpotConnections(FlowServiceClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Creates a HubSpot base connection and returns its id and etag (quotes included, as the service sends it).</summary>
    /// <param name="name">The connection's name; must not be blank.</param>
    /// <param name="credentials">The HubSpot app and OAuth values Flow Service stores.</param>
    /// <param name="description">An optional description; left out of the request when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The name is blank; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request.</exception>
    public Task<EntityReference> CreateAsync(string name, HubSpotCredentials credentials, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(credentials);
        var request = new CreateConnectionRequest
        {
            Name = name,
            Description = description,
            Auth = new AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = credentials.ToAuthParams() },
            ConnectionSpec = HubSpotConnectionSpec.Reference(),
        };
        return _client.CreateConnectionAsync(request, cancellationToken: cancellationToken);
    }
}
