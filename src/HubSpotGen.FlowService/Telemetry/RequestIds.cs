namespace HubSpotGen.FlowService;

/// <summary>The service's id of one answer: what Adobe support asks for, and safe to show, since it carries no credential.</summary>
internal static class RequestIds
{
    /// <summary>The header Platform names each answer's request id in.</summary>
    public const string Header = "x-request-id";

    /// <summary>The answer's request id; null for no answer or none in it.</summary>
    public static string? Of(HttpResponseMessage? response) =>
        response is not null && response.Headers.TryGetValues(Header, out var values) ? values.FirstOrDefault() : null;
}
