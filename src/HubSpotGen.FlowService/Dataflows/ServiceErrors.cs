namespace HubSpotGen.FlowService;

/// <summary>
/// Each generated client has its own exception type; the dataflow facade hands callers one, Flow Service's, carrying
/// the other service's status, body and headers, with the original as the inner exception.
/// </summary>
internal static class ServiceErrors
{
    public static ApiException From(Catalog.ApiException exception) =>
        new(exception.Message, exception.StatusCode, exception.ResponseBody, exception.Headers, exception);

    public static ApiException From(DataPrep.ApiException exception) =>
        new(exception.Message, exception.StatusCode, exception.ResponseBody, exception.Headers, exception);
}
