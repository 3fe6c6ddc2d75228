using System;
using System.Collections.Generic;
using System.Globalization;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static void ParseOperations(ParseContext context)
    {
        foreach (var pathEntry in context.Document.GetMap("paths").Entries())
        {
            if (Dereference(context, pathEntry.Value, "the path is skipped", out _) is not { } pathItem)
            {
                continue;
            }

            foreach (var method in HttpMethods)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (pathItem.GetMap(method) is { } operation && (context.Filter?.Includes(pathEntry.Key, operation.GetSequence("tags").Strings()) ?? true))
                {
                    Guarded(context, operation, "the operation " + method.ToUpperInvariant() + " " + pathEntry.Key + " is left out", () =>
                    {
                        FaultInjection.ThrowIfRequested(operation.GetString("operationId") ?? method + " " + pathEntry.Key);
                        context.Operations.Add(ParseOperation(context, pathEntry.Key, method, pathItem, operation));
                    });
                }
            }
        }
    }

    private static OperationModel ParseOperation(ParseContext context, string path, string method, SpecMapping pathItem, SpecMapping operation)
    {
        var desiredName = CSharpNames.ToPascalCase(operation.GetString("operationId") ?? method + " " + path, "Operation");

        // Made unique before "Async" is appended: the suffix goes between the name and "Async".
        var baseName = CSharpNames.MakeUnique(desiredName, context.OperationBaseNames);
        var methodName = baseName + "Async";
        if (baseName != desiredName)
        {
            Report(context, DiagnosticDescriptors.DuplicateOperationId, operation.Get("operationId") ?? operation, operation.GetString("operationId") ?? desiredName, methodName);
        }

        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var declared = MergeParameters(context, pathItem, operation);
        var body = ParseRequestBody(context, operation, baseName, parameterNames);
        var parameters = ParseParameters(context, path, operation, declared, parameterNames);
        return new OperationModel(
            methodName,
            method.ToUpperInvariant(),
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            parameters.ToEquatableArray(),
            body,
            ParseResponses(context, operation, baseName));
    }

    private static RequestBodyModel? ParseRequestBody(ParseContext context, SpecMapping operation, string baseName, HashSet<string> parameterNames)
    {
        if (operation.Get("requestBody") is not { } node || Dereference(context, node, "the operation is generated without a body", out _) is not { } requestBody)
        {
            return null;
        }

        if (PreferredMedia(requestBody.GetMap("content"), mediaType => MediaTypes.RequestPreference(MediaTypes.RequestKind(mediaType))) is not var (chosenMediaType, chosenMedia))
        {
            return null;
        }

        var chosenKind = MediaTypes.RequestKind(chosenMediaType);

        // x-codegen-request-body-name is the usual extension that names the body argument (a Swagger 2.0 body
        // parameter's name arrives as it).
        var name = CSharpNames.MakeUnique(CSharpNames.ToParameterName(requestBody.GetString("x-codegen-request-body-name") ?? "body"), parameterNames);
        var mediaType = MediaTypes.Bare(chosenMediaType);
        var type = chosenKind switch
        {
            RequestBodyKind.Binary => new TypeRef(TypeKind.Stream),
            RequestBodyKind.Text => TypeRef.String,
            _ => ResolveSchema(context, chosenMedia.Get("schema"), baseName + "Request"),
        };
        if (chosenKind is RequestBodyKind.Form or RequestBodyKind.Multipart && type.Kind is not (TypeKind.Object or TypeKind.Map))
        {
            Report(context, DiagnosticDescriptors.UnsupportedConstruct, operation.GetKeyNode("requestBody")!, "A form body whose schema is not an object", "it is sent as JSON");
            chosenKind = RequestBodyKind.Json;
        }

        if (mediaType.Contains("*"))
        {
            mediaType = chosenKind == RequestBodyKind.Json ? "application/json" : "application/octet-stream";
        }

        return new RequestBodyModel(name, mediaType, chosenKind, type, requestBody.GetBool("required"), requestBody.GetString("description"));
    }

    private static EquatableArray<ResponseModel> ParseResponses(ParseContext context, SpecMapping operation, string baseName)
    {
        var successes = new List<ResponseModel>();
        var failures = new List<ResponseModel>();
        foreach (var entry in operation.GetMap("responses").Entries())
        {
            var statusCode = entry.Key == "default" ? 0 : ParseStatusCode(entry.Key);
            if (statusCode < 0)
            {
                continue;
            }

            var response = Dereference(context, entry.Value, "the response is read without a body", out _);
            var isSuccess = statusCode is >= 200 and < 300;
            var (kind, type) = ReadResponseBody(context, response, baseName + (isSuccess ? "Response" : "Error"));
            var isRange = entry.Key.Length == 3 && !char.IsDigit(entry.Key[2]);
            (isSuccess ? successes : failures).Add(new ResponseModel(statusCode, isRange, isSuccess, kind, type, response.GetString("description")));
        }

        // With no 2xx documented, "default" is the only description of what success looks like.
        if (successes.Count == 0 && failures.FindIndex(response => response.StatusCode == 0) is var index and >= 0)
        {
            successes.Add(failures[index] with { IsSuccess = true });
            failures.RemoveAt(index);
        }

        successes.AddRange(failures);
        return successes.ToEquatableArray();
    }

    private static (ResponseBodyKind Kind, TypeRef? Type) ReadResponseBody(ParseContext context, SpecMapping? response, string nameHint)
    {
        if (PreferredMedia(response.GetMap("content"), mediaType => MediaTypes.ResponsePreference(MediaTypes.ResponseKind(mediaType))) is not var (chosen, chosenMedia))
        {
            return (ResponseBodyKind.None, null);
        }

        var chosenKind = MediaTypes.ResponseKind(chosen);
        return chosenKind switch
        {
            ResponseBodyKind.Json => (chosenKind, ResolveSchema(context, chosenMedia.Get("schema"), nameHint)),
            ResponseBodyKind.Text => (chosenKind, TypeRef.String),
            ResponseBodyKind.Binary => (chosenKind, new TypeRef(TypeKind.Bytes)),
            _ => (ResponseBodyKind.None, null),
        };
    }

    /// <summary>The content entry the client handles best (lowest rank); the first such in document order.</summary>
    private static (string MediaType, SpecMapping? Media)? PreferredMedia(SpecMapping? content, Func<string, int> rank)
    {
        (string MediaType, SpecMapping? Media)? best = null;
        var bestRank = int.MaxValue;
        foreach (var media in content.Entries())
        {
            var candidateRank = rank(media.Key);
            if (candidateRank < bestRank)
            {
                best = (media.Key, media.Value as SpecMapping);
                bestRank = candidateRank;
            }
        }

        return best;
    }

    /// <summary>"404" is 404; a range such as "2XX" stands for its first code; anything else is ignored.</summary>
    private static int ParseStatusCode(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        return text.Length == 3 && char.IsDigit(text[0]) && text.EndsWith("XX", StringComparison.OrdinalIgnoreCase)
            ? (text[0] - '0') * 100
            : -1;
    }
}
