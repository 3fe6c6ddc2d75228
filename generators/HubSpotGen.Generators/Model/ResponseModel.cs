namespace HubSpotGen.Generators.Model;

/// <summary>How a response body is read.</summary>
internal enum ResponseBodyKind
{
    /// <summary>No body the client reads.</summary>
    None,
    /// <summary>JSON, read into <see cref="ResponseModel.Type"/>.</summary>
    Json,
    /// <summary>Text, read into a string.</summary>
    Text,
    /// <summary>Anything else, read into a byte array.</summary>
    Binary,
}

/// <summary>A documented response of an operation.</summary>
/// <param name="StatusCode">The status code; for a range such as 4XX its first code; 0 for <c>default</c>.</param>
/// <param name="IsRange">Whether the spec gave a range such as 4XX rather than one code.</param>
/// <param name="IsSuccess">Whether it is a 2xx answer.</param>
/// <param name="Kind">How the body is read.</param>
/// <param name="Type">The body's C# type, or null when <paramref name="Kind"/> is None.</param>
/// <param name="Description">The spec's description, if any.</param>
internal sealed record ResponseModel(int StatusCode, bool IsRange, bool IsSuccess, ResponseBodyKind Kind, TypeRef? Type, string? Description);
