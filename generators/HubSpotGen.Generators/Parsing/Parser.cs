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
    public static ParseResult Parse(SpecFile file, CancellationToken cancellationToken)
    {
        ParseResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ParseDocument(file, cancellationToken);
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
            return Failed(file, DiagnosticDescriptors.InternalError, SpecLocation.StartOf(file.Path), message);
        }

        return result;
    }

    private static ParseResult ParseDocument(SpecFile file, CancellationToken cancellationToken)
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

        SpecNode? document;
        try
        {
            document = SpecReader.Read(file.Text);
        }
        catch (SpecSyntaxException exception)
        {
            return Failed(file, DiagnosticDescriptors.InvalidSyntax, LocateOffset(file.Path, file.Text, exception.Offset), exception.Message);
        }

        if (document is not SpecMapping root || (root.GetString("openapi") is null && root.GetString("swagger") is null))
        {
            var location = document is null ? SpecLocation.StartOf(file.Path) : Locate(file.Path, document.Start, document.Start);
            return Failed(file, DiagnosticDescriptors.NotAnOpenApiDocument, location);
        }

        // The one place the two versions differ: after it, everything reads the OpenAPI 3 shape.
        var openApi3 = SwaggerToOpenApi3.IsSwagger(root) ? SwaggerToOpenApi3.Rewrite(root) : root;
        return Build(new ParseContext(file, openApi3, root, cancellationToken));
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

        ReportBrokenReferences(context);
        ParseComponentSchemas(context);
        ParseOperations(context);

        var model = new ApiModel(
            new ApiHeader(context.File.Namespace, clientName, title),
            ReadDefaultBaseUrl(context),
            context.Operations.ToEquatableArray(),
            context.Objects.ToEquatableArray(),
            context.Enums.ToEquatableArray(),
            context.Unions.ToEquatableArray());
        return new ParseResult(context.File.Path, model, context.Diagnostics.ToEquatableArray());
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

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http")
            ? url.TrimEnd('/')
            : null;
    }

    /// <summary>Reports once per diagnostic and node: several readings of one broken node (a reference used
    /// by many operations, say) are still one problem to fix.</summary>
    private static void Report(ParseContext context, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecNode node, params string[] arguments)
    {
        if (context.Reported.Add((descriptor.Id, node.Start.Index)))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(context.File.Path, node.Start, node.End), arguments));
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

    private static SpecLocation Locate(string path, SpecMark start, SpecMark end)
    {
        var startIndex = (int)start.Index;
        var endIndex = Math.Max(startIndex, (int)end.Index);
        return new SpecLocation(
            path,
            startIndex,
            endIndex - startIndex,
            Math.Max(0, (int)start.Line - 1),
            Math.Max(0, (int)start.Column - 1),
            Math.Max(0, (int)end.Line - 1),
            Math.Max(0, (int)end.Column - 1));
    }
}
