using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>
/// HubSpot base connections in Flow Service, over the generated <see cref="FlowServiceClient"/>: create, find,
/// read, update, delete and explore them. Every method checks its arguments before anything is sent.
/// </summary>
/// <remarks>
/// Every method is virtual, so a test can hand code that uses this class a subclass that overrides what it needs,
/// built with the protected parameterless constructor.
/// </remarks>
public partial class HubSpotConnections
{
    private readonly FlowServiceClient _client;

    /// <summary>For mocking: a subclass overrides the methods its test calls; the others have no client to send through.</summary>
    protected HubSpotConnections()
    {
        _client = null!;
    }

    /// <summary>Works through <paramref name="client"/>, whose HttpClient should carry the Platform header policy.</summary>
    public HubSpotConnections(FlowServiceClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Creates a HubSpot base connection and returns its id, its etag (quotes included, as the service sends it) and the request id.</summary>
    /// <param name="name">The connection's name; must not be blank.</param>
    /// <param name="credentials">The HubSpot app and OAuth values Flow Service stores.</param>
    /// <param name="description">An optional description; left out of the request when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The name is blank; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request.</exception>
    public virtual Task<CreatedConnection> CreateAsync(string name, HubSpotCredentials credentials, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(credentials);
        return CreateCoreAsync(name, credentials, description, cancellationToken);
    }

    private async Task<CreatedConnection> CreateCoreAsync(string name, HubSpotCredentials credentials, string? description, CancellationToken cancellationToken)
    {
        var history = AttemptHistory.Begin();
        var request = new CreateConnectionRequest
        {
            Name = name,
            Description = description,
            Auth = new AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = credentials.ToAuthParams() },
            ConnectionSpec = HubSpotConnectionSpec.Reference(),
        };
        var created = await _client.CreateConnectionAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CreatedConnection(created.Id, created.Etag) { RequestId = history.RequestId };
    }

    /// <summary>
    /// Removes the connection. Flow Service answers 204 with no body, and some of its endpoints 202 (accepted,
    /// finished later); both count as success.
    /// </summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <remarks>When an attempt's answer was lost and the repeat is answered "not found", the lost attempt deleted it: that is success. A "not found" to the first attempt is still an error.</remarks>
    /// <exception cref="ApiException">Flow Service refused, for example 404 for an unknown id or 400 while flows still use the connection.</exception>
    public virtual async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        var history = AttemptHistory.Begin();
        try
        {
            await _client.DeleteConnectionAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (history.RepeatedAfterLostAnswer && EntityNotFound.Is(exception))
        {
            // An attempt whose answer was lost deleted it; the repeat finding nothing is that success.
        }
    }

    /// <summary>Reads the HubSpot connection spec: its name, provider, version and the auth specs that say which params a connection needs.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The spec with id <see cref="HubSpotConnectionSpec.Id"/>.</returns>
    /// <exception cref="ApiException">Flow Service refused, or answered without the spec in its <c>items</c> envelope.</exception>
    public virtual async Task<ConnectionSpec> GetSpecAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "GET /connectionSpecs/{connectionSpecId}";
        var answer = await _client.GetConnectionSpecAsync(HubSpotConnectionSpec.IdAsGuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = answer.Items ?? [];
        foreach (var spec in items)
        {
            if (spec.Id == HubSpotConnectionSpec.IdAsGuid)
            {
                return spec;
            }
        }

        // The service was asked for one id, so a lone item of another id is still its answer; an empty envelope is not.
        return items.Count == 1 ? items[0] : throw UnexpectedAnswer.Create(Operation, "an items envelope without the HubSpot connection spec");
    }

    /// <summary>Refuses <see cref="Guid.Empty"/>, which no connection has, before it turns into a request for <c>/connections/00000000-…</c>.</summary>
    private static void RequireId(Guid id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("The connection id must not be empty.", paramName);
        }
    }
}
