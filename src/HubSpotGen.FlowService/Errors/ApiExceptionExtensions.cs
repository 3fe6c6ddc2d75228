namespace HubSpotGen.FlowService;

/// <summary>Reads Flow Service errors from the generated client's exceptions.</summary>
public static class ApiExceptionExtensions
{
    /// <summary>The Flow Service view of <paramref name="exception"/>: status, code, title, detail, request id and capped body.</summary>
    /// <param name="exception">An error the generated client or the facade raised.</param>
    /// <returns>The view; never null, whatever the body looked like.</returns>
    public static FlowServiceError ToFlowServiceError(this ApiException exception) => FlowServiceError.From(exception);
}
