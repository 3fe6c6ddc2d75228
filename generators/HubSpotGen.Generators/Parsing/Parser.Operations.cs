using System;
using System.Collections.Generic;
using System.Globalization;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;
using YamlDotNet.RepresentationModel;

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

    private OperationModel ParseOperation(string path, string method, YamlMappingNode pathItem, YamlMappingNode operation)
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
        var body = ParseRequestBody(operation, baseName, parameterNames);
        var parameters = ParseParameters(path, pathItem, operation, parameterNames);
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

    private RequestBodyModel? ParseRequestBody(YamlMappingNode operation, string baseName, HashSet<string> parameterNames)
    {
        if (operation.Get("requestBody") is not { } node || Dereference(node, "the operation is generated without a body", out _) is not { } requestBody)
        {
            return null;
        }

        var content = requestBody.GetMap("content");
        foreach (var media in content.Entries())
        {
            if (IsJsonMediaType(media.Key))
            {
                var type = ResolveSchema((media.Value as YamlMappingNode).Get("schema"), baseName + "Request");
                var name = CSharpNames.MakeUnique("body", parameterNames);
                return new RequestBodyModel(name, media.Key, type, requestBody.GetBool("required"), requestBody.GetString("description"));
            }
        }

        if (content.Entries() is var entries && entries.GetEnumerator().MoveNext())
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, operation.GetKeyNode("requestBody")!, "A request body that is not JSON", "the operation is generated without a body");
        }

        return null;
    }

    private EquatableArray<ResponseModel> ParseResponses(YamlMappingNode operation, string baseName)
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
            var type = ReadResponseType(response, baseName + (isSuccess ? "Response" : "Error"));
            (isSuccess ? successes : failures).Add(new ResponseModel(statusCode, entry.Key.Length == 3 && !char.IsDigit(entry.Key[2]), isSuccess, type, response.GetString("description")));
        }

        successes.AddRange(failures);
        return successes.ToEquatableArray();
    }

    private TypeRef? ReadResponseType(YamlMappingNode? response, string nameHint)
    {
        foreach (var media in response.GetMap("content").Entries())
        {
            if (IsJsonMediaType(media.Key))
            {
                return ResolveSchema((media.Value as YamlMappingNode).Get("schema"), nameHint);
            }
        }

        return null;
    }

    /// <summary>"404" is 404; a range such as "2XX" stands for its first code; anything else is ignored.</summary>
    private static int ParseStatusCode(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        return text.Length == 3 && char.IsDigit(text[0]) && (text.EndsWith("XX", StringComparison.OrdinalIgnoreCase))
            ? (text[0] - '0') * 100
            : -1;
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        var bare = (semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon)).Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
