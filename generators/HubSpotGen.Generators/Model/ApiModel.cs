namespace HubSpotGen.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one client. It is the output of the parse step and is
/// compared by value between runs: it must hold only strings, numbers, enums, other records of this
/// folder and <see cref="EquatableArray{T}"/>, never a Roslyn symbol or a YAML node, or every
/// keystroke would regenerate the client.
/// </summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="DefaultBaseUrl">The first server URL with defaults filled in, if it is absolute.</param>
/// <param name="Operations">The client's methods, in spec order.</param>
/// <param name="Objects">Object schemas, named and inline, in a stable order.</param>
/// <param name="Enums">String enums, in a stable order.</param>
/// <param name="Unions">oneOf and anyOf schemas, in a stable order.</param>
/// <param name="Webhooks">The requests the API sends to the user, in spec order.</param>
internal sealed record ApiModel(
    ApiHeader Header,
    string? DefaultBaseUrl,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ObjectTypeModel> Objects,
    EquatableArray<EnumTypeModel> Enums,
    EquatableArray<UnionTypeModel> Unions,
    EquatableArray<WebhookModel> Webhooks);
