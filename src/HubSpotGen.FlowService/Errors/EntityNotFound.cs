namespace HubSpotGen.FlowService;

/// <summary>
/// Tells Flow Service's "no such entity" from every other 404. Flow Service says it with a FLOW-xxxx-404 code in
/// its error body (1101 for a resource), or in its shorter body, with the text "… not found with id = […]". A 404
/// without either (a wrong base path, a gateway's HTML page) is not an answer about the entity at all.
/// </summary>
internal static class EntityNotFound
{
    /// <summary>The codes of a 404 that means the sandbox, not the entity, does not exist: a configuration error.</summary>
    private static readonly string[] SandboxNotFoundCodes = ["FLOW-2100-404", "FLOW-2101-404"];

    public static bool Is(ApiException exception)
    {
        if (exception.StatusCode != 404)
        {
            return false;
        }

        var error = exception.ToFlowServiceError();
        if (error.Code is { } code)
        {
            return code.StartsWith("FLOW-", StringComparison.Ordinal)
                && code.EndsWith("-404", StringComparison.Ordinal)
                && !SandboxNotFoundCodes.Contains(code, StringComparer.Ordinal);
        }

        return error.Detail?.Contains(" not found with id", StringComparison.Ordinal) == true
            || error.Title?.Contains(" not found with id", StringComparison.Ordinal) == true;
    }
}
