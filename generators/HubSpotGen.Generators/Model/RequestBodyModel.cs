namespace HubSpotGen.Generators.Model;

/// <summary>How a request body goes on the wire.</summary>
internal enum RequestBodyKind
{
    /// <summary>Serialized as JSON.</summary>
    Json,
    /// <summary>An object's properties as application/x-www-form-urlencoded fields.</summary>
    Form,
    /// <summary>An object's properties as multipart/form-data parts; byte arrays go as files.</summary>
    Multipart,
    /// <summary>A stream sent as it is (application/octet-stream and other binary types).</summary>
    Binary,
    /// <summary>A string sent as it is (text/plain and other text types).</summary>
    Text,
}

/// <summary>A request body.</summary>
/// <param name="CSharpName">The C# parameter name.</param>
/// <param name="MediaType">The media type sent in Content-Type.</param>
/// <param name="Kind">How the value is written.</param>
/// <param name="Type">The C# type of the body.</param>
/// <param name="Required">Whether the caller must give it.</param>
/// <param name="Description">The spec's description, if any.</param>
internal sealed record RequestBodyModel(
    string CSharpName,
    string MediaType,
    RequestBodyKind Kind,
    TypeRef Type,
    bool Required,
    string? Description);
