using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>
/// One generated file's worth of the model, one record per kind of file. The pipeline emits per file and
/// compares these by value, so each holds exactly what its file is written from: an edit re-emits only
/// the files whose record it changes.
/// </summary>
/// <param name="Header">Namespace, client name and title, which every file's header and namespace use.</param>
internal abstract record SourceFile(ApiHeader Header)
{
    /// <summary>
    /// The name the file is added under, unique in its client even where the compiler compares names
    /// without regard to case (schemas <c>FooBar</c> and <c>Foobar</c>); set by <see cref="Emitter.Plan"/>.
    /// </summary>
    public string HintName { get; init; } = string.Empty;
}

/// <summary>The client class: its constructor and one method per operation.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="DefaultBaseUrl">The spec's first absolute server, if any.</param>
/// <param name="Operations">The operations, in spec order.</param>
/// <param name="FormBodies">The classes of form and multipart bodies, whose properties become the fields the methods write.</param>
internal sealed record ClientFile(
    ApiHeader Header,
    string? DefaultBaseUrl,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ObjectTypeModel> FormBodies) : SourceFile(Header);

/// <summary>The client's private plumbing: serializer settings, URL, body and error helpers.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Options">What the consuming compilation supports.</param>
/// <param name="CustomHttpMethods">Methods without an HttpMethod property (PATCH), each of which gets a field.</param>
internal sealed record InfrastructureFile(ApiHeader Header, EmitOptions Options, EquatableArray<string> CustomHttpMethods) : SourceFile(Header);

/// <summary>The ApiException classes.</summary>
/// <param name="Header">Namespace, client name and title.</param>
internal sealed record ApiExceptionFile(ApiHeader Header) : SourceFile(Header);

/// <summary>A class for an object schema.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Options">What the consuming compilation supports (required members).</param>
/// <param name="Type">The class.</param>
internal sealed record ObjectFile(ApiHeader Header, EmitOptions Options, ObjectTypeModel Type) : SourceFile(Header);

/// <summary>A struct for a string or integer enum.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Type">The struct.</param>
internal sealed record EnumFile(ApiHeader Header, EnumTypeModel Type) : SourceFile(Header);

/// <summary>A class for a oneOf or anyOf schema.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Type">The class.</param>
internal sealed record UnionFile(ApiHeader Header, UnionTypeModel Type) : SourceFile(Header);

/// <summary>
/// Several model, enum and union types in one file, as a big spec's are (see <see cref="Emitter.Plan"/>): each as its
/// own file's record, so that an edit of one type writes again only the group it is in.
/// </summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Number">The group's number, which its hint name carries.</param>
/// <param name="Types">The types' files, in model order.</param>
internal sealed record TypeGroupFile(ApiHeader Header, int Number, EquatableArray<SourceFile> Types) : SourceFile(Header);

/// <summary>Not a file: planning the model's files failed here, which the output step reports.</summary>
/// <param name="Header">Namespace, client name and title, and the spec item to report at.</param>
/// <param name="Message">What failed.</param>
internal sealed record FailedPlanFile(ApiHeader Header, string Message) : SourceFile(Header);
