using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;

namespace HubSpotGen.FlowService;

/// <summary>
/// HubSpot dataflows: from a HubSpot base connection, through a source connection, a mapping set and a target
/// connection, into a Platform dataset; and their runs. Works over the three generated clients, which should share
/// one pipeline (<see cref="PlatformClients.Create"/>, or <c>AddFlowServiceClient</c>) so that every request carries
/// the same header policy, tokens, retries and redaction. Every method checks its arguments before anything is sent.
/// </summary>
/// <remarks>
/// Errors from Catalog and Data Prep surface as the same <see cref="ApiException"/> as Flow Service's, with the
/// other service's status, body and headers (the original is the inner exception), so one handler serves all three.
/// Every method is virtual, so a test can hand code that uses this class a subclass built with the protected
/// parameterless constructor.
/// </remarks>
public partial class HubSpotDataflows
{
    private readonly FlowServiceClient _flowService;
    private readonly CatalogClient _catalog;
    private readonly DataPrepClient _dataPrep;
    private readonly HubSpotConnections _connections;

    /// <summary>For mocking: a subclass overrides the methods its test calls; the others have no clients to send through.</summary>
    protected HubSpotDataflows()
    {
        _flowService = null!;
        _catalog = null!;
        _dataPrep = null!;
        _connections = null!;
    }

    /// <summary>Works through the three clients, whose HttpClient should carry the Platform header policy.</summary>
    /// <param name="flowService">Flow Service: connections, flows and runs.</param>
    /// <param name="catalog">Catalog: the dataset's schema.</param>
    /// <param name="dataPrep">Data Prep: mapping sets.</param>
    public HubSpotDataflows(FlowServiceClient flowService, CatalogClient catalog, DataPrepClient dataPrep)
    {
        ArgumentNullException.ThrowIfNull(flowService);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataPrep);
        _flowService = flowService;
        _catalog = catalog;
        _dataPrep = dataPrep;
        _connections = new HubSpotConnections(flowService);
    }

    /// <summary>Refuses <see cref="Guid.Empty"/>, which no entity has, before it turns into a request for <c>/flows/00000000-…</c>.</summary>
    private static void RequireId(Guid id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("The id must not be empty.", paramName);
        }
    }

    /// <summary>
    /// Deletes with a delete's truthful-retry rule: when an attempt's answer was lost and the repeat is answered
    /// "not found", the lost attempt deleted it, which is success. A "not found" to the first attempt is still an error.
    /// </summary>
    private static async Task DeleteAsync(Func<CancellationToken, Task> delete, CancellationToken cancellationToken)
    {
        var history = AttemptHistory.Begin();
        try
        {
            await delete(cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (history.RepeatedAfterLostAnswer && EntityNotFound.Is(exception))
        {
            // An attempt whose answer was lost deleted it; the repeat finding nothing is that success.
        }
    }
}
