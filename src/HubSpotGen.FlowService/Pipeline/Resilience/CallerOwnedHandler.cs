namespace HubSpotGen.FlowService;

/// <summary>
/// Puts a handler the caller passed in at the bottom of a chain the library owns, without taking it over:
/// disposing the chain leaves the caller's handler alone, since the caller may share it or dispose it later.
/// </summary>
internal sealed class CallerOwnedHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override void Dispose(bool disposing)
    {
        // Deliberately not base.Dispose(disposing), which would dispose the caller's handler.
    }
}
