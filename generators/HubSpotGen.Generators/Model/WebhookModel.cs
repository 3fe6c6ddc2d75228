namespace HubSpotGen.Generators.Model;

/// <summary>A request the API sends to the user (an OpenAPI 3.1 webhook), which becomes a static method that reads its JSON body.</summary>
/// <param name="Key">The webhook's key in the spec, for documentation.</param>
/// <param name="HttpMethod">The upper-case HTTP method the API calls with.</param>
/// <param name="MethodName">The C# method name, <c>Parse</c> prefix included.</param>
/// <param name="PayloadType">The C# type of the body.</param>
/// <param name="Summary">The spec's summary, if any.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="Deprecated">Whether the spec marks the webhook deprecated.</param>
internal sealed record WebhookModel(
    string Key,
    string HttpMethod,
    string MethodName,
    TypeRef PayloadType,
    string? Summary,
    string? Description,
    bool Deprecated)
{
    /// <summary>The class a receiver reads webhook bodies with; the parser keeps its name free of schema types.</summary>
    public static string ClassName(string clientName) => clientName + "Webhooks";
}
