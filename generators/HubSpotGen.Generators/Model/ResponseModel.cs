namespace HubSpotGen.Generators.Model;

/// <summary>A documented response of an operation.</summary>
/// <param name="StatusCode">The status code; for a range such as 4XX its first code; 0 for <c>default</c>.</param>
/// <param name="IsRange">Whether the spec gave a range such as 4XX rather than one code.</param>
/// <param name="IsSuccess">Whether it is a 2xx answer.</param>
/// <param name="Type">The JSON body's C# type, or null when there is no body the client reads.</param>
/// <param name="Description">The spec's description, if any.</param>
internal sealed record ResponseModel(int StatusCode, bool IsRange, bool IsSuccess, TypeRef? Type, string? Description);
