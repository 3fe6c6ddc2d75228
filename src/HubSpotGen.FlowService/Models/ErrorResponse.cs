using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace HubSpotGen.FlowService.Models;

/// <summary>Reads the two error shapes Platform sends, the gateway's and Flow Service's, as one.</summary>
public sealed partial class ErrorResponse
{
    /// <summary>
    /// The service's error code: the gateway's <c>error_code</c> (such as 401013), or the FLOW-xxxx-yyy
    /// code at the end of Flow Service's <c>type</c> URI.
    /// </summary>
    [JsonIgnore]
    public string? Code => !string.IsNullOrEmpty(ErrorCode) ? ErrorCode : Type is null ? null : FlowCodePattern().Match(Type) is { Success: true } match ? match.Value : null;

    /// <summary>The short human text: Flow Service's title, or the gateway's message.</summary>
    [JsonIgnore]
    public string? Summary => Title ?? Message ?? ErrorMessage;

    [GeneratedRegex(@"FLOW-\d+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex FlowCodePattern();
}
