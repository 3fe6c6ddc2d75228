namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What Adobe's gateway checks before Flow Service sees a request, in the gateway's order: token present,
/// token valid, API key present and valid, org present and valid. The first failure is the answer.
/// </summary>
internal sealed class GatewayCheck(FlowServiceEmulatorOptions options, IssuedTokens issuedTokens)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The refusal, or null when the request may go on to the service.</summary>
    public EmulatorResponse? Refusal(EmulatorRequest request)
    {
        var token = BearerToken(request.Header("Authorization"));
        if (token is null)
        {
            return ErrorBodies.Gateway(403, "403010", "Oauth token is missing.");
        }

        if (!string.Equals(token, options.AccessToken, StringComparison.Ordinal) && !issuedTokens.IsValid(token))
        {
            return ErrorBodies.Gateway(401, "401013", "Oauth token is not valid");
        }

        var apiKey = request.Header("x-api-key");
        if (string.IsNullOrEmpty(apiKey))
        {
            return ErrorBodies.Gateway(403, "403000", "Api Key is required");
        }

        if (!string.Equals(apiKey, options.ApiKey, StringComparison.Ordinal))
        {
            return ErrorBodies.Gateway(403, "403003", "Api Key is invalid");
        }

        var org = request.Header("x-gw-ims-org-id");
        if (string.IsNullOrEmpty(org))
        {
            return ErrorBodies.Gateway(400, "400003", "Missing header");
        }

        if (!string.Equals(org, options.ImsOrgId, StringComparison.Ordinal))
        {
            // The token is fine but not entitled for that org, which is what the gateway's 403025 says.
            return ErrorBodies.Gateway(403, "403025", "Profile is not valid");
        }

        return null;
    }

    /// <summary>The token of a <c>Bearer</c> header; null for no header, another scheme or an empty token, all of which the gateway calls "missing".</summary>
    private static string? BearerToken(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
