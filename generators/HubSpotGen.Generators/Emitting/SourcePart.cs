using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Which generated file a <see cref="SourcePart"/> becomes.</summary>
internal enum SourcePartKind
{
    Client,
    Infrastructure,
    ApiException,
    Object,
    Enum,
    Union,
}

/// <summary>
/// One generated file's worth of the model. The pipeline emits per part, so that an edit to one operation
/// re-emits the client but leaves every model file it does not touch cached.
/// </summary>
/// <param name="Kind">Which file this is.</param>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Options">What the consuming compilation supports.</param>
/// <param name="Api">The whole model, for the client file only.</param>
/// <param name="CustomHttpMethods">Methods without an HttpMethod property (PATCH), for the infrastructure file only.</param>
/// <param name="Object">The class, for an object file.</param>
/// <param name="Enum">The struct, for an enum file.</param>
/// <param name="Union">The class, for a union file.</param>
internal sealed record SourcePart(
    SourcePartKind Kind,
    ApiHeader Header,
    EmitOptions Options,
    ApiModel? Api = null,
    EquatableArray<string> CustomHttpMethods = default,
    ObjectTypeModel? Object = null,
    EnumTypeModel? Enum = null,
    UnionTypeModel? Union = null);
