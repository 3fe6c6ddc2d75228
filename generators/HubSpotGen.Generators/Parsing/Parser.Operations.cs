using System;
using System.Collections.Generic;
using System.Globalization;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal sealed partial class Parser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly List<OperationModel> _operations = new();
    private readonly HashSet<string> _operationBaseNames = new(StringComparer.Ordinal);

    private void ParseOperations()
    {
        foreach (var pathEntry in _root.GetMap("paths").Entries())
        {
            if (Dereference(pathEntry.Value, "the path is skipped", out _) is not { } pathItem)
            {
                continue;
            }

            foreach (var method in HttpMethods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (pathItem.GetMap(method) is { } operation)
                {
                    _operations.Add(ParseOperation(pathEntry.Key, method, pathItem, operation));
                }
            }
        }
    }

    private OperationModel ParseOperation(string path, string method, SpecMapping pathItem, SpecMapping operation)
    {
        var desiredName = CSharpNames.ToPascalCase(operation.GetString("operationId") ?? method + " " + path, "Operation");

        // Made unique before "Async" is appended: the suffix goes between the name and "Async".
        var baseName = CSharpNames.MakeUnique(desiredName, _operationBaseNames);
        var methodName = baseName + "Async";
        if (baseName != desiredName)
        {
            Report(DiagnosticDescriptors.DuplicateOperationId, operation.Get("operationId") ?? operation, operation.GetString("operationId") ?? desiredName, methodName);
        }

        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var declared = MergeParameters(pathItem, operation);
        var body = _isSwagger
            ? ParseSwaggerBody(operation, declared, baseName, parameterNames)
            : ParseRequestBody(operation, baseName, parameterNames);
        var parameters = ParseParameters(path, operation, declared, parameterNames);
        return new OperationModel(
            methodName,
            method.ToUpperInvariant(),
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            parameters.ToEquatableArray(),
            body,
            ParseResponses(operation, baseName));
    }

    private RequestBodyModel? ParseRequestBody(SpecMapping operation, string baseName, HashSet<string> parameterNames)
    {
        if (operation.Get("requestBody") is not { } node || Dereference(node, "the operation is generated without a body", out _) is not { } requestBody)
        {
            return null;
        }

        string? chosenMediaType = null;
        var chosenKind = RequestBodyKind.Binary;
        SpecMapping? chosenMedia = null;
        foreach (var media in requestBody.GetMap("content").Entries())
        {
            var kind = MediaTypes.RequestKind(media.Key);
            if (chosenMediaType is null || MediaTypes.RequestPreference(kind) < MediaTypes.RequestPreference(chosenKind))
            {
                chosenMediaType = media.Key;
                chosenKind = kind;
                chosenMedia = media.Value as SpecMapping;
            }
        }

        if (chosenMediaType is null)
        {
            return null;
        }

        var name = CSharpNames.MakeUnique("body", parameterNames);
        var mediaType = MediaTypes.Bare(chosenMediaType);
        var type = chosenKind switch
        {
            RequestBodyKind.Binary => new TypeRef(TypeKind.Stream),
            RequestBodyKind.Text => TypeRef.String,
            _ => ResolveSchema(chosenMedia.Get("schema"), baseName + "Request"),
        };
        if (chosenKind is RequestBodyKind.Form or RequestBodyKind.Multipart && type.Kind is not (TypeKind.Object or TypeKind.Map))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, operation.GetKeyNode("requestBody")!, "A form body whose schema is not an object", "it is sent as JSON");
            chosenKind = RequestBodyKind.Json;
        }

        if (mediaType.Contains("*"))
        {
            mediaType = chosenKind == RequestBodyKind.Json ? "application/json" : "application/octet-stream";
        }

        return new RequestBodyModel(name, mediaType, chosenKind, type, requestBody.GetBool("required"), requestBody.GetString("description"));
    }

    private EquatableArray<ResponseModel> ParseResponses(SpecMapping operation, string baseName)
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

            var response = Dereference(entry.Value, "the response is read without a body", out _);
            var isSuccess = statusCode is >= 200 and < 300;
            var (kind, type) = _isSwagger
                ? ReadSwaggerResponseBody(operation, response, baseName + (isSuccess ? "Response" : "Error"))
                : ReadResponseBody(response, baseName + (isSuccess ? "Response" : "Error"));
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

    private (ResponseBodyKind Kind, TypeRef? Type) ReadResponseBody(SpecMapping? response, string nameHint)
    {
        string? chosen = null;
        var chosenKind = ResponseBodyKind.None;
        SpecMapping? chosenMedia = null;
        foreach (var media in response.GetMap("content").Entries())
        {
            var kind = MediaTypes.ResponseKind(media.Key);
            if (chosen is null || MediaTypes.ResponsePreference(kind) < MediaTypes.ResponsePreference(chosenKind))
            {
                chosen = media.Key;
                chosenKind = kind;
                chosenMedia = media.Value as SpecMapping;
            }
        }

        return chosenKind switch
        {
            ResponseBodyKind.Json => (chosenKind, ResolveSchema(chosenMedia.Get("schema"), nameHint)),
            ResponseBodyKind.Text => (chosenKind, TypeRef.String),
            ResponseBodyKind.Binary => (chosenKind, new TypeRef(TypeKind.Bytes)),
            _ => (ResponseBodyKind.None, null),
        };
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
