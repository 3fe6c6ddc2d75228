using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>One line for stderr about a failed call: status, the service's error code, and its title.</summary>
internal static class ServiceErrorReport
{
    public static string Describe(ApiException exception)
    {
        var error = (exception as ApiException<ErrorResponse>)?.Error;
        var code = error?.Code ?? "no error code";
        var title = error?.Summary ?? "no error title";
        return $"error: Flow Service answered {exception.StatusCode}: {code}: {title}";
    }
}
