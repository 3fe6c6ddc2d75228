using System.Text;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// IMS OAuth server-to-server, <c>POST /ims/token/v3</c>: the configured client id and secret get a bearer
/// token the gateway then accepts. Parameters are read from the form body, or from the query string as IMS
/// also allows; the body wins when both carry one.
/// </summary>
internal sealed class ImsTokenEndpoint(FlowServiceEmulatorOptions options, IssuedTokens tokens)
{
    public EmulatorResponse Handle(EmulatorRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Query)
        {
            parameters[pair.Key] = pair.Value;
        }

        foreach (var pair in EmulatorRequest.ParseQuery(Encoding.UTF8.GetString(request.Body)))
        {
            parameters[pair.Key] = pair.Value;
        }

        // The error descriptions name the parameter at fault, never its value: a mistyped secret is still a secret.
        if (!parameters.TryGetValue("client_id", out var clientId) || clientId.Length == 0)
        {
            return ErrorBodies.Ims(400, "invalid_request", "client_id is required");
        }

        if (!string.Equals(clientId, options.ClientId, StringComparison.Ordinal))
        {
            return ErrorBodies.Ims(400, "invalid_client", "invalid client_id parameter");
        }

        if (!parameters.TryGetValue("client_secret", out var secret) || !string.Equals(secret, options.ClientSecret, StringComparison.Ordinal))
        {
            return ErrorBodies.Ims(401, "invalid_client", "invalid client_secret parameter");
        }

        if (!parameters.TryGetValue("grant_type", out var grantType) || grantType != "client_credentials")
        {
            return ErrorBodies.Ims(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }

        var answer = new JObject
        {
            ["access_token"] = tokens.Issue(),
            ["token_type"] = "bearer",
            ["expires_in"] = (long)IssuedTokens.Lifetime.TotalSeconds,
        };
        return EmulatorResponse.Json(200, answer).WithHeader("Cache-Control", "no-store");
    }

    /// <summary>Only POST is served; the content is a token, so nothing else makes sense at this address.</summary>
    public static EmulatorResponse MethodNotAllowed(EmulatorRequest request) =>
        ErrorBodies.Ims(405, "invalid_request", "use POST with a form body, not " + request.Method)
            .WithHeader("Allow", "POST");
}
