using System;
using System.Collections.Generic;
using System.Threading;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;
using HubSpotGen.Generators.Parsing.Reading;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Reads one spec into an <see cref="ApiModel"/>. It never throws (but for cancellation): whatever it
/// cannot use becomes a located diagnostic and a fallback that still compiles. Its steps keep no state of
/// their own: everything one parse reads and builds up is in the <see cref="ParseContext"/> each is handed.
/// </summary>
internal static partial class Parser
{
    public static ParseResult Parse(SpecFile file, CancellationToken cancellationToken) =>
        Parse(file, EquatableArray<CompanionFile>.Empty, cancellationToken);

    /// <param name="file">The entry item.</param>
    /// <param name="companions">The AdditionalFiles items its relative references may name.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static ParseResult Parse(SpecFile file, EquatableArray<CompanionFile> companions, CancellationToken cancellationToken)
    {
        ParseResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ParseDocument(file, companions, cancellationToken);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            NestingLimit.StackSize)
        {
            Name = "HubSpotGen spec parser",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();

        if (failure is OperationCanceledException cancelled)
        {
            throw new OperationCanceledException(cancelled.Message, cancelled, cancellationToken);
        }

        if (failure is not null || result is null)
        {
            // A crash here would surface as CS8785 with no hint of where; a located error is kinder.
            var message = failure is null ? "no result" : failure.GetType().Name + ": " + failure.Message;
            return Failed(file, DiagnosticDescriptors.InternalError, SpecLocation.StartOf(file.Path), message, "no client was generated from this file");
        }

        return result;
    }

    private static ParseResult ParseDocument(SpecFile file, EquatableArray<CompanionFile> companions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(file.Namespace))
        {
            return Failed(file, DiagnosticDescriptors.MissingNamespace, SpecLocation.StartOf(file.Path));
        }

        // Checked here rather than left to the compiler: every generated file would fail on it, far from the cause.
        if (!CSharpNames.IsValidNamespace(file.Namespace))
        {
            return Failed(file, DiagnosticDescriptors.InvalidNamespace, SpecLocation.StartOf(file.Path), file.Namespace);
        }

        if (file.ModelNamespace is { } modelNamespace && !CSharpNames.IsValidNamespace(modelNamespace))
        {
            return Failed(file, DiagnosticDescriptors.InvalidModelNamespace, SpecLocation.StartOf(file.Path), modelNamespace, "is not a valid C# namespace");
        }

        var loadProblems = new List<DiagnosticInfo>();
        var document = LoadTree(file.Path, file.Text, loadProblems, out var sharesNodes);
        if (loadProblems.Count > 0)
        {
            return new ParseResult(file.Path, null, loadProblems.ToEquatableArray());
        }

        if (document is not SpecMapping root || (root.GetString("openapi") is null && root.GetString("swagger") is null))
        {
            var location = document is null ? SpecLocation.StartOf(file.Path) : Locate(file.Path, new SpecLines(file.Text), document.Start, document.Start);
            return Failed(file, DiagnosticDescriptors.NotAnOpenApiDocument, location);
        }

        // A companion is read when a reference first names it; what is wrong with its text is reported in it.
        var documents = new SpecDocuments(file, root, sharesNodes, companions, LoadTree);

        // The one place the two versions differ: after it, everything reads the OpenAPI 3 shape.
        var openApi3 = SwaggerToOpenApi3.IsSwagger(root) ? SwaggerToOpenApi3.Rewrite(root, documents.DereferenceQuietly) : root;
        return Build(new ParseContext(file, documents, openApi3, cancellationToken));
    }

    /// <summary>The file's tree, or null after adding an HSG0002 for the first syntax error to <paramref name="problems"/>.</summary>
    private static SpecNode? LoadTree(string path, string text, List<DiagnosticInfo> problems, out bool sharesNodes)
    {
        sharesNodes = false;
        try
        {
            return SpecReader.Read(text, out sharesNodes);
        }
        catch (SpecSyntaxException exception)
        {
            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, LocateOffset(path, text, exception.Offset), exception.Message));
            return null;
        }
    }

    private static ParseResult Build(ParseContext context)
    {
        var info = context.Document.GetMap("info");
        var title = info.GetString("title") ?? "Api";
        var clientName = CSharpNames.ToPascalCase(context.File.ClientName ?? title, "Api");
        if (context.File.ClientName is null && !clientName.EndsWith("Client", StringComparison.Ordinal))
        {
            clientName += "Client";
        }

        context.TypeNames.Add(clientName);
        context.TypeNames.Add("ApiException");
        if (context.Document.GetMap("webhooks") is { Children.Count: > 0 })
        {
            context.TypeNames.Add(WebhookModel.ClassName(clientName));
        }

        if (ModelNamespaceApart(context.File) is { } modelNamespace)
        {
            // A namespace and a type of one full name cannot both exist. A client-side type on the model
            // namespace's path is the project's choice to undo; a schema on the client's path is renamed.
            foreach (var clientSideType in context.TypeNames)
            {
                if (IsOnPath(context.File.Namespace + "." + clientSideType, modelNamespace))
                {
                    return Failed(context.File, DiagnosticDescriptors.InvalidModelNamespace, SpecLocation.StartOf(context.File.Path), modelNamespace, "lies inside the generated type '" + context.File.Namespace + "." + clientSideType + "'");
                }
            }

            if (context.File.Namespace.StartsWith(modelNamespace + ".", StringComparison.Ordinal))
            {
                var segment = context.File.Namespace.Substring(modelNamespace.Length + 1);
                var dot = segment.IndexOf('.');
                context.TypeNames.Add(dot < 0 ? segment : segment.Substring(0, dot));
            }
        }

        ReportBrokenReferences(context);
        ParseComponentSchemas(context);
        ParseOperations(context);
        var webhooks = ParseWebhooks(context);
        context.Diagnostics.AddRange(context.Documents.Problems);

        var model = new ApiModel(
            new ApiHeader(context.File.Namespace, clientName, title, context.File.Path, ModelNamespaceApart(context.File)),
            ReadDefaultBaseUrl(context),
            context.Operations.ToEquatableArray(),
            context.Objects.ToEquatableArray(),
            context.Enums.ToEquatableArray(),
            context.Unions.ToEquatableArray(),
            webhooks);
        if (context.Filter is { } filter)
        {
            ReportUnmatchedGlobs(context, filter);
            model = ReachableTypes.Prune(model);
        }

        model = ShapeDeduplication.Apply(model, NamedTypeNames(context));
        return new ParseResult(context.File.Path, model, context.Diagnostics.ToEquatableArray());
    }

    /// <summary>The model namespace when it differs from the client's; null keeps every type in one namespace.</summary>
    private static string? ModelNamespaceApart(SpecFile file) =>
        file.ModelNamespace is { } modelNamespace && modelNamespace != file.Namespace ? modelNamespace : null;

    /// <summary>True when <paramref name="name"/> is <paramref name="namespace"/> or one of its enclosing namespaces.</summary>
    private static bool IsOnPath(string name, string @namespace) =>
        @namespace == name || @namespace.StartsWith(name + ".", StringComparison.Ordinal);

    private static void ReportUnmatchedGlobs(ParseContext context, OperationFilter filter)
    {
        foreach (var glob in filter.UnmatchedPaths())
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludeGlobMatchesNothing, SpecLocation.StartOf(context.File.Path), "OpenApiIncludePaths", glob));
        }

        foreach (var glob in filter.UnmatchedTags())
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludeGlobMatchesNothing, SpecLocation.StartOf(context.File.Path), "OpenApiIncludeTags", glob));
        }
    }

    /// <summary>The types declared for schemas reached by name (components, or any $ref target), which keep their names.</summary>
    private static HashSet<string> NamedTypeNames(ParseContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in context.NamedTypes.Values)
        {
            if (type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union && type.Name is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The first server's URL with each variable at its default; null when it is not absolute.</summary>
    private static string? ReadDefaultBaseUrl(ParseContext context)
    {
        if (context.Document.GetSequence("servers") is not { Children.Count: > 0 } servers || servers.Children[0] is not SpecMapping server)
        {
            return null;
        }

        var url = server.GetString("url");
        if (url is null)
        {
            return null;
        }

        foreach (var variable in server.GetMap("variables").Entries())
        {
            var value = (variable.Value as SpecMapping).GetString("default") ?? string.Empty;
            url = url.Replace("{" + variable.Key + "}", value);
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        return ServerUrls.IsPlainHttp(url) || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
            ? url.TrimEnd('/')
            : null;
    }

    /// <summary>
    /// Runs one step of the parse (a schema, an operation); a failure in it is reported as HSG0001 at the node
    /// it was reading, and the rest of the spec is still read: one bug costs one type or method, not the client.
    /// </summary>
    private static void Guarded(ParseContext context, SpecNode node, string consequence, Action step)
    {
        try
        {
            step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(context, DiagnosticDescriptors.InternalError, node, exception.GetType().Name + ": " + exception.Message, consequence);
        }
    }

    /// <summary>Reports once per diagnostic and node: several readings of one broken node (a reference used
    /// by many operations, say) are still one problem to fix.</summary>
    private static void Report(ParseContext context, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecNode node, params string[] arguments)
    {
        var document = context.Documents.DocumentOf(node);
        var path = document.Path;
        if (context.Reported.Add((descriptor.Id, path, node.Start.Index)))
        {
            if (!context.Lines.TryGetValue(path, out var lines))
            {
                lines = new SpecLines(document.Text);
                context.Lines[path] = lines;
            }

            context.Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(path, lines, node.Start, node.End), arguments));
        }
    }

    private static ParseResult Failed(SpecFile file, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) =>
        new(file.Path, null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(descriptor, location, arguments) }));

    /// <summary>A one-character span at <paramref name="offset"/>, kept inside the text (a file may end mid-line).</summary>
    private static SpecLocation LocateOffset(string path, string text, int offset)
    {
        offset = Math.Max(0, Math.Min(offset, text.Length));
        int line = 0, column = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        var length = offset < text.Length && text[offset] != '\n' ? 1 : 0;
        return new SpecLocation(path, offset, length, line, column, line, column + length);
    }

    private static SpecLocation Locate(string path, SpecLines lines, SpecMark start, SpecMark end)
    {
        var startIndex = start.Index;
        var endIndex = Math.Max(startIndex, end.Index);
        return new SpecLocation(path, startIndex, endIndex - startIndex, lines.LineOf(startIndex), lines.ColumnOf(startIndex), lines.LineOf(endIndex), lines.ColumnOf(endIndex));
    }
}
