using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator can report. Ids are never reused: a retired check keeps its number.
/// Each rule is listed in AnalyzerReleases.Unshipped.md (moved to Shipped.md on release), which a test checks.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "HubSpotGen.OpenApi";

    public static readonly DiagnosticDescriptor InternalError = Create(
        "HSG0001", DiagnosticSeverity.Error,
        "The generator failed on this spec",
        "The OpenAPI generator failed unexpectedly: {0}; {1}",
        "This is a bug in HubSpotGen. Please report it with the spec that triggers it.");

    public static readonly DiagnosticDescriptor InvalidSyntax = Create(
        "HSG0002", DiagnosticSeverity.Error,
        "The spec is not valid YAML or JSON",
        "The spec cannot be read: {0}",
        "Fix the YAML or JSON syntax at the reported position.");

    public static readonly DiagnosticDescriptor NotAnOpenApiDocument = Create(
        "HSG0003", DiagnosticSeverity.Error,
        "The file is not an OpenAPI or Swagger document",
        "The file has no 'openapi' or 'swagger' version field; no client was generated",
        "An OpenAPI document starts with 'openapi: 3.x.y', a Swagger document with 'swagger: \"2.0\"'.");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "HSG0004", DiagnosticSeverity.Warning,
        "A $ref cannot be resolved",
        "The reference '{0}' does not point at anything in this document; {1}",
        "Check the spelling of the target: a '#/…' pointer must name a node of the file it is written in (or of the file before the '#').");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "HSG0005", DiagnosticSeverity.Warning,
        "Two operations share an operationId",
        "The operationId '{0}' is used more than once; this method is generated as '{1}'",
        "Each operationId must be unique in the document.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "HSG0006", DiagnosticSeverity.Warning,
        "A construct is not supported",
        "{0} is not supported; {1}",
        "The client still compiles; the construct is replaced as the message says.");

    public static readonly DiagnosticDescriptor MissingNamespace = Create(
        "HSG0007", DiagnosticSeverity.Error,
        "The spec has no OpenApiNamespace",
        "The AdditionalFiles item names a client (OpenApiClientName) but has no OpenApiNamespace metadata; no client was generated",
        "Set OpenApiNamespace on the AdditionalFiles item to the namespace of the generated client. An item with neither is not read as a spec.");

    public static readonly DiagnosticDescriptor MissingNewtonsoftJson = Create(
        "HSG0008", DiagnosticSeverity.Error,
        "Newtonsoft.Json is not referenced",
        "The generated client needs Newtonsoft.Json; add a PackageReference to it; no client was generated",
        "The generated models use Newtonsoft.Json attributes and its serializer.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "HSG0009", DiagnosticSeverity.Error,
        "The C# language version is too low",
        "The generated client needs C# 9 or later, but the project uses {0}; no client was generated",
        "Set LangVersion to 9 or later (11 or later for 'required' members).");

    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        "HSG0010", DiagnosticSeverity.Error,
        "The OpenApiNamespace is not a C# namespace",
        "The AdditionalFiles item's OpenApiNamespace metadata '{0}' is not a valid C# namespace; no client was generated",
        "Set OpenApiNamespace to dot-separated identifiers that are not C# keywords, e.g. 'Contoso.FlowService'.");

    /// <summary>Any chain of references (schemas, parameters, responses, path items) that comes back to where it started.</summary>
    public static readonly DiagnosticDescriptor ReferenceLoop = Create(
        "HSG0011", DiagnosticSeverity.Warning,
        "References loop without reaching a schema",
        "The reference '{0}' closes a loop of references that never reaches a definition; {1}",
        "Something that is only a $ref must eventually point at something with content. Break the loop.");

    public static readonly DiagnosticDescriptor ReferencedFileNotListed = Create(
        "HSG0012", DiagnosticSeverity.Warning,
        "A $ref names a file that is not an AdditionalFiles item",
        "The reference '{0}' names the file '{1}', which is not an AdditionalFiles item of the project; {2}",
        "List every file a spec refers to as an AdditionalFiles item without OpenApiNamespace, for instance <AdditionalFiles Include=\"spec/**/*.yaml\" />. Remote references (http, https) are never fetched.");

    /// <summary>Reported at the start of the spec item: the glob comes from the project file, which has no location a diagnostic can point at.</summary>
    public static readonly DiagnosticDescriptor IncludeGlobMatchesNothing = Create(
        "HSG0013", DiagnosticSeverity.Warning,
        "An include glob matches no operation",
        "The {0} glob '{1}' matches no operation in the spec, so it adds nothing to the client",
        "Check the glob against the spec's paths or tags: '*' stays within one path segment, '**' crosses segments, and matching is case-sensitive.");

    public static readonly DiagnosticDescriptor WebhookSkipped = Create(
        "HSG0014", DiagnosticSeverity.Warning,
        "A webhook has no JSON body to read",
        "The webhook '{0}' {1}, so it gets no parse method",
        "A webhook's parse method reads its request body as JSON: give it an application/json (or +json) body with a schema.");

    public static readonly DiagnosticDescriptor InvalidModelNamespace = Create(
        "HSG0015", DiagnosticSeverity.Error,
        "The OpenApiModelNamespace cannot hold the models",
        "The AdditionalFiles item's OpenApiModelNamespace metadata '{0}' {1}; no client was generated",
        "Set OpenApiModelNamespace to dot-separated identifiers that are not C# keywords and not inside a generated type, e.g. 'Contoso.FlowService.Models', or leave it out to keep the models beside the client.");

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, string help) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: help);
}
